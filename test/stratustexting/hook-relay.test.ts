import { handleRelay } from '../../relay/src/relay';
import { api, appError, authData, BASE, rejection, run } from './support';

const NOW = Date.UTC(2025, 5, 10, 12, 0, 0);
const NINETY_DAYS_LATER = NOW + 90 * 24 * 60 * 60 * 1000;
const HOOK = 'https://hooks.zapier.com/hooks/standard/123/abc/';
const SECRET = 'test-relay-secret-0123456789abcdef-XYZ';
const RELAY = 'https://stratustexting-hook-relay.example.workers.dev';
// The relay address for HOOK, computed independently: printf '%s' "$HOOK" | base64, and
// printf '%s' "$HOOK" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 (both made URL-safe, unpadded).
const RELAYED_HOOK = `${RELAY}/v1/aHR0cHM6Ly9ob29rcy56YXBpZXIuY29tL2hvb2tzL3N0YW5kYXJkLzEyMy9hYmMv/y7aOScXdkJdYF64BeBg6C4dt0TRGtzIE3zFKS-_qibc`;
const FILTER = '/orgId/org-9/department/dept-1/message?direction=inbound';
const SITES = [{ id: 'dept-1', name: 'Main Street Store', orgId: 'org-9' }];

const subscribeBundle = { authData, targetUrl: HOOK, inputData: { department_id: 'dept-1' } };
const answered = (uri: string) => ({
  id: 'sub-1',
  uri,
  eventFilters: [FILTER],
  disabledFilters: [],
  expirationTime: '2025-09-08T12:00:00Z',
});

function useRelay(url: string | undefined, secret: string | undefined) {
  if (url === undefined) delete process.env.STRATUSTEXTING_HOOK_RELAY_URL;
  else process.env.STRATUSTEXTING_HOOK_RELAY_URL = url;
  if (secret === undefined) delete process.env.STRATUSTEXTING_HOOK_RELAY_SECRET;
  else process.env.STRATUSTEXTING_HOOK_RELAY_SECRET = secret;
}

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => {
  jest.restoreAllMocks();
  useRelay(undefined, undefined);
});

describe('which address a Zap subscribes', () => {
  it("subscribes the Zap's own hook URL when no relay is set", async () => {
    api().get(`${BASE}/sites`).reply(200, SITES);
    api()
      .post(`${BASE}/webhooksubscription`, { uri: HOOK, eventFilters: [FILTER], expiresDateInMillies: NINETY_DAYS_LATER })
      .reply(200, answered(HOOK));
    await expect(run.subscribe('new_inbound_message', subscribeBundle)).resolves.toMatchObject({ id: 'sub-1', uri: HOOK });
  });

  it("subscribes the relay's signed address for the hook URL when STRATUSTEXTING_HOOK_RELAY_URL and _SECRET are set", async () => {
    useRelay(`${RELAY}/`, SECRET);
    api().get(`${BASE}/sites`).reply(200, SITES);
    api()
      .post(`${BASE}/webhooksubscription`, { uri: RELAYED_HOOK, eventFilters: [FILTER], expiresDateInMillies: NINETY_DAYS_LATER })
      .reply(200, answered(RELAYED_HOOK));
    const subscribed = await run.subscribe('new_inbound_message', subscribeBundle);
    expect(subscribed).toEqual({ ...answered(RELAYED_HOOK), expiration_date: '2025-09-08T12:00:00Z' });
    expect(JSON.stringify(subscribed)).not.toContain(SECRET);
  });

  it('builds the address the relay verifies: the relay answers its handshake and refuses it for another hook URL', async () => {
    useRelay(RELAY, SECRET);
    let registered = '';
    api().get(`${BASE}/sites`).reply(200, SITES);
    api()
      .post(`${BASE}/webhooksubscription`, (body: { uri: string }) => ((registered = body.uri), true))
      .reply(200, () => answered(registered));
    await run.subscribe('new_inbound_message', { ...subscribeBundle, targetUrl: 'https://hooks.zapier.com/hooks/standard/77/ümlaut/' });

    const handshake = (uri: string) => handleRelay(new Request(uri, { headers: { 'validation-token': 'v-1' } }), { RELAY_SECRET: SECRET });
    expect((await handshake(registered)).headers.get('validation-token')).toBe('v-1');
    const otherTarget = registered.replace(/\/v1\/[^/]+\//, `/v1/${Buffer.from(HOOK).toString('base64url')}/`);
    expect((await handshake(otherTarget)).status).toBe(403);
  });

  it.each([
    ['a user and password', 'https://admin:hunter2-relay-password@relay.example.com', 'must not carry a user name or password.'],
    ['a query', 'https://relay.example.com/?key=hunter2-relay-password', 'must not carry a query (?…) or a fragment (#…).'],
    ['a fragment', 'https://relay.example.com/#hunter2-relay-password', 'must not carry a query (?…) or a fragment (#…).'],
    ['plain HTTP on another host', 'http://relay.example.com', 'must start with https:// (plain HTTP is allowed only for localhost).'],
    [
      'no URL at all',
      'relay.example.com hunter2-relay-password',
      'is not a URL; use the address the relay was deployed at, starting with https://.',
    ],
  ])('refuses a relay URL with %s before subscribing, without quoting it', async (_case, url, problem) => {
    useRelay(url, SECRET);
    api().get(`${BASE}/sites`).reply(200, SITES);
    const error = appError(await rejection(run.subscribe('new_inbound_message', subscribeBundle)));
    expect(error).toEqual({
      message: `This integration is misconfigured: STRATUSTEXTING_HOOK_RELAY_URL ${problem} An integration admin corrects it with \`zapier-platform env:set\`.`,
      code: 'misconfigured',
      status: 500,
    });
    expect(error.message).not.toContain('hunter2');
  });

  it('takes plain HTTP for a relay on localhost', async () => {
    useRelay('http://127.0.0.1:8787', SECRET);
    api().get(`${BASE}/sites`).reply(200, SITES);
    api()
      .post(`${BASE}/webhooksubscription`, (body: { uri: string }) => body.uri.startsWith('http://127.0.0.1:8787/v1/'))
      .reply(200, answered('relayed'));
    await expect(run.subscribe('new_inbound_message', subscribeBundle)).resolves.toMatchObject({ id: 'sub-1' });
  });

  it.each([
    ['only the URL', RELAY, undefined, 'set both STRATUSTEXTING_HOOK_RELAY_URL and STRATUSTEXTING_HOOK_RELAY_SECRET, or neither.'],
    ['only the secret', undefined, SECRET, 'set both STRATUSTEXTING_HOOK_RELAY_URL and STRATUSTEXTING_HOOK_RELAY_SECRET, or neither.'],
    [
      'a secret under 32 characters',
      RELAY,
      'short-secret-31-characters-long',
      "STRATUSTEXTING_HOOK_RELAY_SECRET must be at least 32 characters (the relay's RELAY_SECRET).",
    ],
  ])('refuses %s, never quoting the secret', async (_case, url, secret, problem) => {
    useRelay(url, secret);
    api().get(`${BASE}/sites`).reply(200, SITES);
    expect(appError(await rejection(run.subscribe('new_inbound_message', subscribeBundle)))).toEqual({
      message: `This integration is misconfigured: ${problem} An integration admin corrects it with \`zapier-platform env:set\`.`,
      code: 'misconfigured',
      status: 500,
    });
  });
});

describe('when the platform refuses the subscription', () => {
  const DEPLOY = 'cd relay && npx wrangler secret put RELAY_SECRET && npx wrangler deploy';
  const refusedWith = (status: number, body: Record<string, string>) => {
    api().get(`${BASE}/sites`).reply(200, SITES);
    api().post(`${BASE}/webhooksubscription`).reply(status, body);
    return rejection(run.subscribe('new_inbound_message', subscribeBundle)).then(appError);
  };

  const HANDSHAKE = "StratusTexting checks a new hook URL with a validation-token handshake, which Zapier's hook URLs cannot answer.";
  const ADMIN_SETS =
    `An integration admin deploys the hook relay from this integration's relay/ folder (${DEPLOY}) and sets ` +
    'STRATUSTEXTING_HOOK_RELAY_URL and STRATUSTEXTING_HOOK_RELAY_SECRET with `zapier-platform env:set`.';

  it.each([
    {
      name: 'names the handshake as the likely cause when the reason speaks of validation, and says what the admin sets',
      status: 400,
      reason: 'Webhook validation failed for the uri',
      message:
        'StratusTexting refused the values given for "Subscribe to events" ("Webhook validation failed for the uri"). Check the values in this step against that reason, then replay it. ' +
        `The likely cause: ${HANDSHAKE} ${ADMIN_SETS} (HTTP 400)`,
      code: 'provider_rejected',
    },
    {
      name: 'offers the handshake only as a possible cause when the reason does not speak of it',
      status: 500,
      reason: 'Database unavailable',
      message:
        'StratusTexting failed on its side during "Subscribe to events" ("Database unavailable"). Nothing in this step needs to change: try again later. ' +
        `If every Zap fails to turn on this way, a possible cause: ${HANDSHAKE} ${ADMIN_SETS} (HTTP 500)`,
      code: 'provider_unavailable',
    },
  ])('without a relay, $name', async ({ status, reason, message, code }) => {
    expect(await refusedWith(status, { message: reason })).toEqual({ message, code, status });
  });

  it('with a relay, points at the relay and its secret, never quoting the secret', async () => {
    useRelay(RELAY, SECRET);
    const error = await refusedWith(422, { message: 'Callback verification failed' });
    expect(error).toEqual({
      message:
        'StratusTexting refused the values given for "Subscribe to events" ("Callback verification failed"). Check the values in this step against that reason, then replay it. ' +
        `The likely cause: the hook relay at ${RELAY} did not answer StratusTexting's validation-token handshake. ` +
        `An integration admin checks that the relay is deployed there and that its RELAY_SECRET equals STRATUSTEXTING_HOOK_RELAY_SECRET (${DEPLOY}). (HTTP 422)`,
      code: 'provider_rejected',
      status: 422,
    });
    expect(error.message).not.toContain(SECRET);
  });

  it('leaves a refusal of access (403) as it is: not a handshake matter', async () => {
    expect(await refusedWith(403, { message: 'Forbidden' })).toEqual(expect.objectContaining({ code: 'forbidden' }));
    expect((await refusedWith(403, { message: 'Forbidden' })).message).not.toContain('handshake');
  });
});
