import { appError, authData, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const poll = () => run.trigger('sender_id_approved', { authData });

const approved = { id: 3, sender_id: 'ACMESHOP', status: 'approved' };
const pending = { id: 4, sender_id: 'ACMESALE', status: 'pending' };

describe('Sender ID Approved (sender_id_approved, polling)', () => {
  it('returns only the approved sender ids, each under an id made of its own id and its approval', async () => {
    smsExtension()
      .get('/api/sender-id/list')
      .reply(200, [approved, pending, { id: 6, sender: 'ACMEINFO' }]);
    expect(await poll()).toEqual([{ ...approved, id: '3-approved', sender_id_record: '3', approved: true, approval_status: 'approved' }]);
  });

  it('fires for a sender id once it is approved: the pending one was not returned, the approved one is new to Zapier', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, [pending]);
    expect(await poll()).toEqual([]);
    smsExtension()
      .get('/api/sender-id/list')
      .reply(200, [{ ...pending, status: 'approved' }]);
    expect(await poll()).toEqual([
      { id: '4-approved', sender_id_record: '4', sender_id: 'ACMESALE', status: 'approved', approved: true, approval_status: 'approved' },
    ]);
  });

  it.each([
    { name: 'true', flag: true, fires: true },
    { name: '1', flag: 1, fires: true },
    { name: '"1"', flag: '1', fires: true },
    { name: '"true"', flag: 'true', fires: true },
    { name: 'false', flag: false, fires: false },
    { name: '0', flag: 0, fires: false },
    { name: '"0" (text, as a database column often comes out)', flag: '0', fires: false },
    { name: '"false"', flag: 'false', fires: false },
  ])('reads is_approved $name as approved: $fires', async ({ flag, fires }) => {
    smsExtension()
      .get('/api/sender-id/list')
      .reply(200, [{ id: 5, sender_id: 'ACMEHELP', is_approved: flag }]);
    const expected = {
      id: '5-approved',
      sender_id_record: '5',
      sender_id: 'ACMEHELP',
      is_approved: flag,
      approved: true,
      approval_status: 'approved',
    };
    expect(await poll()).toEqual(fires ? [expected] : []);
  });

  describe('errors', () => {
    itReportsProviderErrors(
      'list sender ids',
      () => smsExtension().get('/api/sender-id/list'),
      () => poll(),
    );

    it('reports a list it cannot read as not understood', async () => {
      smsExtension().get('/api/sender-id/list').reply(200, { senders: 'none' });
      expect(appError(await rejection(poll()))).toMatchObject({ code: 'unexpected_response', status: 200 });
    });
  });
});
