import { SAM, SAM_DETAILS } from './contacts';
import { SAM_BY_ID, SAM_BY_MOBILE, samEvent, samLookupMisses, withIgnoredLog } from './events';
import { api, appError, authData, BASE, CONNECTION_CHECK, rejection, run, triggers } from './support';

const trigger = triggers.new_contact;
const deliver = (cleanedRequest: unknown, subscribeData?: { id: string }) =>
  run.trigger('new_contact', { authData, inputData: { department_id: 'dept-1' }, cleanedRequest, subscribeData }, { freshCache: true });

const DATES = { createdDate: '2025-06-10T18:00:00.000Z', lastUpdated: 1749578400000 };
const API_CONTACT = { ...SAM.api, ...SAM_DETAILS, ...DATES };
const CONTACT = { ...SAM.output, ...SAM_DETAILS, ...DATES };
describe('New Contact (new_contact)', () => {
  it('keeps the key new_contact, an instant trigger, labelled for additions only', () => {
    expect(trigger).toMatchObject({
      key: 'new_contact',
      display: { label: 'New Contact', description: 'Triggers when a contact is added to the organization.' },
      operation: { type: 'hook' },
    });
  });

  describe('a contact event fires for the contact as the API has it, fetched before firing', () => {
    it('finds a created contact by the mobile number the event gives, and returns the fetched record', async () => {
      api().get(SAM_BY_MOBILE).once().reply(200, API_CONTACT);
      await expect(deliver(samEvent('CONTACT_CREATED'))).resolves.toEqual([CONTACT]);
    });

    it('gets a contact the event names by id alone with GET /contact/{id}', async () => {
      api().get(SAM_BY_ID).once().reply(200, API_CONTACT);
      await expect(deliver(samEvent('CONTACT_CREATED', { contactId: 'c-101' }))).resolves.toEqual([CONTACT]);
    });

    it.each([
      ['the contact at the top level', 'c-101', { id: 'c-101', firstName: 'Forged', mobileNumber: '+19495550111' }],
      [
        'the contact under `contact`',
        'c-101',
        { eventType: 'created', contact: { id: 'c-101', firstName: 'Forged', mobileNumber: '+19495550111' } },
      ],
      ['the contact under `contactInfo` with a numeric id', 101, { action: 'ADD', contactInfo: { id: 101, mobileNumber: '+19495550111' } }],
    ])('outputs the fetched contact, not the details of an event carrying %s', async (_where, id, body) => {
      api()
        .get(SAM_BY_MOBILE)
        .once()
        .reply(200, { ...API_CONTACT, id });
      await expect(deliver(body)).resolves.toEqual([{ ...CONTACT, id: String(id) }]);
    });

    it('takes an event that does not say what happened for an addition', async () => {
      api().get(SAM_BY_MOBILE).once().reply(200, API_CONTACT);
      await expect(deliver(samEvent(undefined))).resolves.toEqual([CONTACT]);
    });

    it.each(samLookupMisses(API_CONTACT))('fires nothing when %s', async (_case, answer) => {
      answer();
      await expect(deliver(samEvent('CONTACT_CREATED'))).resolves.toEqual([]);
    });

    it('fires nothing when the contact named by id alone is gone (404)', async () => {
      api().get(SAM_BY_ID).reply(404, { message: 'Contact c-101 not found' });
      await expect(deliver(samEvent('CONTACT_CREATED', { contactId: 'c-101' }))).resolves.toEqual([]);
    });

    it('fails with the reason when the lookup and the connection are refused', async () => {
      api().get(SAM_BY_MOBILE).reply(403, { message: 'Forbidden' });
      // The connection is refused too: the API key, not this id.
      api().get(CONNECTION_CHECK).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(deliver(samEvent('CONTACT_CREATED'))))).toMatchObject({ code: 'forbidden', status: 403 });
    });
  });

  describe('an event that says the contact was changed or deleted fires nothing and calls nothing (Updated Contact and Deleted Contact fire for those)', () => {
    // The network is disabled and no API answer is set up: any request would fail the step.
    it.each([['CONTACT_DELETED'], ['contactDeleted'], ['REMOVED'], ['CONTACT_UPDATED'], ['contact.changed'], ['EDIT']])(
      '%s',
      async (eventType) => {
        await expect(deliver(samEvent(eventType))).resolves.toEqual([]);
      },
    );

    it.each([
      ['`event`', { event: 'contact_deleted', contactInfo: { contactId: 'c-101' } }],
      ['`action`', { action: 'DELETE', contact: { id: 'c-101' } }],
      ['`type`', { type: 'DELETED', id: 'c-101' }],
    ])('a delete said in %s', async (_field, body) => {
      await expect(deliver(body)).resolves.toEqual([]);
    });
  });

  describe('repeats', () => {
    it('fires once, and fetches once, for a creation delivered twice to a subscription', async () => {
      api().get(SAM_BY_MOBILE).once().reply(200, API_CONTACT);
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-contacts' } };
      await expect(
        run.trigger('new_contact', { ...bundle, cleanedRequest: samEvent('CONTACT_CREATED') }, { freshCache: true }),
      ).resolves.toEqual([CONTACT]);
      await expect(run.trigger('new_contact', { ...bundle, cleanedRequest: samEvent('CONTACT_CREATED') })).resolves.toEqual([]);
    });

    it('fires once per contact for events that do not say what happened, however often it changes', async () => {
      api().get(SAM_BY_MOBILE).once().reply(200, API_CONTACT);
      const bundle = {
        authData,
        inputData: { department_id: 'dept-1' },
        subscribeData: { id: 'sub-untyped' },
        cleanedRequest: samEvent(undefined),
      };
      await expect(run.trigger('new_contact', bundle, { freshCache: true })).resolves.toEqual([CONTACT]);
      await expect(run.trigger('new_contact', { ...bundle, cleanedRequest: { ...samEvent(undefined), uuid: 'evt-4' } })).resolves.toEqual(
        [],
      );
    });
  });

  describe('events that cannot crash or mislead the trigger', () => {
    it.each([
      ['a "/"', 'c/101', 'its contact is not an id (5 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['".."', '..', 'its contact is not an id (2 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['blanks', ' ', 'its contact is not an id (1 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['100 KB', 'c'.repeat(102_400), 'its contact is not an id (102400 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['a line break', 'c-101\n', 'its contact is not an id (6 characters, not 1 to 64 letters, digits, "-" or "_")'],
    ])('a contact id with %s fires nothing, makes no request and is logged', async (_what, contactId, why) => {
      const { result, ignored } = await withIgnoredLog(() =>
        deliver(samEvent('CONTACT_CREATED', { contactId, mobileNumber: '+19495550111' })),
      );
      expect(result).toEqual([]);
      expect(ignored).toEqual([`StratusTexting event ignored: ${why}.`]);
    });

    it("fires nothing for another organization's contact (403 while the connection works)", async () => {
      api().get(SAM_BY_MOBILE).reply(403, { message: 'Forbidden' });
      api().get(CONNECTION_CHECK).reply(404, { message: 'Not Found' });
      const { result, ignored } = await withIgnoredLog(() => deliver(samEvent('CONTACT_CREATED')));
      expect(result).toEqual([]);
      expect(ignored).toEqual(['StratusTexting event ignored: the API refuses this contact id to the connection.']);
    });

    it.each([
      ['fires nothing for a contact added over 5 minutes before the subscription', '2025-06-10T18:05:00.001Z', []],
      ['fires for a contact added 5 minutes before it', '2025-06-10T18:05:00.000Z', [CONTACT]],
    ])('%s (added 2025-06-10T18:00:00.000Z)', async (_what, createdDateTime, fired) => {
      api().get(SAM_BY_MOBILE).reply(200, API_CONTACT);
      await expect(
        run.trigger(
          'new_contact',
          {
            authData,
            inputData: { department_id: 'dept-1' },
            subscribeData: { id: 'sub-age', createdDateTime },
            cleanedRequest: samEvent('CONTACT_CREATED'),
          },
          { freshCache: true },
        ),
      ).resolves.toEqual(fired);
    });
  });

  it.each([
    ['an empty object', {}],
    ['a string body', 'ping'],
    ['a message event', { uuid: 'evt-1', messageInfo: { messageId: 'm-1' } }],
    ['an event that names no contact', { eventType: 'CONTACT_CREATED', contactInfo: { mobileNumber: '+19495550111' } }],
  ])('starts nothing and calls nothing for %s', async (_what, body) => {
    await expect(deliver(body)).resolves.toEqual([]);
  });

  describe('loading sample data in the editor (performList)', () => {
    it("asks for the organization's three newest contacts and shows them newest first", async () => {
      api()
        .get(`${BASE}/contact/all`)
        .query({ page: '0', size: '3', sort: 'createdDate,desc' })
        .reply(200, {
          content: [
            // An API that ignores the sort: the page is still shown newest first.
            { id: 'c-100', firstName: 'Ana', mobileNumber: '+19495550112', createdDate: '2025-06-09T09:00:00.000Z' },
            API_CONTACT,
          ],
          last: true,
        });
      await expect(run.triggerList('new_contact', { authData, inputData: { department_id: 'dept-1' } })).resolves.toEqual([
        CONTACT,
        {
          id: 'c-100',
          first_name: 'Ana',
          last_name: null,
          mobile: '+19495550112',
          email: null,
          company: null,
          notes: null,
          createdDate: '2025-06-09T09:00:00.000Z',
        },
      ]);
    });

    it('accepts a bare list of contacts', async () => {
      api().get(`${BASE}/contact/all`).query({ page: '0', size: '3', sort: 'createdDate,desc' }).reply(200, [API_CONTACT]);
      await expect(run.triggerList('new_contact', { authData, inputData: {} })).resolves.toEqual([CONTACT]);
    });

    it('maps a 500 to a provider_unavailable error naming the action', async () => {
      api().get(`${BASE}/contact/all`).query(true).reply(500, { message: 'Internal server error' });
      expect(appError(await rejection(run.triggerList('new_contact', { authData, inputData: {} })))).toEqual({
        message:
          'StratusTexting failed on its side during "Get All Contacts" ("Internal server error"). Nothing in this step needs to change: try again later. (HTTP 500)',
        code: 'provider_unavailable',
        status: 500,
      });
    });
  });
});
