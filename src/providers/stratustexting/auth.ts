import { errors, type Authentication, type BeforeRequestMiddleware, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { providerStatusOf } from '../../core/error-details';
import { bearerHeader, headerToken, unsendableCharacter } from '../../core/header-value';
import { withoutRuntimeContext } from '../../core/provider-errors';
import { callProvider } from '../../core/provider-request';
import { checkConnection, listSites } from './api';
import { brand, productName } from './brand';

const API_KEY_PAGE = 'https://apidocs-stratustexting.spectrumvoip.com/postman-how-to-for-stratustexting-openapis-1612009m0';

/** Optional: the connection signs in through the popup; these only add a key and a tip. */
const fields = [
  {
    key: 'sign_in_help',
    label: 'Signing In',
    type: 'copy',
    required: false,
    helpText: `Continue to sign in to ${productName()} in a popup window. If the popup stays blank and never asks you to log in, your browser is showing an old copy of the page: try again in a private (incognito) window.`,
  },
  {
    key: 'api_key',
    label: 'API Key (optional)',
    type: 'password',
    required: false,
    helpText: `Only if your account uses its own API Connect client: its API Key, shown in ${productName()} under Integration > API Connect > Add New Client (see the [Postman how-to](${API_KEY_PAGE})). Leave blank to use this integration's key.`,
  },
] as const;

const tokenSchema = schema
  .object({
    access_token: headerToken,
    refresh_token: schema.string().optional(),
    id_token: schema.string().optional(),
    expires_in: schema.number().optional(),
  })
  .passthrough();

function appSecret(name: 'CLIENT_ID' | 'CLIENT_SECRET' | 'API_KEY'): string {
  const value = process.env[name];
  if (!value) {
    throw new errors.Error(
      `This integration is not configured: its ${name} environment variable is empty. An integration admin sets it with \`zapier-platform env:set\`.`,
      'misconfigured',
      500,
    );
  }
  return value;
}

function clientCredentials(): string {
  return `Basic ${Buffer.from(`${appSecret('CLIENT_ID')}:${appSecret('CLIENT_SECRET')}`).toString('base64')}`;
}

/** The e-mail (or user name) in Cognito's id token, for the connection label. Not verified: a label only. */
function accountNameFrom(idToken: string | undefined): string | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const parsed = schema
      .object({ email: schema.string().optional(), 'cognito:username': schema.string().optional() })
      .passthrough()
      .safeParse(claims);
    return parsed.success ? (parsed.data.email ?? parsed.data['cognito:username']) : undefined;
  } catch {
    return undefined;
  }
}

async function requestToken(z: ZObject, form: Record<string, string>, action: string) {
  try {
    return await callProvider(
      z,
      {
        url: brand().tokenUrl,
        method: 'POST',
        headers: { Authorization: clientCredentials(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      },
      tokenSchema,
      { provider: brand().product, action, issuesCredentials: true },
    );
  } catch (cause) {
    // With autoRefresh on, the runtime turns any 401 into a bare RefreshAuthError, even from the
    // token endpoint, where it means the client credentials were refused.
    if (cause instanceof Error && cause.name === 'RefreshAuthError') {
      throw new errors.Error(
        `${brand().product} refused this integration's client credentials for "${action}". An integration admin checks CLIENT_ID and CLIENT_SECRET. (HTTP 401)`,
        'invalid_client',
        401,
      );
    }
    throw cause;
  }
}

const getAccessToken = async (z: ZObject, bundle: Bundle) => {
  const code = String(bundle.inputData.code);
  // Core logs request bodies, censoring the values in authData: there, the code is censored too.
  bundle.authData.authorization_code = code;
  const token = await requestToken(
    z,
    { grant_type: 'authorization_code', code, redirect_uri: String(bundle.inputData.redirect_uri) },
    'Sign in',
  );
  return {
    access_token: token.access_token,
    refresh_token: token.refresh_token ?? '',
    account_name: accountNameFrom(token.id_token) ?? '',
  };
};

const refreshAccessToken = async (z: ZObject, bundle: Bundle) => {
  try {
    const token = await requestToken(
      z,
      { grant_type: 'refresh_token', refresh_token: bundle.authData.refresh_token ?? '' },
      'Refresh sign-in',
    );
    // Cognito does not rotate refresh tokens: keep the one we have when none comes back.
    return { access_token: token.access_token, refresh_token: token.refresh_token ?? bundle.authData.refresh_token };
  } catch (cause) {
    // A refused refresh token (400) needs the user to sign in again; refused client credentials
    // (invalid_client) are the integration's own setting, which reconnecting cannot fix.
    if (providerStatusOf(cause) === 400) {
      throw withoutRuntimeContext(
        new errors.ExpiredAuthError(`${brand().product} no longer accepts this connection's sign-in: reconnect the account.`),
      );
    }
    throw cause;
  }
};

/**
 * The customer's own API Connect key when the connection has one (trimmed of the blanks a paste
 * leaves), else the app's. Either is refused when a header cannot carry it.
 */
function apiKeyHeader(bundle: Bundle): string {
  const customerKey = String(bundle.authData.api_key ?? '');
  if (customerKey.trim() !== '') {
    const where = unsendableCharacter(customerKey, { trimmed: true });
    if (where) {
      throw withoutRuntimeContext(
        new errors.ExpiredAuthError(
          `The API Key of this ${brand().product} connection has a character an HTTP header cannot carry ${where}, so nothing was sent. Copy the key again from Integration > API Connect in ${brand().product} (a paste can bring invisible characters along) and reconnect.`,
        ),
      );
    }
    return customerKey.trim();
  }
  const apiKey = appSecret('API_KEY');
  const where = unsendableCharacter(apiKey);
  if (where) {
    throw new errors.Error(
      `This integration is misconfigured: its API_KEY environment variable has a character an HTTP header cannot carry ${where}. An integration admin sets it again with \`zapier-platform env:set\`.`,
      'misconfigured',
      500,
    );
  }
  return apiKey;
}

/** Adds the bearer token and the API key to calls to the API (not to the token endpoint). */
export const addApiCredentials: BeforeRequestMiddleware = (request, _z, bundle) => {
  if (request.url.startsWith(`${brand().apiBaseUrl}/`)) {
    request.headers = {
      ...request.headers,
      Accept: 'application/json',
      Authorization: bearerHeader(String(bundle.authData.access_token), brand().product),
      'x-api-key': apiKeyHeader(bundle),
    };
  }
  return request;
};

/**
 * The test reads a message that cannot exist (`checkConnection`), a documented call that needs both
 * the user's token and the API key. The sites list (an assumed endpoint) only names a site for the
 * connection label: when it cannot be read, the label goes without.
 */
const testConnection = async (z: ZObject, bundle: Bundle) => {
  await checkConnection(z);
  const sites = await listSites(z).catch(() => []);
  return { account_name: bundle.authData.account_name || undefined, site_count: sites.length, first_site: sites[0]?.name };
};

export const authentication = {
  type: 'oauth2',
  oauth2Config: {
    authorizeUrl: async (_z: ZObject, bundle: Bundle) => {
      const settings = brand();
      const query = new URLSearchParams({
        client_id: appSecret('CLIENT_ID'),
        response_type: 'code',
        redirect_uri: String(bundle.inputData.redirect_uri),
        state: String(bundle.inputData.state),
      });
      if (settings.scopes.trim() !== '') query.set('scope', settings.scopes);
      return `${settings.authorizeUrl}?${query.toString()}`;
    },
    getAccessToken,
    refreshAccessToken,
    autoRefresh: true,
    enablePkce: false,
  },
  fields: [...fields],
  test: testConnection,
  connectionLabel: async (_z: ZObject, bundle: Bundle) => {
    const { account_name: account, first_site: site } = bundle.inputData as { account_name?: string; first_site?: string };
    // Account data only: with none, Zapier numbers the connection itself (a product name tells connections apart no better).
    return [account, site].filter(Boolean).join(' · ');
  },
} satisfies Authentication;
