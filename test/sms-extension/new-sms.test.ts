import { appError, authData, clockAt, HOST, itReportsProviderErrors, rejection, run, smsExtension } from './support';

/** Pages one poll reads at most: pinned, so a change fails here. */
const SMS_PAGE_CAP = 10;

const NOW = '2026-11-25T12:34:56.789Z';
const DAY_AGO = '2026-11-24 12:34:56';

const poll = (meta: Record<string, unknown> = {}) => run.trigger('new_sms', { authData, meta });

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
