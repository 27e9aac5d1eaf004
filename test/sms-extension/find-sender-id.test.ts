import { appError, authData, inputProblem, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const find = (inputData: Record<string, unknown>) => run.search('find_sender_id', { authData, inputData });

const shop = { id: 3, sender_id: 'ACMESHOP', status: 'approved', created_at: '2026-11-20 10:00:00' };
const sale = { id: 4, sender_id: 'ACMESALE', status: 'pending' };
const shopOutput = { ...shop, id: '3', approved: true, approval_status: 'approved' };
const saleOutput = { ...sale, id: '4', approved: false, approval_status: 'pending' };

describe('Find Sender ID (find_sender_id)', () => {
  it('returns the sender id with that name, with its approval state', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, [shop, sale]);
    expect(await find({ sender_id: 'ACMESHOP' })).toEqual([shopOutput]);
  });

  it('finds one still waiting for approval, so Find or Add does not ask for it twice', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, [shop, sale]);
    expect(await find({ sender_id: 'ACMESALE' })).toEqual([saleOutput]);
  });

  it('reads a list of plain names wrapped in data', async () => {
    smsExtension()
      .get('/api/sender-id/list')
      .reply(200, { data: ['ACMESALE', 'ACMESHOP'] });
    expect(await find({ sender_id: 'ACMESHOP' })).toEqual([
      { id: 'ACMESHOP', sender_id: 'ACMESHOP', approved: null, approval_status: 'unknown' },
    ]);
  });

  it('ignores spaces around the name', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, [shop, sale]);
    expect(await find({ sender_id: '  ACMESHOP\t' })).toEqual([shopOutput]);
  });

  it.each([
    ['no sender id has that name', 'ACMEHELP'],
    ['the name differs only in case', 'AcmeShop'],
    ['the name is a longer one that starts the same', 'ACMESHOPS'],
    ['the name is a shorter one that a listed one starts with', 'ACME'],
  ])('finds nothing when %s', async (_case, senderId) => {
    smsExtension().get('/api/sender-id/list').reply(200, [shop, sale]);
    expect(await find({ sender_id: senderId })).toEqual([]);
  });

  it('finds nothing when the account has no sender ids', async () => {
    smsExtension().get('/api/sender-id/list').reply(200, []);
    expect(await find({ sender_id: 'ACMESHOP' })).toEqual([]);
  });

  describe('input', () => {
    it.each([
      ['ACME SHOP', 'Sender ID: "ACME SHOP" may contain only letters A-Z and digits 0-9 (no spaces or symbols).'],
      ['ACME-SHOP', 'Sender ID: "ACME-SHOP" may contain only letters A-Z and digits 0-9 (no spaces or symbols).'],
      ['  ', 'Sender ID: The sender id is required.'],
    ])('refuses %j before calling SMS Extension', async (senderId, message) => {
      expect(appError(await rejection(find({ sender_id: senderId })))).toEqual(inputProblem(message));
    });

    it('refuses a missing sender id before calling SMS Extension', async () => {
      expect(appError(await rejection(find({})))).toEqual(inputProblem('Sender ID: The sender id is required.'));
    });
  });

  describe('errors', () => {
    itReportsProviderErrors(
      'list sender ids',
      () => smsExtension().get('/api/sender-id/list'),
      () => find({ sender_id: 'ACMESHOP' }),
    );

    it('reports a sender id record without a name as not understood', async () => {
      smsExtension()
        .get('/api/sender-id/list')
        .reply(200, [shop, { id: 7, status: 'approved' }]);
      expect(appError(await rejection(find({ sender_id: 'ACMESHOP' })))).toEqual({
        message:
          'SMS Extension answered "list sender ids" with a response this integration does not understand (1: a sender id without a name). (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      });
    });
  });
});
