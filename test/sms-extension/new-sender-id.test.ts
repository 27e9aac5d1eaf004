import { appError, authData, integration, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const poll = (meta: Record<string, unknown> = {}) => run.trigger('new_sender_id', { authData, meta });

const approved = { id: 3, sender_id: 'ACMESHOP', status: 'approved', created_at: '2026-11-20 10:00:00' };
const pending = { id: 4, sender_id: 'ACMESALE', status: 'pending' };
const flagged = { id: 5, name: 'ACMEHELP', is_approved: 0 };
const unknown = { id: 6, sender: 'ACMEINFO' };

const approvedOutput = { ...approved, id: '3', approved: true, approval_status: 'approved' };
const pendingOutput = { ...pending, id: '4', approved: false, approval_status: 'pending' };
const flaggedOutput = { ...flagged, id: '5', sender_id: 'ACMEHELP', approved: false, approval_status: 'pending' };
const unknownOutput = { ...unknown, id: '6', sender_id: 'ACMEINFO', approved: null, approval_status: 'unknown' };

describe('New Sender ID (new_sender_id, polling)', () => {
  it('lists the sender ids with their approval state', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, [approved, pending, flagged, unknown]);
    expect(await poll()).toEqual([approvedOutput, pendingOutput, flaggedOutput, unknownOutput]);
  });

  it('reads a list wrapped in data, and approval flags given as true/false', async () => {
    smsExtension()
      .get('/api/sender-id/list')
      .reply(200, { data: [{ sender_id: 'ACMESHOP', approved: true }] });
    expect(await poll()).toEqual([{ id: 'ACMESHOP', sender_id: 'ACMESHOP', approved: true, approval_status: 'approved' }]);
  });

  it.each([
    { flag: '0', approved: false, approval_status: 'pending' },
    { flag: 'false', approved: false, approval_status: 'pending' },
    { flag: '1', approved: true, approval_status: 'approved' },
  ])('reads is_approved given as the text $flag', async ({ flag, approved, approval_status }) => {
    smsExtension()
      .get('/api/sender-id/list')
      .reply(200, [{ id: 5, sender_id: 'ACMEHELP', is_approved: flag }]);
    expect(await poll()).toEqual([{ id: '5', sender_id: 'ACMEHELP', is_approved: flag, approved, approval_status }]);
  });

  it('reads a list of plain names, whose approval is unknown', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, ['ACMESHOP']);
    expect(await poll()).toEqual([{ id: 'ACMESHOP', sender_id: 'ACMESHOP', approved: null, approval_status: 'unknown' }]);
  });

  it('offers Send SMS only the sender ids not known to be unapproved', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, [approved, pending, flagged, unknown]);
    expect(await poll({ isFillingDynamicDropdown: true })).toEqual([approvedOutput, unknownOutput]);
  });

  it("is the source of Send SMS's Sender ID dropdown", () => {
    const from = integration.creates.send_sms.operation.inputFields?.find((field) => 'key' in field && field.key === 'from');
    expect(from).toMatchObject({ dynamic: 'new_sender_id.sender_id.sender_id' });
  });

  describe('errors', () => {
    itReportsProviderErrors(
      'list sender ids',
      () => smsExtension().get('/api/sender-id/list'),
      () => poll(),
    );

    it('reports a sender id record without a name as not understood', async () => {
      smsExtension()
        .get('/api/sender-id/list')
        .reply(200, [{ id: 7, status: 'approved' }]);
      expect(appError(await rejection(poll()))).toEqual({
        message:
          'SMS Extension answered "list sender ids" with a response this integration does not understand (0: a sender id without a name). (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      });
    });
  });
});
