import { deliveryMemory } from '../../src/providers/stratustexting/event-hooks';
import { api, appError, authData, BASE, rejection, run } from './support';

const NOW = Date.UTC(2025, 5, 10, 12, 0, 0);
const NINETY_DAYS_LATER = NOW + 90 * 24 * 60 * 60 * 1000; // 2025-09-08T12:00:00.000Z
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const SITES = [
  { id: 'dept-1', name: 'Main Street Store', orgId: 'org-9' },
  { id: 'dept-2', name: 'Harbor Store', orgId: 'org-9' },
];

const subscribeBundle = (departmentId = 'dept-1') => ({ authData, targetUrl: TARGET, inputData: { department_id: departmentId } });

/** The subscription the platform answers for `filter`. */
const activeSubscription = (filter: string) => ({
  id: 'sub-1',
  uri: TARGET,
  eventFilters: [filter],
  disabledFilters: [],
  expirationTime: '2025-09-08T12:00:00Z',
  expiresIn: 7776000,
  status: 'ACTIVE',
  orgId: 'org-9',
});

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('REST hook subscribe (performSubscribe)', () => {
  it.each([
    ['new_inbound_message', '/orgId/org-9/department/dept-1/message?direction=inbound'],
    ['new_outbound_message', '/orgId/org-9/department/dept-1/message?direction=outbound'],
    ['new_contact', '/orgId/org-9/department/dept-1/contact'],
  ])('%s finds the organization of the department, then subscribes the hook URL to its events for 90 days', async (key, filter) => {
    api().get(`${BASE}/sites`).reply(200, SITES);
    api()
      .post(`${BASE}/webhooksubscription`, { uri: TARGET, eventFilters: [filter], expiresDateInMillies: NINETY_DAYS_LATER })
      .reply(200, activeSubscription(filter));
    await expect(run.subscribe(key, subscribeBundle())).resolves.toEqual({
      ...activeSubscription(filter),
      expiration_date: '2025-09-08T12:00:00Z',
    });
  });

  it('returns the requested expiry as expiration_date when the answer has none, so Zapier renews the subscription in time', async () => {
    const filter = '/orgId/org-9/department/dept-2/message?direction=inbound';
    api()
      .get(`${BASE}/sites`)
      .reply(200, { content: [{ id: 'dept-2', name: 'Harbor Store', organizationId: 'org-9' }] });
    api()
      .post(`${BASE}/webhooksubscription`, { uri: TARGET, eventFilters: [filter], expiresDateInMillies: NINETY_DAYS_LATER })
      .reply(200, { id: 'sub-2', eventFilters: [filter] });
    await expect(run.subscribe('new_inbound_message', subscribeBundle('dept-2'))).resolves.toEqual({
      id: 'sub-2',
      eventFilters: [filter],
      disabledFilters: [],
      expiration_date: '2025-09-08T12:00:00.000Z',
    });
  });

  it('deletes a subscription whose filter was disabled and fails the step with the reason and what to do', async () => {
    const filter = '/orgId/org-9/department/dept-1/message?direction=inbound';
    api().get(`${BASE}/sites`).reply(200, SITES);
    api()
      .post(`${BASE}/webhooksubscription`)
      .reply(200, { ...activeSubscription(filter), disabledFilters: [{ filter, reason: 'User is not a member of the department' }] });
    api().delete(`${BASE}/webhooksubscription/sub-1`).reply(204);
    expect(appError(await rejection(run.subscribe('new_inbound_message', subscribeBundle())))).toEqual({
      message:
        'StratusTexting refused to send these events (User is not a member of the department). Check that the connected user belongs to that department and may use webhooks, then turn the Zap on again.',
      code: 'subscription_refused',
      status: 400,
    });
  });

  it('treats a subscription that does not list the requested filter as refused', async () => {
    api().get(`${BASE}/sites`).reply(200, SITES);
    api().post(`${BASE}/webhooksubscription`).reply(200, { id: 'sub-3', eventFilters: [] });
    api().delete(`${BASE}/webhooksubscription/sub-3`).reply(200, {});
    expect(appError(await rejection(run.subscribe('new_outbound_message', subscribeBundle())))).toEqual({
      message:
        'StratusTexting refused to send these events (the event filter was not accepted). Check that the connected user belongs to that department and may use webhooks, then turn the Zap on again.',
      code: 'subscription_refused',
      status: 400,
    });
  });

  const WHERE =
    "It is your StratusTexting organization's ID, as the StratusTexting web app shows it; your StratusTexting administrator can tell you.";

  it.each([
    {
      when: "the department is not in the account's sites, without subscribing",
      departmentId: 'dept-404',
      sites: [200, SITES],
      message:
        'Department "dept-404" is not in StratusTexting\'s list of this account\'s departments. Pick it from the list or, if the ID you typed is right, ' +
        `enter the Organization ID in this trigger's settings and turn the Zap on again. ${WHERE}`,
    },
    {
      when: "the sites list does not name the department's organization",
      departmentId: 'dept-1',
      sites: [200, [{ id: 'dept-1', name: 'Main Street Store' }]],
      message:
        'StratusTexting did not say which organization department "Main Street Store" belongs to. ' +
        `Enter the Organization ID in this trigger's settings and turn the Zap on again. ${WHERE}`,
    },
    {
      when: 'the sites list (an assumed endpoint) cannot be read, quoting why',
      departmentId: 'dept-1',
      sites: [403, { message: 'Missing Authentication Token' }],
      message:
        'StratusTexting\'s list of departments could not be read (StratusTexting does not offer "Get Sites" to this account or at this address ("Missing Authentication Token"). This integration\'s address for it is inferred, not documented, and StratusTexting does not have it. The other steps of this integration are not affected. (HTTP 403)), so it cannot say which organization department "dept-1" belongs to. ' +
        `Enter the Organization ID in this trigger's settings and turn the Zap on again. ${WHERE}`,
    },
  ] as const)('asks for the Organization ID when $when', async ({ departmentId, sites: [status, body], message }) => {
    api().get(`${BASE}/sites`).reply(status, body);
    expect(appError(await rejection(run.subscribe('new_inbound_message', subscribeBundle(departmentId))))).toEqual({
      message,
      code: 'organization_needed',
      status: 400,
    });
  });

  it('subscribes with a typed Organization ID without reading the sites list', async () => {
    const filter = '/orgId/org-typed/department/dept-7/message?direction=inbound';
    api()
      .post(`${BASE}/webhooksubscription`, { uri: TARGET, eventFilters: [filter], expiresDateInMillies: NINETY_DAYS_LATER })
      .reply(200, activeSubscription(filter));
    const bundle = { ...subscribeBundle('dept-7'), inputData: { department_id: ' dept-7 ', organization_id: ' org-typed ' } };
    await expect(run.subscribe('new_inbound_message', bundle)).resolves.toEqual({
      ...activeSubscription(filter),
      expiration_date: '2025-09-08T12:00:00Z',
    });
  });

  it('lets an expired token through as it is, so Zapier refreshes it', async () => {
    api().get(`${BASE}/sites`).reply(401, { message: 'Unauthorized' });
    expect((await rejection(run.subscribe('new_inbound_message', subscribeBundle()))).name).toBe('RefreshAuthError');
  });

  it('reports an outage as an outage, not as a missing Organization ID', async () => {
    api().get(`${BASE}/sites`).reply(502, { message: 'Bad Gateway' });
    expect(appError(await rejection(run.subscribe('new_inbound_message', subscribeBundle())))).toEqual({
      message:
        'StratusTexting failed on its side during "Get Sites" ("Bad Gateway"). Nothing in this step needs to change: try again later. (HTTP 502)',
      code: 'provider_unavailable',
      status: 502,
    });
  });

  it.each([
    ['department_id', { department_id: '../sites' }, 'Department (Site): "../sites" cannot be an id'],
    ['organization_id', { department_id: 'dept-1', organization_id: 'org/9' }, 'Organization ID: "org/9" cannot be an id'],
  ])('refuses a %s that would change the event filter path, before any request', async (_field, inputData, start) => {
    const error = appError(await rejection(run.subscribe('new_inbound_message', { ...subscribeBundle(), inputData })));
    expect(error).toEqual({
      message: `${start}: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.`,
      code: 'invalid_input',
      status: 400,
    });
  });

  it('requires the department', async () => {
    expect(appError(await rejection(run.subscribe('new_inbound_message', subscribeBundle(' '))))).toEqual({
      message: 'Department (Site): The department is required.',
      code: 'invalid_input',
      status: 400,
    });
  });

  it("passes on the platform's refusal of the subscription call", async () => {
    api().get(`${BASE}/sites`).reply(200, SITES);
    api().post(`${BASE}/webhooksubscription`).reply(400, { message: 'Event filter is invalid' });
    expect(appError(await rejection(run.subscribe('new_inbound_message', subscribeBundle())))).toEqual({
      message: expect.stringMatching(
        /^StratusTexting refused the values given for "Subscribe to events" \("Event filter is invalid"\)\. Check the values in this step against that reason, then replay it\. If every Zap fails to turn on this way, .*\(HTTP 400\)$/,
      ),
      code: 'provider_rejected',
      status: 400,
    });
  });
});

describe('REST hook unsubscribe (performUnsubscribe)', () => {
  const unsubscribeBundle = { authData, targetUrl: TARGET, subscribeData: { id: 'sub-1', expiration_date: '2025-09-08T12:00:00Z' } };

  it.each([['new_inbound_message'], ['new_outbound_message'], ['new_contact']])('%s deletes the subscription by its id', async (key) => {
    api().delete(`${BASE}/webhooksubscription/sub-1`).reply(204);
    await expect(run.unsubscribe(key, unsubscribeBundle)).resolves.toEqual({ id: 'sub-1', removed: true });
  });

  it('counts a subscription that is already gone (404) as removed', async () => {
    api().delete(`${BASE}/webhooksubscription/sub-1`).reply(404, { message: 'Subscription not found' });
    await expect(run.unsubscribe('new_inbound_message', unsubscribeBundle)).resolves.toEqual({ id: 'sub-1', removed: true });
  });

  it.each(['sub/1', '..'])('refuses the subscription id "%s", which would address another path, and sends nothing', async (id) => {
    expect(appError(await rejection(run.unsubscribe('new_inbound_message', { ...unsubscribeBundle, subscribeData: { id } })))).toEqual({
      message: `Subscription ID: "${id}" cannot be an id: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.`,
      code: 'invalid_input',
      status: 400,
    });
  });

  it('percent-encodes the subscription id in the path', async () => {
    api().delete(`${BASE}/webhooksubscription/sub%201`).reply(200, { deleted: true });
    await expect(run.unsubscribe('new_inbound_message', { ...unsubscribeBundle, subscribeData: { id: 'sub 1' } })).resolves.toEqual({
      id: 'sub 1',
      removed: true,
    });
  });

  it('has nothing to remove, and calls nothing, when the Zap holds no subscription id', async () => {
    await expect(run.unsubscribe('new_inbound_message', { ...unsubscribeBundle, subscribeData: undefined })).resolves.toEqual({
      id: null,
      removed: false,
    });
    await expect(run.unsubscribe('new_inbound_message', { ...unsubscribeBundle, subscribeData: { id: '' } })).resolves.toEqual({
      id: null,
      removed: false,
    });
  });

  it('fails on a server error, so Zapier retries turning the Zap off', async () => {
    api().delete(`${BASE}/webhooksubscription/sub-1`).reply(500, { message: 'Internal server error' });
    expect(appError(await rejection(run.unsubscribe('new_inbound_message', unsubscribeBundle)))).toEqual({
      message:
        'StratusTexting failed on its side during "Unsubscribe from events" ("Internal server error"). Nothing in this step needs to change: try again later. (HTTP 500)',
      code: 'provider_unavailable',
      status: 500,
    });
  });
});

describe('remembering deliveries (deliveryMemory)', () => {
  const unreachable = () => Promise.reject(new Error('No token found - cannot call RPC'));
  const noCache = { cache: { get: unreachable, set: unreachable } } as never;
  const bundle = { subscribeData: { id: 'sub-1' } } as never;

  it("lets every delivery through when Zapier's cache cannot be reached, so no event is lost", async () => {
    const memory = deliveryMemory(noCache, bundle);
    await expect(memory.seen('m-1')).resolves.toBe(false);
    await expect(memory.remember('m-1')).resolves.toBe(true);
  });

  it('lets every delivery through when the Zap holds no subscription id to remember it by', async () => {
    const memory = deliveryMemory(noCache, {} as never);
    await expect(memory.seen('m-1')).resolves.toBe(false);
    await expect(memory.remember('m-1')).resolves.toBe(true);
  });

  it('gives way to a racing delivery that remembered the item first', async () => {
    const raced = { cache: { get: () => Promise.resolve(null), set: () => Promise.resolve(false) } } as never;
    await expect(deliveryMemory(raced, bundle).remember('m-1')).resolves.toBe(false);
  });

  it('remembers per subscription, for a week, unscoped', async () => {
    const calls: unknown[][] = [];
    const recording = {
      cache: {
        get: (...args: unknown[]) => (calls.push(['get', ...args]), Promise.resolve(null)),
        set: (...args: unknown[]) => (calls.push(['set', ...args]), Promise.resolve(true)),
      },
    } as never;
    const memory = deliveryMemory(recording, bundle);
    await memory.seen('m-1');
    await memory.remember('m-1');
    expect(calls).toEqual([
      ['get', 'delivered:sub-1:m-1'],
      ['set', 'delivered:sub-1:m-1', true, 604800, undefined, true],
    ]);
  });
});
