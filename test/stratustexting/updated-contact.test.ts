import { SAM, SAM_DETAILS } from './contacts';
import { SAM_BY_ID, SAM_BY_MOBILE, samEvent, samLookupMisses, withIgnoredLog } from './events';
import { api, appError, authData, BASE, CONNECTION_CHECK, rejection, run, triggers } from './support';

const trigger = triggers.updated_contact;
const deliver = (cleanedRequest: unknown, subscribeData?: Record<string, unknown>) =>
  run.trigger('updated_contact', { authData, inputData: { department_id: 'dept-1' }, cleanedRequest, subscribeData }, { freshCache: true });

/** 2025-06-10T18:00:00.000Z, the contact's last change. */
const LAST_UPDATED = 1749578400000;
const DATES = { createdDate: '2025-06-01T09:00:00.000Z', lastUpdated: LAST_UPDATED };
const API_CONTACT = { ...SAM.api, ...SAM_DETAILS, ...DATES };
const CONTACT = { ...SAM.output, ...SAM_DETAILS, ...DATES };
describe('Updated Contact (updated_contact)', () => {
  it('is an instant trigger on a department, labelled for changes', () => {
    expect(trigger).toMatchObject({
      key: 'updated_contact',
      display: {
        label: 'Updated Contact',
        description: "Triggers when a contact of the organization is changed, with the contact's details as they are now.",
      },
      operation: { type: 'hook' },
    });
    expect(trigger.operation.inputFields).toEqual([
      expect.objectContaining({ key: 'department_id', required: true, dynamic: 'site_list.id.name' }),
      expect.objectContaining({ key: 'organization_id', required: false }),
    ]);
  });

  describe('an update event fires for the contact as the API has it now', () => {
    it.each([['CONTACT_UPDATED'], ['updated'], ['contactChanged'], ['EDIT']])(
      '%s: finds the contact by the number the event gives and returns the fetched record',
      async (eventType) => {
        api().get(SAM_BY_MOBILE).once().reply(200, API_CONTACT);
        await expect(
          deliver(samEvent(eventType, { contactId: 'c-101', mobileNumber: '+19495550111', firstName: 'Forged' })),
        ).resolves.toEqual([CONTACT]);
      },
    );

    it('gets a contact the event names by id alone with GET /contact/{id}', async () => {
      api().get(SAM_BY_ID).once().reply(200, API_CONTACT);
      await expect(deliver(samEvent('CONTACT_UPDATED', { contactId: 'c-101' }))).resolves.toEqual([CONTACT]);
    });

    it.each(samLookupMisses(API_CONTACT))('fires nothing when %s', async (_case, answer) => {
      answer();
      await expect(deliver(samEvent('CONTACT_UPDATED'))).resolves.toEqual([]);
    });

    it('fails with the reason when the lookup and the connection are refused', async () => {
      api().get(SAM_BY_MOBILE).reply(403, { message: 'Forbidden' });
      api().get(CONNECTION_CHECK).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(deliver(samEvent('CONTACT_UPDATED'))))).toMatchObject({ code: 'forbidden', status: 403 });
    });
  });

  describe('events that are not updates fire nothing and call nothing', () => {
    // The network is disabled and no API answer is set up: any request would fail the step.
    it.each([
      ['CONTACT_CREATED', 'the contact was created, not updated'],
      ['CONTACT_DELETED', 'the contact was deleted, not updated'],
      [undefined, 'the event does not say the contact was updated'],
    ])('%s', async (eventType, why) => {
      const { result, ignored } = await withIgnoredLog(() => deliver(samEvent(eventType)));
      expect(result).toEqual([]);
      expect(ignored).toEqual([`StratusTexting event ignored: ${why}.`]);
    });

    it.each([
      ['a "/" in the id', 'c/101'],
      ['".."', '..'],
      ['100 KB', 'c'.repeat(102_400)],
    ])('a contact id with %s', async (_what, contactId) => {
      await expect(deliver(samEvent('CONTACT_UPDATED', { contactId }))).resolves.toEqual([]);
    });
  });

  describe('versions and repeats', () => {
    it('fires once per version of the contact: a repeat fires nothing, a later change fires again', async () => {
      const changed = { ...API_CONTACT, notes: 'VIP', lastUpdated: LAST_UPDATED + 3_600_000 };
      api().get(SAM_BY_MOBILE).twice().reply(200, API_CONTACT);
      api().get(SAM_BY_MOBILE).once().reply(200, changed);
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-updates' } };
      const run1 = (uuid: string) =>
        run.trigger('updated_contact', { ...bundle, cleanedRequest: samEvent('CONTACT_UPDATED', undefined, uuid) });
      await expect(
        run.trigger('updated_contact', { ...bundle, cleanedRequest: samEvent('CONTACT_UPDATED') }, { freshCache: true }),
      ).resolves.toEqual([CONTACT]);
      await expect(run1('evt-3-again')).resolves.toEqual([]);
      await expect(run1('evt-6')).resolves.toEqual([{ ...CONTACT, notes: 'VIP', lastUpdated: LAST_UPDATED + 3_600_000 }]);
    });

    it("tells a repeat by the event's uuid when the record has no time of change", async () => {
      const untimed = { ...SAM.api, ...SAM_DETAILS, createdDate: DATES.createdDate };
      const untimedOutput = { ...SAM.output, ...SAM_DETAILS, createdDate: DATES.createdDate };
      api().get(SAM_BY_MOBILE).times(3).reply(200, untimed);
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-untimed' } };
      const deliverAs = (uuid: string) =>
        run.trigger('updated_contact', { ...bundle, cleanedRequest: samEvent('CONTACT_UPDATED', undefined, uuid) });
      await expect(
        run.trigger('updated_contact', { ...bundle, cleanedRequest: samEvent('CONTACT_UPDATED') }, { freshCache: true }),
      ).resolves.toEqual([untimedOutput]);
      await expect(deliverAs('evt-3')).resolves.toEqual([]);
      await expect(deliverAs('evt-7')).resolves.toEqual([untimedOutput]);
    });

    it.each([
      ['fires nothing for a change over 5 minutes before the subscription', '2025-06-10T18:05:00.001Z', []],
      ['fires for a change 5 minutes before it', '2025-06-10T18:05:00.000Z', [CONTACT]],
    ])('%s (changed 2025-06-10T18:00:00.000Z)', async (_what, createdDateTime, fired) => {
      api().get(SAM_BY_MOBILE).reply(200, API_CONTACT);
      await expect(deliver(samEvent('CONTACT_UPDATED'), { id: 'sub-age', createdDateTime })).resolves.toEqual(fired);
    });

    it("fires nothing for another organization's contact (403 while the connection works)", async () => {
      api().get(SAM_BY_MOBILE).reply(403, { message: 'Forbidden' });
      api().get(CONNECTION_CHECK).reply(404, { message: 'Not Found' });
      await expect(deliver(samEvent('CONTACT_UPDATED'))).resolves.toEqual([]);
    });
  });

  describe('loading sample data in the editor (performList)', () => {
    it("asks for the organization's three newest contacts", async () => {
      api()
        .get(`${BASE}/contact/all`)
        .query({ page: '0', size: '3', sort: 'createdDate,desc' })
        .reply(200, { content: [API_CONTACT], last: true });
      await expect(run.triggerList('updated_contact', { authData, inputData: { department_id: 'dept-1' } })).resolves.toEqual([CONTACT]);
    });
  });
});
