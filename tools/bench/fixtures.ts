import { join } from 'node:path';
import { providerKeys, type ProviderKey } from '../../index';
import { integrationEnvironment, SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../sandbox';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import type { StepEvent } from './invoke';

export const ROOT = join(__dirname, '..', '..', '..');
/** The deployable of an integration, loaded as Zapier loads it. */
export const appPath = (key: ProviderKey) => join(ROOT, 'apps', key, 'index.js');
export const BASELINE_APP = join(__dirname, 'baseline', 'app.js');

/** What one integration needs to run a step against the loopback server. */
interface Fixture {
  key: ProviderKey;
  appPath: string;
  environment: Record<string, string>;
  authData: Record<string, string>;
  /** Send SMS input of a message the sandbox accepts. */
  sendSms: Record<string, unknown>;
}

export interface Loopback {
  sandbox: Sandbox;
  proxy: CountingProxy;
  fixtures: Record<ProviderKey, Fixture>;
  close(): Promise<void>;
}

/** Paths of the two token endpoints: a request to either is a token request. */
export const TOKEN_PATHS = ['/stratustexting/oauth2/token', '/sms-extension/oauth/token'];

export const step = (fixture: Fixture, method: string, bundle: Record<string, unknown> = {}): StepEvent => ({
  method,
  bundle: { authData: fixture.authData, inputData: {}, ...bundle },
  environment: fixture.environment,
});

async function smsExtensionSession(sandbox: Sandbox): Promise<{ access_token: string; refresh_token: string }> {
  const { clientId, clientSecret, username, password } = SANDBOX_CREDENTIALS.smsExtension;
  const answer = await fetch(`${sandbox.urls.smsExtension}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ grant_type: 'password', client_id: clientId, client_secret: clientSecret, username, password }),
  });
  if (!answer.ok) throw new Error(`The sandbox refused the SMS Extension sign-in: HTTP ${answer.status}`);
  return (await answer.json()) as { access_token: string; refresh_token: string };
}

/** The sandbox behind a counting proxy, and each integration pointed at the proxy with a valid token. */
export async function startLoopback(): Promise<Loopback> {
  const sandbox = await startSandbox();
  const proxy = await startCountingProxy(sandbox);
  const through = (url: string) => url.replace(sandbox.url, proxy.url);
  const st = SANDBOX_CREDENTIALS.stratustexting;
  const session = await smsExtensionSession(sandbox);
  const fixtures: Record<ProviderKey, Fixture> = {
    stratustexting: {
      key: 'stratustexting',
      appPath: appPath('stratustexting'),
      environment: {
        CLIENT_ID: st.clientId,
        CLIENT_SECRET: st.clientSecret,
        API_KEY: st.apiKey,
        STRATUSTEXTING_BASE_URL: through(sandbox.urls.stratustextingApi),
        STRATUSTEXTING_AUTHORIZE_URL: through(sandbox.urls.stratustextingAuthorize),
        STRATUSTEXTING_TOKEN_URL: through(sandbox.urls.stratustextingToken),
      },
      authData: sandbox.stratusTextingTokens(),
      sendSms: { from: '(949) 555-0100', to: '(949) 555-0111', text: 'Your order #1042 is ready for pickup.' },
    },
    commpeak: {
      key: 'commpeak',
      appPath: appPath('commpeak'),
      environment: { COMMPEAK_BASE_URL: through(sandbox.urls.commpeak) },
      authData: { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey },
      sendSms: { from: 'GLOBAL', to: '+972 52 426 5292', text: 'Your order #1042 is ready for pickup.' },
    },
    'sms-extension': {
      key: 'sms-extension',
      appPath: appPath('sms-extension'),
      environment: integrationEnvironment(sandbox)['sms-extension'],
      authData: {
        base_url: through(sandbox.urls.smsExtension),
        client_id: SANDBOX_CREDENTIALS.smsExtension.clientId,
        client_secret: SANDBOX_CREDENTIALS.smsExtension.clientSecret,
        username: SANDBOX_CREDENTIALS.smsExtension.username,
        password: SANDBOX_CREDENTIALS.smsExtension.password,
        ...session,
      },
      sendSms: { from: 'ACMESHOP', to: '07400 900123', text: 'Your order #1042 is ready for pickup.' },
    },
  };
  for (const key of providerKeys) if (!fixtures[key]) throw new Error(`No benchmark fixture for ${key}`);
  return {
    sandbox,
    proxy,
    fixtures,
    close: async () => {
      await proxy.close();
      await sandbox.close();
    },
  };
}

/** Headers the baseline replays: the credentials and content negotiation, not the transport's own. */
const REPLAYED_HEADERS = ['authorization', 'x-api-key', 'content-type', 'accept'];

/** The baseline's step: the same request the integration's Send SMS made, sent by one `z.request`. */
export function baselineStep(
  proxyUrl: string,
  request: { method: string; url: string; headers: Record<string, unknown>; body: string },
): StepEvent {
  const headers = Object.fromEntries(
    Object.entries(request.headers)
      .filter(([name]) => REPLAYED_HEADERS.includes(name.toLowerCase()))
      .map(([name, value]) => [name, String(value)]),
  );
  return {
    method: 'creates.send_sms.operation.perform',
    bundle: { authData: {}, inputData: { url: `${proxyUrl}${request.url}`, method: request.method, headers, body: request.body } },
    environment: {},
  };
}
