import { SANDBOX_CREDENTIALS } from '../../tools/sandbox';
import { bodyOf, useSandbox } from './support';

const { clientId, clientSecret, apiKey, username, password } = SANDBOX_CREDENTIALS.stratustexting;
const REDIRECT_URI = 'https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/';
const SCOPE = 'https://com.beetexting.scopes/SendMessage https://com.beetexting.scopes/ReadContact';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('the StratusTexting sandbox OAuth server', () => {
  const sandbox = useSandbox();

  const authorizeQuery = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      state: 'xyz-42',
      scope: SCOPE,
      ...overrides,
    });

  /** The hidden fields of the login form, as a browser would submit them. */
  function hiddenFields(page: string): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields[match[1]] = match[2].replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)));
    }
    return fields;
  }

  async function submitLogin(form: Record<string, string>): Promise<Response> {
    return fetch(sandbox().urls.stratustextingAuthorize, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
      redirect: 'manual',
    });
  }

  /** Walks the browser part of the flow: login page, form post, redirect; answers the code. */
  async function signIn(): Promise<string> {
    const page = await (await fetch(`${sandbox().urls.stratustextingAuthorize}?${authorizeQuery()}`)).text();
    const response = await submitLogin({ ...hiddenFields(page), username, password });
    return new URL(response.headers.get('location') as string).searchParams.get('code') as string;
  }

  function requestToken(form: Record<string, string>, authorization = basic(clientId, clientSecret)): Promise<Response> {
    return fetch(sandbox().urls.stratustextingToken, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
  }

  const callApi = (accessToken: string) =>
    fetch(`${sandbox().urls.stratustextingApi}/sites`, { headers: { authorization: `Bearer ${accessToken}`, 'x-api-key': apiKey } });

  it('serves a login form that carries client_id, redirect_uri, state and scope in hidden fields', async () => {
    const response = await fetch(`${sandbox().urls.stratustextingAuthorize}?${authorizeQuery()}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toMatch(/<form method="post"/);
    expect(page).toMatch(/name="username"/);
    expect(page).toMatch(/name="password"/);
    expect(hiddenFields(page)).toEqual({
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      state: 'xyz-42',
      scope: SCOPE,
    });
  });

  it('refuses to show the form for an unknown client', async () => {
    const response = await fetch(`${sandbox().urls.stratustextingAuthorize}?${authorizeQuery({ client_id: 'someone-else' })}`);
    expect(response.status).toBe(400);
  });

  it('sends an unsupported response_type back to the client as an error', async () => {
    const response = await fetch(`${sandbox().urls.stratustextingAuthorize}?${authorizeQuery({ response_type: 'token' })}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${REDIRECT_URI}?error=unsupported_response_type&state=xyz-42`);
  });

  it('shows the form again with an error for a wrong password, without redirecting', async () => {
    const response = await submitLogin({ ...Object.fromEntries(authorizeQuery()), username, password: 'wrong' });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/Incorrect username or password\./);
  });

  it('redirects a successful sign-in to redirect_uri with a code and the state', async () => {
    const response = await submitLogin({ ...Object.fromEntries(authorizeQuery()), username, password });

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('xyz-42');
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{36}$/);
  });

  it('exchanges the code for an access token, a refresh token and an id token naming the user', async () => {
    const code = await signIn();
    const response = await requestToken({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });

    expect(response.status).toBe(200);
    const tokens = (await bodyOf(response)) as Record<string, unknown>;
    expect(tokens).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      id_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    const claims = JSON.parse(Buffer.from(String(tokens.id_token).split('.')[1], 'base64url').toString('utf8'));
    expect(claims.email).toBe(username);
    expect((await callApi(String(tokens.access_token))).status).toBe(200);
  });

  it('accepts a code only once', async () => {
    const code = await signIn();
    await requestToken({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    const again = await requestToken({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });

    expect(again.status).toBe(400);
    expect(await bodyOf(again)).toEqual({ error: 'invalid_grant' });
  });

  it('refuses a code exchanged with a different redirect_uri', async () => {
    const code = await signIn();
    const response = await requestToken({ grant_type: 'authorization_code', code, redirect_uri: 'https://elsewhere.example/callback' });

    expect(response.status).toBe(400);
    expect(await bodyOf(response)).toEqual({ error: 'invalid_grant' });
  });

  it('answers 401 invalid_client without HTTP Basic client credentials, or with a wrong secret', async () => {
    const code = await signIn();
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };

    const missing = await fetch(sandbox().urls.stratustextingToken, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, client_id: clientId, client_secret: clientSecret }),
    });
    const wrong = await requestToken(form, basic(clientId, 'not-the-secret'));

    expect([missing.status, await bodyOf(missing)]).toEqual([401, { error: 'invalid_client' }]);
    expect([wrong.status, await bodyOf(wrong)]).toEqual([401, { error: 'invalid_client' }]);
  });

  it('refreshes an access token without issuing a new refresh token, as Cognito does', async () => {
    const code = await signIn();
    const first = (await bodyOf(await requestToken({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }))) as Record<
      string,
      string
    >;
    const response = await requestToken({ grant_type: 'refresh_token', refresh_token: first.refresh_token });

    expect(response.status).toBe(200);
    const refreshed = (await bodyOf(response)) as Record<string, unknown>;
    expect(refreshed).toEqual({ access_token: expect.any(String), id_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect((await callApi(String(refreshed.access_token))).status).toBe(200);
  });

  it('refuses an unknown refresh token with invalid_grant', async () => {
    const response = await requestToken({ grant_type: 'refresh_token', refresh_token: 'never-issued' });
    expect([response.status, await bodyOf(response)]).toEqual([400, { error: 'invalid_grant' }]);
  });

  it('answers 401 Unauthorized once an access token has expired, until it is refreshed', async () => {
    const { access_token, refresh_token } = sandbox().stratusTextingTokens();
    await fetch(`${sandbox().url}/stratustexting/_sandbox/expire-tokens`, { method: 'POST' });

    const expired = await callApi(access_token);
    expect([expired.status, await bodyOf(expired)]).toEqual([401, { message: 'Unauthorized' }]);

    const refreshed = (await bodyOf(await requestToken({ grant_type: 'refresh_token', refresh_token }))) as Record<string, string>;
    expect((await callApi(refreshed.access_token)).status).toBe(200);
  });
});
