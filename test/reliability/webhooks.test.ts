import nock from 'nock';
import { AUTH_DATA, HOSTS, appOf, configureEnvironment } from '../../tools/reliability/error-matrix';
import { FireCounter } from '../../tools/reliability/fire-counter';
import { runner, type TestBundle } from '../support/run';
import { recordFigure } from './figures';

configureEnvironment();
const run = runner(appOf('stratustexting'));
const API = `${HOSTS.stratustexting}`;
const BASE = '/prod';
const authData = AUTH_DATA.stratustexting;
const site = [{ id: 'site-1', name: 'Main', orgId: 'org-1' }];
const subscribeBundle = { authData, inputData: { department_id: 'site-1' }, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc' };
const filter = '/orgId/org-1/department/site-1/message?direction=inbound';

const counts = { deliveries: 0, crashes: 0, subscriptionCalls: 0 };
const fired = new FireCounter();
afterAll(() =>
  recordFigure(
    `webhooks: ${counts.deliveries + counts.subscriptionCalls} cases — ${counts.deliveries} event deliveries (malformed, unexpected, duplicated, out of order, for a message that is gone) ` +
      `and ${counts.subscriptionCalls} subscribe/unsubscribe calls (refused, failed, failed clean-up, already gone, never stored); ` +
      `${counts.crashes} crashes, ${fired.doubleFires} double fires`,
  ),
);

/** Delivers an event to a trigger's subscription as Zapier would; a delivery that throws is a crash. */
async function deliver(trigger: string, cleanedRequest: unknown, subscriptionId = `sub-${counts.deliveries}`): Promise<unknown> {
  counts.deliveries += 1;
  try {
    const started = await run.trigger(trigger, { authData, subscribeData: { id: subscriptionId }, cleanedRequest });
    fired.record(subscriptionId, started);
    return started;
  } catch (error) {
    counts.crashes += 1;
    throw error;
  }
}

function subscription(step: 'subscribe' | 'unsubscribe', bundle: TestBundle): Promise<unknown> {
  counts.subscriptionCalls += 1;
  return run[step]('new_inbound_message', bundle);
}

describe('webhook payloads', () => {
  const malformed: [string, unknown][] = [
    ['nothing', undefined],
    ['null', null],
    ['a string', 'ping'],
    ['an empty object', {}],
    ['a list', [{ messageInfo: { messageId: 'm-1' } }]],
    ['an event without a message id', { uuid: 'e-1', messageInfo: {} }],
    ['a message id that is an object', { messageInfo: { messageId: { id: 1 } } }],
    ['an unexpected event (a contact)', { contact: { id: 'c-1', firstName: 'Sam' } }],
  ];

  it.each(malformed)('a message trigger given %s starts nothing and calls nothing', async (_name, payload) => {
    await expect(deliver('new_inbound_message', payload)).resolves.toEqual([]);
  });

  it.each(malformed.filter(([name]) => !name.startsWith('an unexpected')))(
    'the contact trigger given %s starts nothing',
    async (_name, payload) => {
      await expect(deliver('new_contact', payload)).resolves.toEqual([]);
    },
  );

  it('a duplicated event fires the Zap once: Zapier does not deduplicate instant triggers, the trigger does', async () => {
    // The message stays there to be fetched again: only the trigger's own memory can stop a second fire.
    nock(API)
      .get(`${BASE}/message/getmessagebyid/m-1`)
      .times(2)
      .optionally()
      .reply(200, { id: 'm-1', text: 'Hi', lastUpdated: 1764063667000 });
    const event = { uuid: 'e-1', messageInfo: { messageId: 'm-1' } };
    const doubleFiresBefore = fired.doubleFires;
    const first = (await deliver('new_inbound_message', event, 'sub-dup')) as { id: string }[];
    const second = (await deliver('new_inbound_message', { ...event, uuid: 'e-1-again' }, 'sub-dup')) as { id: string }[];
    expect(first.map((message) => message.id)).toEqual(['m-1']);
    expect(second).toEqual([]);
    expect(fired.doubleFires - doubleFiresBefore).toBe(0);
  });

  it('events arriving out of order each give their own message, whatever the order', async () => {
    nock(API).get(`${BASE}/message/getmessagebyid/m-2`).reply(200, { id: 'm-2', lastUpdated: 2 });
    nock(API).get(`${BASE}/message/getmessagebyid/m-1`).reply(200, { id: 'm-1', lastUpdated: 1 });
    const eventFor = (id: string) => deliver('new_inbound_message', { messageInfo: { messageId: id } });
    expect([await eventFor('m-2'), await eventFor('m-1')]).toEqual([
      [expect.objectContaining({ id: 'm-2' })],
      [expect.objectContaining({ id: 'm-1' })],
    ]);
  });

  it('an event for a message that is gone starts nothing', async () => {
    nock(API).get(`${BASE}/message/getmessagebyid/m-9`).reply(404, { message: 'Not found' });
    await expect(deliver('new_inbound_message', { messageInfo: { messageId: 'm-9' } })).resolves.toEqual([]);
  });
});

describe('subscriptions', () => {
  it('a subscription the provider creates but refuses to serve is deleted, and the error says why', async () => {
    nock(API).get(`${BASE}/sites`).reply(200, site);
    nock(API)
      .post(`${BASE}/webhooksubscription`)
      .reply(200, { id: 'sub-1', eventFilters: [], disabledFilters: [{ filter, reason: 'User not in department' }] });
    const deleted = nock(API).delete(`${BASE}/webhooksubscription/sub-1`).reply(204);
    await expect(subscription('subscribe', subscribeBundle)).rejects.toThrow(/refused to send these events \(User not in department\)/);
    expect(deleted.isDone()).toBe(true);
  });

  it('a subscription whose creation fails leaves nothing to delete and says so', async () => {
    nock(API).get(`${BASE}/sites`).reply(200, site);
    nock(API).post(`${BASE}/webhooksubscription`).reply(500, { message: 'Database unavailable' });
    await expect(subscription('subscribe', subscribeBundle)).rejects.toThrow(
      /StratusTexting failed on its side during \\"Subscribe to events\\" \(\\"Database unavailable\\"\)/,
    );
  });

  it('says a subscription was left behind when deleting a refused one fails', async () => {
    nock(API).get(`${BASE}/sites`).reply(200, site);
    nock(API)
      .post(`${BASE}/webhooksubscription`)
      .reply(200, { id: 'sub-1', eventFilters: [], disabledFilters: [{ filter, reason: 'No' }] });
    nock(API).delete(`${BASE}/webhooksubscription/sub-1`).reply(500, { message: 'Try later' });
    await expect(subscription('subscribe', subscribeBundle)).rejects.toThrow(
      /refused to send these events \(No\).*Its subscription sub-1 could not be deleted \(StratusTexting failed on its side during \\"Unsubscribe from events\\" \(\\"Try later\\"\)/,
    );
  });

  it('an unsubscribe whose subscription is already gone succeeds', async () => {
    nock(API).delete(`${BASE}/webhooksubscription/sub-1`).reply(404, { message: 'Subscription not found' });
    await expect(subscription('unsubscribe', { authData, subscribeData: { id: 'sub-1' } })).resolves.toEqual({
      id: 'sub-1',
      removed: true,
    });
  });

  it('an unsubscribe without a stored subscription calls nothing', async () => {
    await expect(subscription('unsubscribe', { authData, subscribeData: {} })).resolves.toEqual({
      id: null,
      removed: false,
    });
  });
});
