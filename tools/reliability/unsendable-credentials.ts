/**
 * Credentials no HTTP header can carry, as a paste or a broken answer leaves them: a zero-width
 * space, a line break. Each stands in for one credential of the matrix's connection, or of the
 * integration's environment, for every operation of its integration. The secrets sweep runs them:
 * the step must refuse such a value without quoting it.
 */
import type { ProviderKey } from '../../index';
import { AUTH_DATA, SECRETS, type Invocation } from './error-matrix';

export interface UnsendableCredential {
  provider: ProviderKey;
  /** The `authData` key, or the environment variable, that holds it. */
  field: string;
  in: 'authData' | 'environment';
  value: string;
}

/** `secret` with `inserted` after its twelfth character. */
const broken = (secret: string, inserted: string) => `${secret.slice(0, 12)}${inserted}${secret.slice(12)}`;

export const UNSENDABLE_CREDENTIALS: UnsendableCredential[] = [
  { provider: 'commpeak', field: 'api_key', in: 'authData', value: broken(SECRETS.commpeakApiKey, '\u200b') },
  { provider: 'commpeak', field: 'api_key', in: 'authData', value: broken(SECRETS.commpeakApiKey, '\r\nX-Injected: yes\r\n') },
  { provider: 'stratustexting', field: 'access_token', in: 'authData', value: broken(SECRETS.stratusAccessToken, '\n') },
  { provider: 'stratustexting', field: 'API_KEY', in: 'environment', value: broken(SECRETS.stratusApiKey, '\u200b') },
  { provider: 'sms-extension', field: 'access_token', in: 'authData', value: broken(SECRETS.smsExtAccessToken, '\u200b') },
];

/** `invocation` with the connection's credential replaced by the unsendable one (an environment variable is set by the caller). */
export function withUnsendable(invocation: Invocation, credential: UnsendableCredential): Invocation {
  if (credential.in === 'environment') return invocation;
  const authData = (invocation.bundle.authData as Record<string, string> | undefined) ?? AUTH_DATA[invocation.provider];
  return { ...invocation, bundle: { ...invocation.bundle, authData: { ...authData, [credential.field]: credential.value } } };
}
