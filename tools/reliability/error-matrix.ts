/**
 * The error matrix: every operation of every integration against every kind of failed answer,
 * run through Zapier's runtime (appTester) with nock answering for the provider. Shared by
 * test/reliability/error-matrix.test.ts and tools/scripts/report-errors.ts; never loaded by an integration.
 */
import { errorCodeOf, messageOf, throttleDelayOf } from '../../src/core/error-details';
import nock from 'nock';
import { createAppTester, type App } from 'zapier-platform-core';
import { integrationLoaders, providerKeys, type ProviderKey } from '../../index';

/** Distinctive fake credentials: the secrets scan looks for exactly these. */
export const SECRETS = {
  stratusClientId: 'st-client-id-77a1b2c3',
  stratusClientSecret: 'st-client-secret-9f8e7d6c5b',
  stratusApiKey: 'st-api-key-5a4b3c2d1e',
  stratusAccessToken: 'st-access-token-0a9b8c7d6e',
  stratusRefreshToken: 'st-refresh-token-1f2e3d4c5b',
  stratusAuthCode: 'st-auth-code-6c7d8e9f0a',
  commpeakApiKey: 'cp-api-key-6e5d4c3b2a19',
  smsExtClientSecret: 'se-client-secret-3c4d5e6f7a',
  smsExtPassword: 'se-password-8b9c0d1e2f',
  smsExtAccessToken: 'se-access-token-4d5e6f7a8b',
  smsExtRefreshToken: 'se-refresh-token-2a3b4c5d6e',
} as const;

export const HOSTS: Record<ProviderKey, string> = {
  stratustexting: 'https://api.stratus.test',
  commpeak: 'https://sendsms.commpeak.test',
  'sms-extension': 'https://portal.smsext.test',
};

/** The environment the integrations read at each request. */
export function configureEnvironment(): void {
  Object.assign(process.env, {
    CLIENT_ID: SECRETS.stratusClientId,
    CLIENT_SECRET: SECRETS.stratusClientSecret,
    API_KEY: SECRETS.stratusApiKey,
    STRATUSTEXTING_BASE_URL: `${HOSTS.stratustexting}/prod`,
    STRATUSTEXTING_TOKEN_URL: `${HOSTS.stratustexting}/oauth2/token/`,
    COMMPEAK_BASE_URL: HOSTS.commpeak,
    PROVIDER_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  delete process.env.STRATUSTEXTING_PRODUCT;
}

export const AUTH_DATA: Record<ProviderKey, Record<string, string>> = {
  stratustexting: { access_token: SECRETS.stratusAccessToken, refresh_token: SECRETS.stratusRefreshToken, account_name: 'sam@example.com' },
  commpeak: { api_key: SECRETS.commpeakApiKey },
  'sms-extension': {
    base_url: `${HOSTS['sms-extension']}/api`,
    client_id: '7',
    client_secret: SECRETS.smsExtClientSecret,
    username: 'sam@example.co.uk',
    password: SECRETS.smsExtPassword,
    access_token: SECRETS.smsExtAccessToken,
    refresh_token: SECRETS.smsExtRefreshToken,
  },
};

export const PROVIDER_NAMES: Record<ProviderKey, string> = {
  stratustexting: 'StratusTexting',
  commpeak: 'CommPeak',
  'sms-extension': 'SMS Extension',
};

/** 401 is refreshed by the runtime for OAuth2 (autoRefresh) and session auth; an API key cannot be. */
const REFRESHABLE: Record<ProviderKey, boolean> = { stratustexting: true, commpeak: false, 'sms-extension': true };

/** One way of running an operation: its method path in the definition and its bundle. */
export interface Invocation {
  provider: ProviderKey;
  /** e.g. `creates.send_sms.operation.perform` */
  method: string;
  bundle: Record<string, unknown>;
  /** The operation and, where it runs several ways, which: `triggers.new_contact perform (event)`. */
  label: string;
  /** What a 404 means here: `none` where the operation looks something up (callProviderOrNull). */
  notFound?: 'none';
  /** Bodies this operation documents as a valid answer (the schema takes any text, any JSON object, or nothing). */
  accepts?: ('text' | 'object' | 'empty')[];
  /** Outcomes that differ from the table's rule, by answer name. */
  overrides?: Record<string, Outcome>;
  /** The operation sends a message: an answer lost after the request may have reached the provider is "outcome unknown". */
  sends?: true;
  /** Its request is not a GET (a write, a delete, a read asked for by POST): a same-host 301/302/303 ends it, since a request never changes method. */
  notGet?: true;
}

/** The names of the answers that redirect, and of the 2xx answers that say the request failed. */
const REDIRECTS = ['301 same host', '302 same host', '303 same host', '307 another host'];
const FAILURE_BODIES = ['200 status false', '200 errors listed'];
/** A create or update the provider answered 2xx has been done, whatever the body: a success. */
const WRITE_ACCEPTED = {
  notGet: true,
  overrides: {
    '200 non-JSON': 'success',
    '200 HTML page': 'success',
    '200 empty': 'success',
    ...Object.fromEntries(FAILURE_BODIES.map((answer) => [answer, 'success'])),
  },
} as const;
/** Subscribing reads the sites list first; an answer there that is not about the connection asks for the Organization ID. */
const ORGANIZATION_NEEDED = Object.fromEntries(
  ['400', '403', '404', '409', '422', '200 non-JSON', '200 HTML page', '200 empty', ...REDIRECTS, ...FAILURE_BODIES].map((answer) => [
    answer,
    'Error(organization_needed)',
  ]),
);

const EVENT_FOR_MESSAGE = { uuid: 'evt-1', messageInfo: { messageId: 'msg-1', lastUpdated: 1764063667000 } };
const SUBSCRIBE = { inputData: { department_id: 'site-1' }, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc' };
const SUBSCRIBING = { bundle: SUBSCRIBE, run: ['performSubscribe'], overrides: ORGANIZATION_NEEDED };

/** Valid inputs per operation: an operation missing here fails the matrix test. */
const INPUTS: Record<ProviderKey, Record<string, Omit<Invocation, 'provider' | 'method' | 'label'> & { run?: string[] }>> = {
  stratustexting: {
    // It reads a message that cannot exist: any answer but 401, 403, throttling or an outage shows the credentials got past
    // authentication (a same-host redirect is followed, to the matrix's 404).
    'authentication.test': {
      bundle: {},
      notFound: 'none',
      accepts: ['text', 'object', 'empty'],
      overrides: {
        '400': 'success',
        '409': 'success',
        '422': 'success',
        '200 HTML page': 'success',
        ...Object.fromEntries(REDIRECTS.filter((answer) => answer.endsWith('same host')).map((answer) => [answer, 'success'])),
      },
    },
    'triggers.new_inbound_message': SUBSCRIBING,
    'triggers.new_inbound_message#event': { bundle: { cleanedRequest: EVENT_FOR_MESSAGE }, run: ['perform'], notFound: 'none' },
    'triggers.new_inbound_message#unsubscribe': {
      bundle: { subscribeData: { id: 'sub-1' } },
      run: ['performUnsubscribe'],
      notFound: 'none',
      accepts: ['text', 'object', 'empty'],
      notGet: true,
    },
    'triggers.new_outbound_message': SUBSCRIBING,
    'triggers.new_outbound_message#event': { bundle: { cleanedRequest: EVENT_FOR_MESSAGE }, run: ['perform'], notFound: 'none' },
    'triggers.new_contact': SUBSCRIBING,
    'triggers.new_contact#list': { bundle: SUBSCRIBE, run: ['performList'] },
    'triggers.new_contact#event': {
      bundle: { cleanedRequest: { contact: { id: 'c-1', mobileNumber: '+19495550111' } } },
      run: ['perform'],
      notFound: 'none',
      accepts: ['empty'],
    },
    'triggers.updated_contact': SUBSCRIBING,
    'triggers.updated_contact#list': { bundle: SUBSCRIBE, run: ['performList'] },
    'triggers.updated_contact#event': {
      bundle: { cleanedRequest: { eventType: 'CONTACT_UPDATED', contact: { id: 'c-1', mobileNumber: '+19495550111' } } },
      run: ['perform'],
      notFound: 'none',
      accepts: ['empty'],
    },
    'triggers.deleted_contact': SUBSCRIBING,
    // A 404 (or no answer) is the contact verified gone: the trigger fires.
    'triggers.deleted_contact#event': {
      bundle: { cleanedRequest: { eventType: 'CONTACT_DELETED', contact: { id: 'c-1', mobileNumber: '+19495550111' } } },
      run: ['perform'],
      notFound: 'none',
      accepts: ['empty'],
    },
    'triggers.site_list': { bundle: {} },
    'triggers.consent_list': { bundle: {} },
    'triggers.contact_list': { bundle: {} },
    'creates.send_sms': { bundle: { inputData: { from: '(949) 555-0100', to: '(949) 555-0111', text: 'Hello' } }, sends: true },
    'creates.send_mms': {
      bundle: { inputData: { from: '(949) 555-0100', to: '(949) 555-0111', media: 'https://files.example.com/a.jpg' } },
      sends: true,
    },
    'creates.upsert_contact': { bundle: { inputData: { mobile: '(949) 555-0111', first_name: 'Sam' } }, ...WRITE_ACCEPTED },
    'creates.update_contact': { bundle: { inputData: { contact_id: 'c-1', first_name: 'Sam' } }, ...WRITE_ACCEPTED },
    'creates.create_consent': { bundle: { inputData: { name: 'Reminders' } }, ...WRITE_ACCEPTED },
    'creates.update_consent': { bundle: { inputData: { consent_id: 'k-1', name: 'Renamed' } }, ...WRITE_ACCEPTED },
    'creates.change_consent_status': { bundle: { inputData: { consent_id: 'k-1', status: 'active' } }, ...WRITE_ACCEPTED },
    'creates.set_contact_consent': {
      bundle: { inputData: { mobile: '(949) 555-0111', consent_id: 'k-1', action: 'add' } },
      ...WRITE_ACCEPTED,
    },
    'searches.find_contact': { bundle: { inputData: { mobile: '(949) 555-0111' } }, notFound: 'none', accepts: ['empty'] },
    'searches.find_message': { bundle: { inputData: { message_id: 'msg-1' } }, notFound: 'none' },
    'searches.find_consent': { bundle: { inputData: { consent_id: 'k-1' } }, notFound: 'none' },
    'searches.find_consent#name': { bundle: { inputData: { name: 'Reminders' } } },
  },
  commpeak: {
    // Any answer but 401, 403, throttling or an outage shows the key got past authentication.
    'authentication.test': {
      bundle: {},
      notFound: 'none',
      accepts: ['object'],
      notGet: true,
      overrides: { ...WRITE_ACCEPTED.overrides, '400': 'success', '409': 'success', '422': 'success' },
    },
    'creates.send_sms': { bundle: { inputData: { from: 'GLOBAL', to: '+972524265292', text: 'Hello' } }, sends: true },
    'creates.send_bulk_sms': {
      bundle: { inputData: { from: 'GLOBAL', to: ['+972524265292', '+972524265293'], text: 'Hello' } },
      sends: true,
    },
    // The status lookup is a read CommPeak documents as a POST, and takes any JSON object.
    'searches.find_message_status': {
      bundle: { inputData: { message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a' } },
      notFound: 'none',
      accepts: ['object'],
      notGet: true,
    },
    'creates.get_message_statuses': {
      bundle: { inputData: { message_uuids: '0562f2aa-5945-4f41-824a-b774fc2e2b2a' } },
      notFound: 'none',
      accepts: ['object'],
      notGet: true,
    },
  },
  'sms-extension': {
    'authentication.test': { bundle: {} },
    'triggers.new_sms': { bundle: {} },
    'triggers.new_sender_id': { bundle: {} },
    'triggers.sender_id_approved': { bundle: {} },
    'creates.send_sms': {
      bundle: { inputData: { from: 'ACMESHOP', to: '07400 900123', text: 'Hello' } },
      accepts: ['text', 'empty'],
      sends: true,
    },
    'creates.add_sender_id': { bundle: { inputData: { sender_id: 'ACMENEW' } }, accepts: ['text', 'empty'], ...WRITE_ACCEPTED },
    'creates.click_to_dial': { bundle: { inputData: { destination: '07400 900123' } }, accepts: ['text', 'empty'], ...WRITE_ACCEPTED },
    'creates.masked_click_to_dial': {
      bundle: { inputData: { source: '020 7946 0123', destination: '07400 900123' } },
      ...WRITE_ACCEPTED,
    },
    'searches.find_sms': { bundle: { inputData: { id: '48213' } }, notFound: 'none' },
    'searches.find_sms#filters': { bundle: { inputData: { sender: 'ACMESHOP' } } },
    'searches.find_sender_id': { bundle: { inputData: { sender_id: 'ACMESHOP' } } },
  },
};

const apps = new Map<ProviderKey, App>();
export function appOf(provider: ProviderKey): App {
  if (!apps.has(provider)) apps.set(provider, integrationLoaders[provider]());
  return apps.get(provider) as App;
}

/**
 * Operations that send no request (their answer is built into the integration), so no provider
 * answer can reach them: outside the matrix. test/core/country-list.test.ts runs them offline.
 */
export const SENDS_NOTHING = ['triggers.country_list'];

/** `triggers.x`, `creates.y`, `searches.z` and `authentication.test` of each integration, from its definition, but those that send nothing. */
export function operationsOf(provider: ProviderKey): string[] {
  const app = appOf(provider) as unknown as Record<string, Record<string, unknown> | undefined>;
  const kinds = ['triggers', 'creates', 'searches'].flatMap((kind) => Object.keys(app[kind] ?? {}).map((key) => `${kind}.${key}`));
  return ['authentication.test', ...kinds].filter((operation) => !SENDS_NOTHING.includes(operation));
}

/** Every invocation of every operation; throws naming any operation without inputs in the table. */
export function invocations(): Invocation[] {
  return providerKeys.flatMap((provider) => {
    const table = INPUTS[provider];
    const missing = operationsOf(provider).filter((operation) => !(operation in table));
    if (missing.length > 0) throw new Error(`The error matrix has no inputs for ${provider}: ${missing.join(', ')}`);
    return Object.entries(table).flatMap(([name, { run, ...rest }]) => {
      const [operation, variant] = name.split('#');
      const suffix = variant ? ` (${variant})` : '';
      if (operation === 'authentication.test') return [{ provider, method: operation, label: `${operation}${suffix}`, ...rest }];
      return (run ?? ['perform']).map((step) => ({
        provider,
        method: `${operation}.operation.${step}`,
        label: `${operation} ${step}${suffix}`,
        ...rest,
      }));
    });
  });
}

/** Short for a test, yet long enough that a loaded two-core machine answers the other cases in time. */
export const TIMEOUT_MS = 1000;

export interface FailedAnswer {
  name: string;
  status?: number;
  body?: string | Record<string, unknown>;
  headers?: Record<string, string>;
  timeout?: true;
  /** The provider quotes back the request it received (headers and body) in its answer. */
  echo?: true;
  /**
   * The answer is a redirect to this address (a path on the provider's host, or another host's
   * URL), which answers every request with REDIRECT_TARGET_ANSWER: so a redirect followed shows.
   */
  location?: string;
  /** The provider answers this, made from the body of the request it received (as nock hands it over: a form as text, JSON parsed). */
  quoting?: (body: unknown) => string | Record<string, unknown>;
  /** Text the error message must quote: the provider's own reason, or what was wrong with the answer (for this operation). */
  reason: string | ((invocation: Invocation) => string);
  /** What the step must do with this answer: the one place its decided outcome is written. */
  decided: (invocation: Invocation) => Outcome;
}

/**
 * What the step did, whole: `success`, or the Zapier error class with what it carries: an
 * AppError's code (`Error(provider_rejected)`), and for 403 whether the provider's own hint is
 * there (`Error(forbidden, hint)`); a ThrottledError's delay (`ThrottledError(30s)`).
 */
export type Outcome = string;

const appError = (code: string): Outcome => `Error(${code})`;
const throttled = (seconds: number): Outcome => `ThrottledError(${seconds}s)`;

/** The sentence each integration adds to a 403, pinned here as the user reads it. */
const FORBIDDEN_HINTS: Record<ProviderKey, string> = {
  stratustexting: "Reconnect the account; if it persists, the integration's API_KEY setting is wrong.",
  commpeak: "copy the stream's API key again from my.commpeak.com, and turn off the IP ACL of that stream",
  'sms-extension': 'Check that the connected SMS Extension account may do this.',
};

const page = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
const said = (status: number) => ({ message: `Provider reason for ${status}` });
const refused = (status: number) => ({ name: String(status), status, body: said(status), reason: `Provider reason for ${status}` });
/** For a send, an answer that leaves its fate open is "outcome unknown"; for anything else, this code. */
const lostAnswer = (code: string) => (invocation: Invocation) => appError(invocation.sends ? 'outcome_unknown' : code);
const accepting = (body: 'text' | 'empty') => (invocation: Invocation) =>
  invocation.accepts?.includes(body) ? 'success' : lostAnswer('unexpected_response')(invocation);

/**
 * A same-host 301/302/303: a send may have gone (outcome unknown); any other request that is not a
 * GET is refused (it would change method); a read follows it to an address answering 404.
 */
const followedByReads = (invocation: Invocation): Outcome => {
  if (invocation.sends) return appError('outcome_unknown');
  if (invocation.notGet) return appError('redirect_refused');
  return invocation.notFound === 'none' ? 'success' : appError('not_found');
};
/**
 * A 2xx saying the request failed: a send is refused, quoting the reason; any other operation reads
 * it by its shape, as any 2xx (a write is done, an answer of another shape is not understood).
 */
const refusedInWords = (invocation: Invocation): Outcome => {
  if (invocation.sends) return appError('provider_rejected');
  return invocation.accepts?.includes('object') ? 'success' : appError('unexpected_response');
};

export const ANSWERS: FailedAnswer[] = [
  { ...refused(400), decided: () => appError('provider_rejected') },
  { ...refused(401), decided: ({ provider }) => (REFRESHABLE[provider] ? 'RefreshAuthError' : 'ExpiredAuthError') },
  { ...refused(403), decided: () => 'Error(forbidden, hint)' },
  { ...refused(404), decided: ({ notFound }) => (notFound === 'none' ? 'success' : appError('not_found')) },
  { ...refused(409), decided: () => 'HaltedError' },
  { ...refused(422), decided: () => appError('provider_rejected') },
  { ...refused(429), name: '429 Retry-After: 30', headers: { 'Retry-After': '30' }, decided: () => throttled(30) },
  { ...refused(429), name: '429 no Retry-After', decided: () => throttled(60) },
  { ...refused(500), decided: lostAnswer('provider_unavailable') },
  {
    name: '502 HTML',
    status: 502,
    body: page('502 Bad Gateway'),
    reason: 'an HTML error page titled "502 Bad Gateway"',
    decided: lostAnswer('provider_unavailable'),
  },
  { name: '503 empty', status: 503, body: '', reason: 'no reason given (empty response)', decided: lostAnswer('provider_unavailable') },
  { ...refused(503), name: '503 Retry-After: 120', headers: { 'Retry-After': '120' }, decided: () => throttled(120) },
  { name: 'timeout', timeout: true, reason: 'did not answer', decided: lostAnswer('provider_timeout') },
  {
    name: '200 non-JSON',
    status: 200,
    body: 'Service temporarily unavailable',
    headers: { 'Content-Type': 'text/plain' },
    reason: 'does not understand',
    decided: accepting('text'),
  },
  {
    name: '200 HTML page',
    status: 200,
    body: page('Sign in'),
    headers: { 'Content-Type': 'text/html' },
    reason: 'instead of data',
    decided: lostAnswer('unexpected_response'),
  },
  { name: '200 empty', status: 200, body: '', reason: 'does not understand', decided: accepting('empty') },
  ...[301, 302, 303].map((status) => ({
    name: `${status} same host`,
    status,
    body: '',
    location: '/moved-here',
    reason: 'redirect',
    decided: followedByReads,
  })),
  {
    name: '307 another host',
    status: 307,
    body: '',
    location: 'https://elsewhere.test/moved-here',
    reason: 'redirect',
    decided: ({ sends }: Invocation) => appError(sends ? 'outcome_unknown' : 'redirect_refused'),
  },
  {
    name: '200 status false',
    status: 200,
    body: { status: false, error: 'INSUFFICIENT_FUNDS' },
    reason: ({ sends }: Invocation) => (sends ? 'INSUFFICIENT_FUNDS' : 'does not understand'),
    decided: refusedInWords,
  },
  {
    name: '200 errors listed',
    status: 200,
    body: { errors: ['Sender is not approved'] },
    reason: ({ sends }: Invocation) => (sends ? 'Sender is not approved' : 'does not understand'),
    decided: refusedInWords,
  },
];

export interface CaseResult {
  invocation: Invocation;
  answer: FailedAnswer;
  outcome: Outcome;
  expected: Outcome;
  message: string;
  /** What the step returned, when it succeeded. */
  output: unknown;
  /** Why the message falls short (provider, operation or reason missing), or null. */
  messageProblem: string | null;
}

export function expectedOutcome(invocation: Invocation, answer: FailedAnswer): Outcome {
  return invocation.overrides?.[answer.name] ?? answer.decided(invocation);
}

function describeError(provider: ProviderKey, error: Error): { outcome: Outcome; message: string } {
  const message = messageOf(error);
  if (error.name === 'ThrottledError') return { outcome: throttled(throttleDelayOf(error) ?? NaN), message };
  if (error.name !== 'AppError') return { outcome: error.name, message: error.message };
  const code = errorCodeOf(error) ?? 'no code';
  const hint = code === 'forbidden' && message.includes(FORBIDDEN_HINTS[provider]) ? ', hint' : '';
  return { outcome: `Error(${code}${hint})`, message };
}

function messageProblem(invocation: Invocation, answer: FailedAnswer, message: string): string | null {
  const provider = PROVIDER_NAMES[invocation.provider];
  if (!message.includes(provider)) return `does not name ${provider}`;
  if (!/"[^"]+"/.test(message)) return 'does not name the operation';
  // The runtime raises RefreshAuthError before the body can be read: the reason is its own.
  const said = typeof answer.reason === 'function' ? answer.reason(invocation) : answer.reason;
  const reason = answer.status === 401 && REFRESHABLE[invocation.provider] ? 'access token was not accepted' : said;
  if (!message.includes(reason)) return `does not quote the reason (${reason})`;
  return null;
}

/** What the address a redirect points to answers: a 404, so a read that follows it fails (or finds none) as on a 404. */
const REDIRECT_TARGET_ANSWER = { status: 404, body: { message: 'Provider reason after a redirect' } };

function interceptEverything(host: string, answer: FailedAnswer): void {
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  if (answer.location) {
    const target = new URL(answer.location, host);
    // Registered first, so it wins over the catch-all below for the target's own path.
    for (const method of methods) {
      nock(target.origin).persist().intercept(target.pathname, method).reply(REDIRECT_TARGET_ANSWER.status, REDIRECT_TARGET_ANSWER.body);
    }
  }
  for (const method of methods) {
    const interceptor = nock(host).persist().intercept(/.*/, method);
    const delayed = answer.timeout ? interceptor.delay(TIMEOUT_MS * 3) : interceptor;
    if (answer.quoting) {
      const quote = answer.quoting;
      delayed.reply((_uri, body) => [answer.status ?? 200, quote(body)]);
    } else if (answer.echo) {
      delayed.reply(function echo(uri, body) {
        const received = JSON.stringify({ body, headers: this.req.headers, uri });
        return [answer.status ?? 200, { id: 'echo-1', message: `${String(answer.reason)} ${received}` }];
      });
    } else {
      const headers = answer.location ? { ...answer.headers, Location: answer.location } : answer.headers;
      delayed.reply(answer.status ?? 200, answer.body ?? {}, headers);
    }
  }
}

type Perform = (...args: unknown[]) => unknown;
type Tester = (perform: Perform, bundle: Record<string, unknown>) => Promise<unknown>;

/** The function at `method` (e.g. `creates.send_sms.operation.perform`) of the integration's definition. */
function performOf(provider: ProviderKey, method: string): Perform {
  const found = method.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], appOf(provider));
  if (typeof found !== 'function') throw new Error(`${provider} has no function at ${method}`);
  return found as Perform;
}

const testers = new Map<ProviderKey, Tester>();
function testerOf(provider: ProviderKey) {
  if (!testers.has(provider)) {
    // Core's http patch only logs, and outlives a jest file; the matrix runs without it.
    testers.set(provider, createAppTester({ ...appOf(provider), flags: { skipHttpPatch: true } }) as unknown as Tester);
  }
  return testers.get(provider) as Tester;
}

/** Runs one invocation against one failed answer (every request to the provider's host gets it). */
export async function runCase(invocation: Invocation, answer: FailedAnswer): Promise<CaseResult> {
  const tester = testerOf(invocation.provider);
  interceptEverything(HOSTS[invocation.provider], answer);
  const bundle = { authData: AUTH_DATA[invocation.provider], ...invocation.bundle };
  let outcome: Outcome = 'success';
  let message = '';
  let output: unknown;
  try {
    output = await tester(performOf(invocation.provider, invocation.method), bundle);
  } catch (error) {
    ({ outcome, message } = describeError(invocation.provider, error as Error));
  } finally {
    nock.abortPendingRequests();
    nock.cleanAll();
  }
  return {
    invocation,
    answer,
    outcome,
    expected: expectedOutcome(invocation, answer),
    message,
    output,
    messageProblem: outcome === 'success' ? null : messageProblem(invocation, answer, message),
  };
}

export interface MatrixSummary {
  operations: number;
  invocations: number;
  cases: number;
  asExpected: number;
  messagesComplete: number;
  classes: string[];
}

export function summarise(results: readonly CaseResult[]): MatrixSummary {
  const operations = new Set(results.map((result) => `${result.invocation.provider}:${result.invocation.method.split('.operation.')[0]}`));
  const invocationsRun = new Set(
    results.map((result) => `${result.invocation.provider}:${result.invocation.method}:${JSON.stringify(result.invocation.bundle)}`),
  );
  return {
    operations: operations.size,
    invocations: invocationsRun.size,
    cases: results.length,
    asExpected: results.filter((result) => result.outcome === result.expected).length,
    messagesComplete: results.filter((result) => result.outcome !== 'success' && result.messageProblem === null).length,
    classes: [...new Set(results.map((result) => result.outcome.replace(/\(.*\)$/, '')))].sort(),
  };
}
