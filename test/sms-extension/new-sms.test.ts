import { appError, authData, clockAt, HOST, inputProblem, itReportsProviderErrors, rejection, run, smsExtension } from './support';

/** Pages one poll reads at most: pinned, so a change fails here. */
const SMS_PAGE_CAP = 10;

const NOW = '2026-11-25T12:34:56.789Z';
const DAY_AGO = '2026-11-24 12:34:56';

const poll = (meta: Record<string, unknown> = {}, inputData: Record<string, unknown> = {}) =>
  run.trigger('new_sms', { authData, meta, inputData });

const older = {
  id: 41,
  source: 'ACMESHOP',
  destination: '447400900123',
  message: 'Your code is 1234',
  status: 'delivered',
  created_at: '2026-11-25 08:00:00',
};
const newer = {
  id: 42,
  sender: 'ACMESHOP',
  receiver: '447400900456',
  text: 'See you at 3pm',
  status: 'sent',
  sent_at: '2026-11-25T09:30:00.000000Z',
};

const olderOutput = {
  ...older,
  id: '41',
  sender: 'ACMESHOP',
  receiver: '447400900123',
  text: 'Your code is 1234',
  sent_at: '2026-11-25T08:00:00.000Z',
};
const newerOutput = { ...newer, id: '42', sent_at: '2026-11-25T09:30:00.000Z' };

clockAt(NOW);

describe('New SMS (new_sms, polling)', () => {
  it('asks only for SMS sent in the last 24 hours, in UTC as YYYY-MM-DD HH:MM:SS, and lists them newest first', async () => {
    smsExtension().get('/api/sms/list').query({ sent_since: DAY_AGO }).reply(200, [older, newer]);
    expect(await poll()).toEqual([newerOutput, olderOutput]);
  });

  it('writes sent_since in the YYYY-MM-DD HH:MM:SS format the API documents', async () => {
    let sentSince: string | null = null;
    smsExtension()
      .get('/api/sms/list')
      .query((query) => {
        sentSince = String(query.sent_since);
        return true;
      })
      .reply(200, []);
    await poll();
    expect(sentSince).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('looks back 30 days when the Zap editor loads a sample', async () => {
    smsExtension().get('/api/sms/list').query({ sent_since: '2026-10-26 12:34:56' }).reply(200, [older]);
    expect(await poll({ isLoadingSample: true })).toEqual([olderOutput]);
  });

  it('uses sms_id as the id when the record has no id', async () => {
    smsExtension()
      .get('/api/sms/list')
      .query({ sent_since: DAY_AGO })
      .reply(200, [{ sms_id: 'a1b2', text: 'Hi' }]);
    expect(await poll()).toEqual([{ sms_id: 'a1b2', id: 'a1b2', sender: null, receiver: null, text: 'Hi', status: null, sent_at: null }]);
  });

  describe('sender and receiver filters', () => {
    it.each([
      { name: 'a sender id, as typed', inputData: { sender: 'ACMESHOP' }, query: { sender: 'ACMESHOP' } },
      {
        name: 'a UK number typed nationally, as international digits',
        inputData: { receiver: '07400 900123' },
        query: { receiver: '447400900123' },
      },
      {
        name: 'a US number typed with + and spaces, as digits',
        inputData: { receiver: '+1 949 555 0111' },
        query: { receiver: '19495550111' },
      },
      { name: 'digits already in the stored form, as typed', inputData: { sender: '447400900456' }, query: { sender: '447400900456' } },
      {
        name: 'both at once',
        inputData: { sender: 'ACMESHOP', receiver: '+44 7400 900123' },
        query: { sender: 'ACMESHOP', receiver: '447400900123' },
      },
      { name: 'nothing for blank fields', inputData: { sender: '', receiver: '  ' }, query: {} },
    ])('sends $name', async ({ inputData, query }) => {
      smsExtension()
        .get('/api/sms/list')
        .query({ ...query, sent_since: DAY_AGO })
        .reply(200, [older]);
      expect(await poll({}, inputData)).toEqual([olderOutput]);
    });

    it('keeps the filters on every page', async () => {
      smsExtension()
        .get('/api/sms/list')
        .query({ sender: 'ACMESHOP', sent_since: DAY_AGO })
        .reply(200, { data: [newer], next_page_url: `${HOST}/api/sms/list?page=2` });
      smsExtension()
        .get('/api/sms/list')
        .query({ sender: 'ACMESHOP', sent_since: DAY_AGO, page: '2' })
        .reply(200, { data: [older], next_page_url: null });
      expect(await poll({}, { sender: 'ACMESHOP' })).toEqual([newerOutput, olderOutput]);
    });

    it.each([
      {
        name: 'a sender with characters the API does not allow',
        inputData: { sender: 'ACME-SHOP!' },
        message:
          'Sender: "ACME-SHOP!" is neither a sender id nor a phone number: a sender id has only letters A-Z and digits 0-9 (e.g. `ACMESHOP`), a number only digits, spaces and `+` (e.g. `07400 900123`).',
      },
      {
        name: 'a receiver that cannot be a number',
        inputData: { receiver: '+1 949 555' },
        message: 'Receiver: "+1 949 555" is not a phone number.',
      },
    ])('refuses $name before calling SMS Extension', async ({ inputData, message }) => {
      expect(appError(await rejection(poll({}, inputData)))).toEqual(inputProblem(message));
    });
  });

  describe('pages', () => {
    it('follows a Laravel paginator page by page with the same filters, and lists each id once', async () => {
      smsExtension()
        .get('/api/sms/list')
        .query({ sent_since: DAY_AGO })
        .reply(200, { current_page: 1, data: [newer], next_page_url: `${HOST}/api/sms/list?page=2` });
      smsExtension()
        .get('/api/sms/list')
        .query({ sent_since: DAY_AGO, page: '2' })
        .reply(200, { current_page: 2, data: [newer, older], next_page_url: null });
      expect(await poll()).toEqual([newerOutput, olderOutput]);
    });

    it("follows an API resource's links.next", async () => {
      smsExtension()
        .get('/api/sms/list')
        .query({ sent_since: DAY_AGO })
        .reply(200, { data: [older], links: { next: '/api/sms/list?page=2' }, meta: { current_page: 1 } });
      smsExtension()
        .get('/api/sms/list')
        .query({ sent_since: DAY_AGO, page: '2' })
        .reply(200, { data: [newer], links: { next: null }, meta: { current_page: 2 } });
      expect(await poll()).toEqual([newerOutput, olderOutput]);
    });

    it(`stops after ${SMS_PAGE_CAP} pages`, async () => {
      for (let page = 1; page <= SMS_PAGE_CAP; page += 1) {
        const query = page === 1 ? { sent_since: DAY_AGO } : { sent_since: DAY_AGO, page: String(page) };
        smsExtension()
          .get('/api/sms/list')
          .query(query)
          .reply(200, { data: [{ id: page }], next_page_url: `${HOST}/api/sms/list?page=${page + 1}` });
      }
      const items = (await poll()) as { id: string }[];
      expect(items.map((sms) => sms.id)).toEqual(['10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
    });

    it('stops when the next page link does not move forward', async () => {
      smsExtension()
        .get('/api/sms/list')
        .query({ sent_since: DAY_AGO })
        .reply(200, { data: [older], next_page_url: `${HOST}/api/sms/list?page=1` });
      expect(await poll()).toEqual([olderOutput]);
    });
  });

  describe('errors', () => {
    itReportsProviderErrors(
      'list SMS',
      () => smsExtension().get('/api/sms/list').query({ sent_since: DAY_AGO }),
      () => poll(),
    );

    it('reports an SMS without an id as not understood', async () => {
      smsExtension()
        .get('/api/sms/list')
        .query({ sent_since: DAY_AGO })
        .reply(200, [{ text: 'Hi' }]);
      expect(appError(await rejection(poll()))).toEqual({
        message: 'SMS Extension answered "list SMS" with a response this integration does not understand (body: Invalid input). (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      });
    });
  });
});
