/**
 * The calls that carry the connection's own credentials to a token endpoint: StratusTexting's
 * authorization-code and refresh grants (HTTP Basic client authentication, a form body) and SMS
 * Extension's password and refresh grants (client id and secret in a JSON body). The secrets sweep
 * runs them against answers that quote the request back.
 */
import { AUTH_DATA, SECRETS, type FailedAnswer, type Invocation, type Outcome } from './error-matrix';

export const TOKEN_INVOCATIONS: Invocation[] = [
  {
    provider: 'stratustexting',
    method: 'authentication.oauth2Config.getAccessToken',
    label: 'Sign in (authorization code)',
    bundle: {
      authData: {},
      inputData: { code: SECRETS.stratusAuthCode, redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/' },
    },
  },
  { provider: 'stratustexting', method: 'authentication.oauth2Config.refreshAccessToken', label: 'Refresh sign-in', bundle: {} },
  // With a refresh token, a refused refresh falls back to the password grant: both are swept.
  { provider: 'sms-extension', method: 'authentication.sessionConfig.perform', label: 'Refresh the session', bundle: {} },
  {
    provider: 'sms-extension',
    method: 'authentication.sessionConfig.perform',
    label: 'Sign in with the password',
    bundle: { authData: { ...AUTH_DATA['sms-extension'], access_token: '', refresh_token: '' } },
  },
];

/** The StratusTexting client's HTTP Basic credential, as the Authorization header carries it. */
export const STRATUS_BASIC_CREDENTIAL = Buffer.from(`${SECRETS.stratusClientId}:${SECRETS.stratusClientSecret}`).toString('base64');

/** The fields a token request carries a credential in. */
const CREDENTIAL_FIELDS = ['code', 'refresh_token', 'password', 'client_secret'] as const;

/** A token request's body as nock hands it over: StratusTexting's form as text, SMS Extension's JSON parsed. */
function fieldsOf(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** How each token request reports a refusal: a 400 refuses the grant, a 401 the client. */
function refusedGrant(status: number) {
  return ({ provider, method }: Invocation): Outcome => {
    if (provider === 'sms-extension') return 'ExpiredAuthError';
    if (status === 401) return 'Error(invalid_client)';
    return method.endsWith('refreshAccessToken') ? 'ExpiredAuthError' : 'Error(provider_rejected)';
  };
}

/**
 * Token endpoints that refuse a grant quoting the request at the very start of their answer, where
 * Zapier's runtime copies the first 100 characters of each answer into the "What happened" it
 * appends to an error: the body as it came (form text or JSON), and each credential field alone.
 */
export const TOKEN_ECHOES: FailedAnswer[] = [400, 401].flatMap((status) => [
  {
    name: `${status} quoting the body as it came`,
    status,
    quoting: (body: unknown) => (typeof body === 'string' ? body : fieldsOf(body)),
    reason: '',
    decided: refusedGrant(status),
  },
  ...CREDENTIAL_FIELDS.map((field) => ({
    name: `${status} quoting ${field}`,
    status,
    quoting: (body: unknown) => ({ error: 'invalid_grant', [field]: fieldsOf(body)[field] ?? null }),
    reason: 'invalid_grant',
    decided: refusedGrant(status),
  })),
]);
