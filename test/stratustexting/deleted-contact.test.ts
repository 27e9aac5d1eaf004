import { SAM, SAM_DETAILS } from './contacts';
import { SAM_BY_ID, withIgnoredLog } from './events';
import { api, appError, authData, CONNECTION_CHECK, rejection, run, triggers } from './support';

const trigger = triggers.deleted_contact;
const deliver = (cleanedRequest: unknown, subscribeData?: Record<string, unknown>) =>
  run.trigger('deleted_contact', { authData, inputData: { department_id: 'dept-1' }, cleanedRequest, subscribeData }, { freshCache: true });

/** A delete event carrying the contact as it last was (an assumed shape: the provider documents none). */
const DELETED = {
  uuid: 'evt-9',
  timestamp: '2025-06-11T09:30:00.000Z',
  eventType: 'CONTACT_DELETED',
  contactInfo: { contactId: 'c-101', ...SAM.api, ...SAM_DETAILS, lastUpdated: 1749578400000 },
};
const OUTPUT = { ...SAM.output, ...SAM_DETAILS, deleted_at: '2025-06-11T09:30:00.000Z' };
const gone = () => api().get(SAM_BY_ID).once().reply(404, { message: 'Contact c-101 not found' });

describe('Deleted Contact (deleted_contact)', () => {
  it('is an instant trigger on a department, whose sample says when the contact was deleted', () => {
    expect(trigger).toMatchObject({
      key: 'deleted_contact',
      display: {
        label: 'Deleted Contact',
        description: 'Triggers when a contact is deleted from the organization, with the details the deletion event gives.',
      },
      operation: { type: 'hook', sample: expect.objectContaining({ deleted_at: '2025-06-11T09:30:00.000Z' }) },
    });
  });

  describe('a delete event fires once the contact is verified gone', () => {
    it('checks GET /contact/{id} answers 404, and outputs what the event says the contact was', async () => {
      gone();
      await expect(deliver(DELETED)).resolves.toEqual([OUTPUT]);
    });

    it.each([
      ['`action`', { action: 'DELETE', contact: { id: 'c-101' } }],
      ['`type`', { type: 'REMOVED', id: 'c-101' }],
    ])('reads a delete said in %s, with nulls for what the event does not give', async (_field, body) => {
      gone();
      await expect(deliver(body)).resolves.toEqual([
        { id: 'c-101', first_name: null, last_name: null, mobile: null, email: null, company: null, notes: null, deleted_at: null },
      ]);
    });

    it('fires nothing, and logs it, when the contact is still there', async () => {
      api().get(SAM_BY_ID).reply(200, { id: 'c-101', firstName: 'Sam', mobileNumber: '+19495550111' });
      const { result, ignored } = await withIgnoredLog(() => deliver(DELETED));
      expect(result).toEqual([]);
      expect(ignored).toEqual(['StratusTexting event ignored: the contact is still there.']);
    });

    it("fires nothing for another organization's contact (403 while the connection works)", async () => {
      api().get(SAM_BY_ID).reply(403, { message: 'Forbidden' });
      api().get(CONNECTION_CHECK).reply(404, { message: 'Not Found' });
      const { result, ignored } = await withIgnoredLog(() => deliver(DELETED));
      expect(result).toEqual([]);
      expect(ignored).toEqual(['StratusTexting event ignored: the API refuses this contact id to the connection.']);
    });

    it('fails with the reason when the lookup and the connection are refused', async () => {
      api().get(SAM_BY_ID).reply(403, { message: 'Forbidden' });
      api().get(CONNECTION_CHECK).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(deliver(DELETED)))).toMatchObject({ code: 'forbidden', status: 403 });
    });

    it('fails, naming the inferred address, when the API has no GET /contact/{id}', async () => {
      api().get(SAM_BY_ID).reply(403, { message: 'Missing Authentication Token' });
      expect(appError(await rejection(deliver(DELETED)))).toMatchObject({ code: 'operation_not_available', status: 403 });
    });

    it('fires once for a deletion delivered twice to a subscription, looking it up once', async () => {
      gone();
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-deletes' }, cleanedRequest: DELETED };
      await expect(run.trigger('deleted_contact', bundle, { freshCache: true })).resolves.toEqual([OUTPUT]);
      await expect(run.trigger('deleted_contact', { ...bundle, cleanedRequest: { ...DELETED, uuid: 'evt-9-again' } })).resolves.toEqual([]);
    });

    it.each([
      ['fires nothing for a deletion over 5 minutes before the subscription', '2025-06-11T09:35:00.001Z', []],
      ['fires for a deletion 5 minutes before it', '2025-06-11T09:35:00.000Z', [OUTPUT]],
    ])('%s (deleted 2025-06-11T09:30:00.000Z)', async (_what, createdDateTime, fired) => {
      if (fired.length > 0) gone();
      await expect(deliver(DELETED, { id: 'sub-age', createdDateTime })).resolves.toEqual(fired);
    });
  });

  describe('events that are not deletions, or name no contact, fire nothing and call nothing', () => {
    // The network is disabled and no API answer is set up: any request would fail the step.
    it.each([
      ['a creation', { ...DELETED, eventType: 'CONTACT_CREATED' }],
      ['an update', { ...DELETED, eventType: 'CONTACT_UPDATED' }],
      ['an event that does not say', { ...DELETED, eventType: undefined }],
      ['a "/" in the id', { ...DELETED, contactInfo: { contactId: 'c/101' } }],
      ['".." as the id', { ...DELETED, contactInfo: { contactId: '..' } }],
      ['a 100 KB id', { ...DELETED, contactInfo: { contactId: 'c'.repeat(102_400) } }],
      ['a message event', { uuid: 'evt-1', messageInfo: { messageId: 'm-1' } }],
    ])('%s', async (_what, body) => {
      await expect(deliver(body)).resolves.toEqual([]);
    });
  });

  it('explains in the editor that deleted contacts cannot be listed, and offers the sample', async () => {
    expect(appError(await rejection(run.triggerList('deleted_contact', { authData, inputData: { department_id: 'dept-1' } })))).toEqual({
      message:
        'StratusTexting offers no way to list deleted contacts. Delete a contact in StratusTexting to see a real one, or continue with the sample.',
      code: 'no_sample_source',
      status: 404,
    });
  });
});
