import nock from 'nock';
import { zapierCacheService } from '../support/zapier-cache';
import { withIgnoredLog } from './events';
import { api, appError, authData, BASE, CONNECTION_CHECK, FORBIDDEN_HINT, rejection, run } from './support';

/** New Inbound / Outbound Message against forged, malformed, foreign, misfiled and old events. */
const MESSAGE_ID = '6650f1c2a4b7e93d1c2f8a10';
const MESSAGE_PATH = `${BASE}/message/getmessagebyid/${MESSAGE_ID}`;
const EVENT = { uuid: 'evt-7c1e', messageInfo: { messageId: MESSAGE_ID, lastUpdated: 1749579000000 } };
/** 2025-06-10T18:10:00.000Z */
const LAST_UPDATED = 1749579000000;
const API_MESSAGE = {
  id: MESSAGE_ID,
  from: '+19495550111',
  to: ['+19495550100'],
  text: 'Hi, is my order ready?',
  direction: 'INBOUND',
  status: 'RECEIVED',
  lastUpdated: LAST_UPDATED,
};
const OUTPUT = {
  id: MESSAGE_ID,
  from: '+19495550111',
  to: ['+19495550100'],
  text: 'Hi, is my order ready?',
  direction: 'INBOUND',
  status: 'RECEIVED',
  last_updated: '2025-06-10T18:10:00.000Z',
};
const deliver = (cleanedRequest: unknown, extra: Record<string, unknown> = {}) =>
  run.trigger('new_inbound_message', { authData, inputData: { department_id: 'dept-1' }, cleanedRequest, ...extra });

describe('message events that cannot suppress or crash the trigger', () => {
  describe('a malformed message id fires nothing, makes no request, fails nothing, and is logged without the id', () => {
    // The network is disabled and no API answer is set up: any request would fail the step.
    it.each([
      ['a "/"', 'abc/def', 'its message is not an id (7 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['".."', '..', 'its message is not an id (2 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['blanks', '   ', 'its message is not an id (3 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['100 KB', 'a'.repeat(102_400), 'its message is not an id (102400 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['65 characters', 'a'.repeat(65), 'its message is not an id (65 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['control characters', 'abc\u0000\r\ndef', 'its message is not an id (9 characters, not 1 to 64 letters, digits, "-" or "_")'],
      ['a fraction', 1.5, 'its message is not an id (a number, not 1 to 64 letters, digits, "-" or "_")'],
      ['an object', { $gt: '' }, 'its message is not an id (a object, not 1 to 64 letters, digits, "-" or "_")'],
    ])('%s', async (_what, messageId, why) => {
      const { result, ignored } = await withIgnoredLog(() => deliver({ uuid: 'evt-1', messageInfo: { messageId } }));
      expect(result).toEqual([]);
      expect(ignored).toEqual([`StratusTexting event ignored: ${why}.`]);
    });

    it('takes an id of exactly 64 letters, digits, "-" and "_"', async () => {
      const id = `${'a'.repeat(60)}-_9Z`;
      api()
        .get(`${BASE}/message/getmessagebyid/${id}`)
        .reply(200, { ...API_MESSAGE, id });
      await expect(deliver({ uuid: 'evt-1', messageInfo: { messageId: id } })).resolves.toEqual([{ ...OUTPUT, id }]);
    });
  });

  describe("another organization's message id (refused with 403 while the connection works)", () => {
    it('fires nothing and fails nothing, after checking the connection (the message with the all-zero id answers 404)', async () => {
      api().get(MESSAGE_PATH).reply(403, { message: 'Forbidden' });
      api().get(CONNECTION_CHECK).reply(404, { message: 'Not Found' });
      const { result, ignored } = await withIgnoredLog(() => deliver(EVENT));
      expect(result).toEqual([]);
      expect(ignored).toEqual(['StratusTexting event ignored: the API refuses this message id to the connection.']);
    });

    it("fails with the lookup's own reason when the connection is refused too (the API key)", async () => {
      api().get(MESSAGE_PATH).reply(403, { message: 'Forbidden' });
      api().get(CONNECTION_CHECK).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(deliver(EVENT)))).toEqual({
        message: `StratusTexting refused the connected account access to "Get Message" ("Forbidden"). ${FORBIDDEN_HINT} (HTTP 403)`,
        code: 'forbidden',
        status: 403,
      });
    });
  });

  describe("the message's department", () => {
    it("fires nothing for a message the record files under another department than the Zap's", async () => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, { ...API_MESSAGE, departmentId: 'dept-2' });
      const { result, ignored } = await withIgnoredLog(() => deliver(EVENT));
      expect(result).toEqual([]);
      expect(ignored).toEqual(["StratusTexting event ignored: the message is another department's."]);
    });

    it("fires for a message of the Zap's department", async () => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, { ...API_MESSAGE, departmentId: 'dept-1' });
      await expect(deliver(EVENT)).resolves.toEqual([{ ...OUTPUT, departmentId: 'dept-1' }]);
    });
  });

  describe("the age limit: nothing older than the Zap's subscription (5 minutes' grace for clocks)", () => {
    it.each([
      ['made 50 minutes after the message last changed', '2025-06-10T19:00:00.000Z'],
      ['made 5 minutes and 1 ms after', '2025-06-10T18:15:00.001Z'],
    ])('fires nothing for a subscription %s', async (_when, createdDateTime) => {
      api().get(MESSAGE_PATH).reply(200, API_MESSAGE);
      const { result, ignored } = await withIgnoredLog(() => deliver(EVENT, { subscribeData: { id: 'sub-1', createdDateTime } }));
      expect(result).toEqual([]);
      expect(ignored).toEqual(["StratusTexting event ignored: the message is older than this Zap's subscription."]);
    });

    it.each([
      ['made exactly 5 minutes after the message last changed', '2025-06-10T18:15:00.000Z'],
      ['made before it', '2025-06-01T00:00:00.000Z'],
      ['whose creation is not known', undefined],
    ])('fires for a subscription %s', async (_when, createdDateTime) => {
      api().get(MESSAGE_PATH).reply(200, API_MESSAGE);
      await expect(deliver(EVENT, { subscribeData: { id: `sub-${String(createdDateTime)}`, createdDateTime } })).resolves.toEqual([OUTPUT]);
    });
  });

  describe("Zapier's cache, as the service keeps it", () => {
    it('fires once when the provider delivers the same event twice at the same moment', async () => {
      const calls = zapierCacheService();
      api().get(MESSAGE_PATH).twice().reply(200, API_MESSAGE);
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-race' }, cleanedRequest: EVENT };
      const fired = await Promise.all([
        run.trigger('new_inbound_message', bundle, { zapierCache: true }),
        run.trigger('new_inbound_message', bundle, { zapierCache: true }),
      ]);
      expect(fired.flat()).toEqual([OUTPUT]);
      const remembers = calls.filter((call) => call.method === 'zcache_set' && call.params[0] === `delivered:sub-race:${MESSAGE_ID}`);
      expect(remembers.map((call) => call.params)).toEqual([
        [`delivered:sub-race:${MESSAGE_ID}`, 'true', 604800, null, true],
        [`delivered:sub-race:${MESSAGE_ID}`, 'true', 604800, null, true],
      ]);
      nock.removeInterceptor({ hostname: 'rpc.zapier.com', proto: 'https', method: 'POST', path: '/cli' });
    });

    it("keeps the last message per connection: it is stored and read in the connection's scope", async () => {
      const calls = zapierCacheService();
      api().get(MESSAGE_PATH).twice().reply(200, API_MESSAGE);
      const bundle = { authData, inputData: { department_id: 'dept-4' } };
      await expect(run.trigger('new_inbound_message', { ...bundle, cleanedRequest: EVENT }, { zapierCache: true })).resolves.toEqual([
        OUTPUT,
      ]);
      await expect(run.triggerList('new_inbound_message', bundle, { zapierCache: true })).resolves.toEqual([OUTPUT]);
      expect(calls.filter((call) => call.params[0] === 'last-message:inbound:dept-4')).toEqual([
        { method: 'zcache_set', params: ['last-message:inbound:dept-4', JSON.stringify(MESSAGE_ID), 2592000, ['auth'], null] },
        { method: 'zcache_get', params: ['last-message:inbound:dept-4', ['auth']] },
      ]);
      nock.removeInterceptor({ hostname: 'rpc.zapier.com', proto: 'https', method: 'POST', path: '/cli' });
    });
  });
});
