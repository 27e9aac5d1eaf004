import { errors, type Authentication, type BeforeRequestMiddleware, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../core/input';
import { isTokenRequest, listSenderIds, PROVIDER, requestToken, type TokenAnswer } from './api';
import { messageOf, providerStatusOf } from '../../core/error-details';
import { bearerHeader } from '../../core/header-value';
import { withAdvice, withoutRuntimeContext } from '../../core/provider-errors';

/** The published API document: it names the token endpoint and the credentials, but no portal page. */
const API_DOCUMENT = '[API usage document](https://documenter-api.postman.tech/view/26315233/2sB3dQwVe1)';

const fields = [
  {
    key: 'base_url',
    label: 'Base URL',
    required: true,
    type: 'string',
    // Shown around the field: what is typed is the part before `/oauth/token`.
    inputFormat: '{{input}}/oauth/token',
    helpText: `The address of your ${PROVIDER} API, starting with \`https://\`: everything before \`/oauth/token\` in the ${API_DOCUMENT} your provider sent you, e.g. \`https://portal.example.co.uk/api\`.`,
  },
  {
    key: 'client_id',
    label: 'Client ID',
    required: true,
    type: 'string',
    helpText: `Issued with your API access: the \`client_id\` of the ${API_DOCUMENT}. Ask your ${PROVIDER} provider if you have none.`,
  },
  {
    key: 'client_secret',
    label: 'Client Secret',
    required: true,
    type: 'password',
    helpText: `Issued together with the Client ID (the \`client_secret\` of the ${API_DOCUMENT}).`,
  },
  {
    key: 'username',
    label: 'Username',
    required: true,
    type: 'string',
    helpText: `The login you sign in to the ${PROVIDER} portal with. Zapier acts as this user.`,
  },
  { key: 'password', label: 'Password', required: true, type: 'password', helpText: 'The password of that portal login.' },
] as const;

// The base URL is checked where every request is built (in api.ts), so it has no schema here.
const credentialsShape = schema.object({
  client_id: requiredText('The client id'),
  client_secret: requiredText('The client secret'),
  username: requiredText('The username'),
  password: requiredText('The password'),
} satisfies Partial<InputShape<typeof fields>>);

/** Passport refuses a grant with 400 (invalid_grant/invalid_request) or 401 (invalid_client). */
const isRefusal = (error: unknown) => [400, 401].includes(providerStatusOf(error) ?? 0);

function sessionData(tokens: TokenAnswer, previousRefreshToken?: string) {
  const refreshToken = tokens.refresh_token ?? previousRefreshToken;
  return refreshToken ? { access_token: tokens.access_token, refresh_token: refreshToken } : { access_token: tokens.access_token };
}

/**
 * Obtains a session: with the refresh token when there is one (Passport rotates it, so the newest
 * is kept), and with the username and password when there is none or it is refused.
 */
async function startSession(z: ZObject, bundle: Bundle) {
  const credentials = parseInput(credentialsShape, bundle.authData, fields);
  const client = { client_id: credentials.client_id, client_secret: credentials.client_secret };
  const refreshToken = bundle.authData.refresh_token;
  if (refreshToken) {
    try {
      const refreshed = await requestToken(z, bundle.authData, client, { grant_type: 'refresh_token', refresh_token: refreshToken });
      return sessionData(refreshed, refreshToken);
    } catch (error) {
      if (!isRefusal(error)) throw error;
    }
  }
  try {
    const tokens = await requestToken(z, bundle.authData, client, {
      grant_type: 'password',
      username: credentials.username,
      password: credentials.password,
    });
    return sessionData(tokens);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // ExpiredAuthError, not RefreshAuthError: a refused password needs the user, not another refresh.
    // Core's session middleware turns a 401 into a bare RefreshAuthError; Passport's 401 is invalid_client.
    const said =
      error instanceof errors.RefreshAuthError
        ? `${PROVIDER} refused the client id or client secret. (HTTP 401)`
        : messageOf(error as Error);
    throw withoutRuntimeContext(
      new errors.ExpiredAuthError(
        withAdvice(said, `Check the username, password, client id and client secret, then reconnect ${PROVIDER}.`),
      ),
    );
  }
}

export const authentication = {
  type: 'session',
  fields: [...fields],
  sessionConfig: { perform: startSession },
  test: (z: ZObject, bundle: Bundle) => listSenderIds(z, bundle),
  connectionLabel: '{{bundle.authData.username}}',
} satisfies Authentication;

/** Every call asks for JSON (Laravel answers HTML otherwise) and carries the session's token. */
export const addSessionHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  request.headers = { ...request.headers, Accept: 'application/json' };
  if (bundle.authData.access_token && !isTokenRequest(request.url)) {
    request.headers.Authorization = bearerHeader(bundle.authData.access_token, PROVIDER);
  }
  return request;
};
