import { appError, authData, clockAt, inputProblem, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const find = (inputData: Record<string, unknown>) => run.search('find_sms', { authData, inputData });

const NOW = '2026-11-25T12:34:56.000Z';
const MONTH_AGO = '2026-10-26 12:34:56';

const sms = {
  id: 48213,
  sender: 'ACMESHOP',
  receiver: '447400900123',
  text: 'Your order is ready',
  status: 'delivered',
  sent_at: '2026-11-20 08:05:03',
};
const smsOutput = { ...sms, id: '48213', sent_at: '2026-11-20T08:05:03.000Z' };
/** An earlier SMS between the same numbers. */
const earlier = { ...sms, id: 48100, text: 'Order received', sent_at: '2026-11-19 17:00:00' };
const earlierOutput = { ...earlier, id: '48100', sent_at: '2026-11-19T17:00:00.000Z' };

clockAt(NOW);

describe('Find SMS (find_sms)', () => {
  describe('by id', () => {
    it('returns the SMS with that id', async () => {
      smsExtension().get('/api/sms/detail/48213').reply(200, { data: sms });
      expect(await find({ id: '48213' })).toEqual([smsOutput]);
    });

    it('ignores the other fields when an id is given', async () => {
      smsExtension().get('/api/sms/detail/48213').reply(200, sms);
      expect(await find({ id: '48213', sender: 'OTHER', receiver: '07400 900456' })).toEqual([smsOutput]);
    });

    it('finds nothing when SMS Extension answers 404', async () => {
      smsExtension().get('/api/sms/detail/999').reply(404, { message: 'Not Found' });
      expect(await find({ id: '999' })).toEqual([]);
    });

    it('escapes the id in the path', async () => {
      smsExtension().get('/api/sms/detail/a%3Fb').reply(404, { message: 'Not Found' });
      expect(await find({ id: 'a?b' })).toEqual([]);
    });

    it.each(['a/b', '..'])('refuses the id "%s", which would address another path, and sends nothing', async (id) => {
      expect(appError(await rejection(find({ id })))).toEqual(
        inputProblem(`SMS ID: "${id}" cannot be an id: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.`),
      );
    });

    it('reports an SMS without an id as not understood', async () => {
      smsExtension()
        .get('/api/sms/detail/48213')
        .reply(200, { data: { text: 'Your order is ready' } });
      expect(appError(await rejection(find({ id: '48213' })))).toEqual({
        message:
          'SMS Extension answered "find an SMS" with a response this integration does not understand (body: an SMS without an id). (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      });
    });

    itReportsProviderErrors(
      'find an SMS',
      () => smsExtension().get('/api/sms/detail/48213'),
      () => find({ id: '48213' }),
      { notFoundIsAnAnswer: true },
    );
  });

  describe('by sender or receiver', () => {
    it('searches a window given with time zones, in UTC as YYYY-MM-DD HH:MM:SS, newest first', async () => {
      smsExtension()
        .get('/api/sms/list')
        .query({ sender: 'ACMESHOP', sent_since: '2026-11-19 08:00:00', sent_until: '2026-11-20 23:59:59' })
        .reply(200, [earlier, sms]);
      const found = await find({ sender: 'ACMESHOP', sent_since: '2026-11-19T09:00:00+01:00', sent_until: '2026-11-20T18:59:59-05:00' });
      expect(found).toEqual([smsOutput, earlierOutput]);
    });

    it('searches the last 30 days when Sent Since is blank', async () => {
      smsExtension().get('/api/sms/list').query({ sender: 'ACMESHOP', sent_since: MONTH_AGO }).reply(200, [sms]);
      expect(await find({ sender: 'ACMESHOP', sent_since: '' })).toEqual([smsOutput]);
    });

    it.each([['07400 900123'], ['+44 7400 900123'], ['07400900123']])(
      'writes the receiver %j as the number SMS Extension stores',
      async (typed) => {
        smsExtension()
          .get('/api/sms/list')
          .query({ receiver: '447400900123', sent_since: MONTH_AGO })
          .reply(200, { data: [sms], next_page_url: null });
        expect(await find({ receiver: typed })).toEqual([smsOutput]);
      },
    );

    it('reads only the first page, where the newest matches are, even when more pages follow', async () => {
      smsExtension()
        .get('/api/sms/list')
        .query({ sender: 'ACMESHOP', sent_since: MONTH_AGO })
        .reply(200, { data: [sms], next_page_url: 'https://sms.example.co.uk/api/sms/list?page=2' });
      expect(await find({ sender: 'ACMESHOP' })).toEqual([smsOutput]);
    });

    it('finds nothing when no SMS matches', async () => {
      smsExtension().get('/api/sms/list').query({ sender: 'ACMESHOP', receiver: '447400900123', sent_since: MONTH_AGO }).reply(200, []);
      expect(await find({ sender: 'ACMESHOP', receiver: '07400 900123' })).toEqual([]);
    });

    itReportsProviderErrors(
      'list SMS',
      () => smsExtension().get('/api/sms/list').query({ sender: 'ACMESHOP', sent_since: MONTH_AGO }),
      () => find({ sender: 'ACMESHOP' }),
    );
  });

  describe('input', () => {
    it.each([
      [{}, 'SMS ID: give an SMS id, or a sender or receiver to search by.'],
      [{ id: ' ', sender: '' }, 'SMS ID: give an SMS id, or a sender or receiver to search by.'],
      [
        { sender: 'ACME_SHOP' },
        'Sender: "ACME_SHOP" is neither a sender id nor a phone number: a sender id has only letters A-Z and digits 0-9 (e.g. `ACMESHOP`), a number only digits, spaces and `+` (e.g. `07400 900123`).',
      ],
      [{ receiver: '+1 949 555' }, 'Receiver: "+1 949 555" is not a phone number.'],
      [{ sender: 'ACMESHOP', sent_since: 'last week' }, 'Sent Since: "last week" is not a date and time.'],
      [
        { sender: 'ACMESHOP', sent_since: '2026-11-20T00:00:00Z', sent_until: '2026-11-19T00:00:00Z' },
        'Sent Until: is earlier than Sent Since.',
      ],
    ])('refuses %j before calling SMS Extension', async (inputData, message) => {
      expect(appError(await rejection(find(inputData)))).toEqual(inputProblem(message));
    });
  });
});
