/**
 * The calls that carry the connection's own credentials to a token endpoint: StratusTexting's
 * authorization-code and refresh grants (HTTP Basic client authentication, a form body) and SMS
 * Extension's password and refresh grants (client id and secret in a JSON body). The secrets sweep
 * runs them against answers that quote the request back.
 */
import { AUTH_DATA, SECRETS, type Invocation } from './error-matrix';

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
