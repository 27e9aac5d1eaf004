import { timingSafeEqual } from 'node:crypto';
import { SANDBOX_CREDENTIALS } from '../credentials';
import { escapeHtml, formBody, header, html, json, redirect, type Reply, type Router, type SandboxRequest } from '../http';
import { epochSeconds, jwtShaped, randomHex } from '../tokens';
import type { StratusTextingState } from './state';

/**
 * StratusTexting's OAuth server (AWS Cognito's hosted UI): a login form at /oauth2/authorize/
 * and the token endpoint at /oauth2/token/ with HTTP Basic client authentication.
 * The sandbox's client accepts any http(s) callback URL (a real Cognito client only its registered ones).
 */

const ACCESS_TOKEN_SECONDS = 3600;
const CODE_SECONDS = 300;
const KNOWN_SCOPES = new Set([
  'https://com.beetexting.scopes/SendMessage',
  'https://com.beetexting.scopes/ReadContact',
  'https://com.beetexting.scopes/WriteContact',
  'openid',
  'email',
  'profile',
]);
const credentials = SANDBOX_CREDENTIALS.stratustexting;

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function isCallbackUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hash === '';
  } catch {
    return false;
  }
}

interface AuthorizeParams {
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  state?: string;
  scope?: string;
}

function errorPage(status: number, problem: string): Reply {
  return html(
    status,
    `<!doctype html><html><head><title>Sign-in error</title></head><body><h1>An error was encountered with the requested page.</h1><p>${escapeHtml(problem)}</p></body></html>`,
  );
}

function backToClient(params: AuthorizeParams, query: Record<string, string>): Reply {
  const target = new URL(params.redirect_uri as string);
  for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
  if (params.state !== undefined) target.searchParams.set('state', params.state);
  return redirect(302, target.toString());
}

/** What the authorize request must carry before a login form is shown (or a code issued). */
function checkAuthorizeParams(params: AuthorizeParams): Reply | undefined {
  if (params.client_id !== credentials.clientId) return errorPage(400, 'Invalid client_id.');
  if (!isCallbackUrl(params.redirect_uri)) return errorPage(400, 'redirect_mismatch: redirect_uri is missing or is not an http(s) URL.');
  if (params.response_type !== 'code') return backToClient(params, { error: 'unsupported_response_type' });
  const unknown = (params.scope ?? '').split(' ').filter((scope) => scope !== '' && !KNOWN_SCOPES.has(scope));
  if (unknown.length > 0) return backToClient(params, { error: 'invalid_scope', error_description: `unknown scope ${unknown.join(' ')}` });
  return undefined;
}

function loginForm(action: string, params: AuthorizeParams, problem?: string): Reply {
  const hidden = (['client_id', 'redirect_uri', 'response_type', 'state', 'scope'] as const)
    .filter((name) => params[name] !== undefined)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name] as string)}">`)
    .join('\n      ');
  const error = problem ? `<p class="error" role="alert">${escapeHtml(problem)}</p>` : '';
  return html(
    200,
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Sign in to StratusTexting (sandbox)</title></head>
  <body>
    <h1>Sign in to StratusTexting</h1>
    <p>Sandbox account: ${escapeHtml(credentials.username)} / ${escapeHtml(credentials.password)}</p>
    ${error}
    <form method="post" action="${escapeHtml(action)}">
      ${hidden}
      <label>Username <input type="text" name="username" autocomplete="username" required></label>
      <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
    </form>
  </body>
</html>`,
  );
}

function showLoginForm(request: SandboxRequest): Reply {
  const params = Object.fromEntries(request.query) as AuthorizeParams;
  return checkAuthorizeParams(params) ?? loginForm(request.path, params);
}

function submitLoginForm(state: StratusTextingState, request: SandboxRequest): Reply {
  if (request.contentType !== 'application/x-www-form-urlencoded') return errorPage(400, 'The sign-in form must be posted as a form.');
  const form = formBody(request) as AuthorizeParams & { username?: string; password?: string };
  const refused = checkAuthorizeParams(form);
  if (refused) return refused;
  const username = form.username?.trim() ?? '';
  if (!same(username.toLowerCase(), credentials.username) || !same(form.password ?? '', credentials.password)) {
    return loginForm(request.path, form, 'Incorrect username or password.');
  }
  const code = randomHex(18);
  state.codes.set(code, {
    clientId: form.client_id as string,
    redirectUri: form.redirect_uri as string,
    scope: form.scope ?? '',
    username: credentials.username,
    expiresAt: Date.now() + CODE_SECONDS * 1000,
  });
  return backToClient(form, { code });
}

/** The client id from `Authorization: Basic`, when it names the sandbox client with its secret. */
function authenticatedClient(request: SandboxRequest): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  return same(id, credentials.clientId) && same(secret, credentials.clientSecret) ? id : undefined;
}

function issueTokens(state: StratusTextingState, clientId: string, scope: string, withRefreshToken: boolean) {
  const now = Date.now();
  const access_token = jwtShaped({
    sub: state.user.sub,
    token_use: 'access',
    scope,
    client_id: clientId,
    iat: epochSeconds(now),
    exp: epochSeconds(now) + ACCESS_TOKEN_SECONDS,
    jti: randomHex(8),
  });
  state.accessTokens.set(access_token, { clientId, username: state.user.username, scope, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 });
  const id_token = jwtShaped({
    sub: state.user.sub,
    aud: clientId,
    email: state.user.username,
    email_verified: true,
    'cognito:username': state.user.username,
    token_use: 'id',
    iat: epochSeconds(now),
    exp: epochSeconds(now) + ACCESS_TOKEN_SECONDS,
  });
  const tokens: Record<string, unknown> = { access_token, id_token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS };
  if (withRefreshToken) {
    const refresh_token = randomHex(48);
    state.refreshTokens.set(refresh_token, { clientId, username: state.user.username, scope });
    tokens.refresh_token = refresh_token;
  }
  return tokens;
}

const invalidGrant = () => json(400, { error: 'invalid_grant' });

function token(state: StratusTextingState, request: SandboxRequest): Reply {
  const clientId = authenticatedClient(request);
  if (!clientId) return json(401, { error: 'invalid_client' });
  if (request.contentType !== 'application/x-www-form-urlencoded') return json(400, { error: 'invalid_request' });
  const form = formBody(request);
  if (form.grant_type === 'authorization_code') {
    if (!form.code || !form.redirect_uri) return json(400, { error: 'invalid_request' });
    const code = state.codes.get(form.code);
    state.codes.delete(form.code); // single use, even when the exchange fails
    if (!code || code.expiresAt < Date.now() || code.clientId !== clientId || code.redirectUri !== form.redirect_uri) return invalidGrant();
    return json(200, issueTokens(state, clientId, code.scope, true));
  }
  if (form.grant_type === 'refresh_token') {
    if (!form.refresh_token) return json(400, { error: 'invalid_request' });
    const grant = state.refreshTokens.get(form.refresh_token);
    if (!grant || grant.clientId !== clientId) return invalidGrant();
    // Cognito does not rotate refresh tokens: the refresh answer carries none.
    return json(200, issueTokens(state, clientId, grant.scope, false));
  }
  return json(400, { error: form.grant_type ? 'unsupported_grant_type' : 'invalid_request' });
}

/** A token pair for the sandbox user, as if they had signed in: what `npm run sandbox` prints for `invoke`. */
export function signedInTokens(state: StratusTextingState): { access_token: string; refresh_token: string } {
  const tokens = issueTokens(state, credentials.clientId, [...KNOWN_SCOPES].slice(0, 3).join(' '), true);
  return { access_token: String(tokens.access_token), refresh_token: String(tokens.refresh_token) };
}

export function addOAuthRoutes(router: Router, prefix: string, state: StratusTextingState): void {
  // Cognito answers with and without the trailing slash; the documented URLs have it.
  for (const path of [`${prefix}/oauth2/authorize/`, `${prefix}/oauth2/authorize`]) {
    router.add('GET', path, showLoginForm).add('POST', path, (request) => submitLoginForm(state, request));
  }
  for (const path of [`${prefix}/oauth2/token/`, `${prefix}/oauth2/token`]) {
    router.add('POST', path, (request) => token(state, request));
  }
}
