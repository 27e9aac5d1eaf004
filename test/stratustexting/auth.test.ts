import nock from 'nock';
import { api, appError, authData, BASE, CONNECTION_CHECK, FORBIDDEN_HINT, integration, rejection, run } from './support';

const AUTH_HOST = 'https://spectrumauth.beetexting.com';
const BASIC = `Basic ${Buffer.from('test-client-id:test-client-secret').toString('base64')}`;
const REDIRECT = 'https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/';

/** The token endpoint, matched only with HTTP Basic client auth and a form body, and never with the API key. */
const tokenEndpoint = (host = AUTH_HOST) =>
  nock(host, {
    reqheaders: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    badheaders: ['x-api-key'],
  });

/** An unsigned id token (header.claims.signature) carrying `claims`. */
const idToken = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;

/** The two token requests: the code exchange at sign-in, and the refresh. */
const EXCHANGES = {
  getAccessToken: {
    bundle: { inputData: { code: 'auth-c0de', redirect_uri: REDIRECT, state: 'st4te' } },
    form: `grant_type=authorization_code&code=auth-c0de&redirect_uri=${encodeURIComponent(REDIRECT)}`,
  },
  refreshAccessToken: { bundle: { authData }, form: 'grant_type=refresh_token&refresh_token=refresh-token-1' },
};

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

describe('StratusTexting authentication (OAuth2 authorization code)', () => {
  it('is OAuth2 with automatic refresh (its optional fields: connection-fields.test.ts)', () => {
    expect(integration.authentication).toMatchObject({ type: 'oauth2', oauth2Config: { autoRefresh: true } });
  });

  describe('authorizeUrl', () => {
    const bundle = { inputData: { redirect_uri: REDIRECT, state: 'st4te' } };

    it("sends the user to the hosted login with client_id, response_type=code, redirect_uri and state, and no scope (the client's own scopes apply)", async () => {
      await expect(run.authorizeUrl(bundle)).resolves.toBe(
        'https://spectrumauth.beetexting.com/oauth2/authorize/?client_id=test-client-id&response_type=code&redirect_uri=https%3A%2F%2Fzapier.com%2Fdashboard%2Fauth%2Foauth%2Freturn%2FApp123CLIAPI%2F&state=st4te',
      );
    });

    it('takes the host and the scopes from STRATUSTEXTING_AUTHORIZE_URL and STRATUSTEXTING_SCOPES', async () => {
      process.env.STRATUSTEXTING_AUTHORIZE_URL = 'https://auth.beetexting.com/oauth2/authorize';
      process.env.STRATUSTEXTING_SCOPES = 'openid email';
      await expect(run.authorizeUrl(bundle)).resolves.toBe(
        'https://auth.beetexting.com/oauth2/authorize?client_id=test-client-id&response_type=code&redirect_uri=https%3A%2F%2Fzapier.com%2Fdashboard%2Fauth%2Foauth%2Freturn%2FApp123CLIAPI%2F&state=st4te&scope=openid+email',
      );
    });

    it("leaves the scope out when STRATUSTEXTING_SCOPES is empty, so the client's default scopes apply", async () => {
      process.env.STRATUSTEXTING_SCOPES = '';
      await expect(run.authorizeUrl(bundle)).resolves.toBe(
        'https://spectrumauth.beetexting.com/oauth2/authorize/?client_id=test-client-id&response_type=code&redirect_uri=https%3A%2F%2Fzapier.com%2Fdashboard%2Fauth%2Foauth%2Freturn%2FApp123CLIAPI%2F&state=st4te',
      );
    });

    it('refuses a plain-HTTP authorize URL that is not on this machine', async () => {
      process.env.STRATUSTEXTING_AUTHORIZE_URL = 'http://auth.example.com/oauth2/authorize';
      expect(appError(await rejection(run.authorizeUrl(bundle)))).toEqual({
        message:
          'This integration is misconfigured: STRATUSTEXTING_AUTHORIZE_URL: "http://auth.example.com/oauth2/authorize" must start with https:// (plain HTTP is allowed only for localhost). An integration admin corrects it with `zapier-platform env:set`.',
        code: 'misconfigured',
        status: 500,
      });
    });

    it('says which setting is missing when CLIENT_ID is not set', async () => {
      delete process.env.CLIENT_ID;
      expect(appError(await rejection(run.authorizeUrl(bundle)))).toEqual({
        message:
          'This integration is not configured: its CLIENT_ID environment variable is empty. An integration admin sets it with `zapier-platform env:set`.',
        code: 'misconfigured',
        status: 500,
      });
    });
  });

  describe('getAccessToken', () => {
    const { bundle, form } = EXCHANGES.getAccessToken;

    it('posts the code as a form with HTTP Basic client auth (no bearer, no API key) and names the account from the id token e-mail', async () => {
      tokenEndpoint()
        .post('/oauth2/token/', form)
        .reply(200, {
          access_token: 'access-token-1',
          refresh_token: 'refresh-token-1',
          id_token: idToken({ email: 'sam@example.com', 'cognito:username': 'sam-42' }),
          token_type: 'Bearer',
          expires_in: 3600,
        });
      await expect(run.getAccessToken(bundle)).resolves.toEqual({
        access_token: 'access-token-1',
        refresh_token: 'refresh-token-1',
        account_name: 'sam@example.com',
      });
    });

    it('falls back on the Cognito user name, then on nothing, for the account name', async () => {
      tokenEndpoint()
        .post('/oauth2/token/', form)
        .reply(200, { access_token: 'a1', refresh_token: 'r1', id_token: idToken({ 'cognito:username': 'sam-42' }) });
      await expect(run.getAccessToken(bundle)).resolves.toEqual({
        access_token: 'a1',
        refresh_token: 'r1',
        account_name: 'sam-42',
      });
      tokenEndpoint().post('/oauth2/token/', form).reply(200, { access_token: 'a2', id_token: 'not-a-jwt' });
      await expect(run.getAccessToken(bundle)).resolves.toEqual({
        access_token: 'a2',
        refresh_token: '',
        account_name: '',
      });
    });

    it('uses STRATUSTEXTING_TOKEN_URL when set', async () => {
      process.env.STRATUSTEXTING_TOKEN_URL = 'https://auth.beetexting.com/oauth2/token';
      tokenEndpoint('https://auth.beetexting.com').post('/oauth2/token', form).reply(200, { access_token: 'a1', refresh_token: 'r1' });
      await expect(run.getAccessToken(bundle)).resolves.toEqual({
        access_token: 'a1',
        refresh_token: 'r1',
        account_name: '',
      });
    });
  });

  describe('refreshAccessToken', () => {
    const { bundle, form } = EXCHANGES.refreshAccessToken;

    it('keeps the old refresh token when the response carries none (Cognito does not rotate it)', async () => {
      tokenEndpoint()
        .post('/oauth2/token/', form)
        .reply(200, { access_token: 'access-token-2', id_token: idToken({ email: 'x@example.com' }), expires_in: 3600 });
      await expect(run.refreshAccessToken(bundle)).resolves.toEqual({
        access_token: 'access-token-2',
        refresh_token: 'refresh-token-1',
      });
    });

    it('takes a new refresh token when one is returned', async () => {
      tokenEndpoint().post('/oauth2/token/', form).reply(200, { access_token: 'access-token-2', refresh_token: 'refresh-token-2' });
      await expect(run.refreshAccessToken(bundle)).resolves.toEqual({
        access_token: 'access-token-2',
        refresh_token: 'refresh-token-2',
      });
    });

    it('turns a 400 invalid_grant (revoked or expired refresh token) into ExpiredAuthError, asking to reconnect, without the answer', async () => {
      // The answer quotes the refresh token first: the runtime must not append it ("What happened").
      tokenEndpoint().post('/oauth2/token/', form).reply(400, { refresh_token: 'refresh-token-1', error: 'invalid_grant' });
      const error = await rejection(run.refreshAccessToken(bundle));
      expect(error.name).toBe('ExpiredAuthError');
      expect(error.message).toBe("StratusTexting no longer accepts this connection's sign-in: reconnect the account.");
    });
  });

  describe('when the token endpoint refuses', () => {
    it.each([
      {
        exchange: 'getAccessToken',
        name: "quotes the sign-in server's reason when it refuses the code",
        status: 400,
        body: { error: 'invalid_grant' },
        expected: {
          message:
            'StratusTexting refused the values given for "Sign in" ("invalid_grant"). Check the values in this step against that reason, then replay it. (HTTP 400)',
          code: 'provider_rejected',
          status: 400,
        },
      },
      {
        exchange: 'getAccessToken',
        name: 'explains a 401 from the token endpoint as refused client credentials, not as an expired sign-in',
        status: 401,
        body: { error: 'invalid_client' },
        expected: {
          message:
            'StratusTexting refused this integration\'s client credentials for "Sign in". An integration admin checks CLIENT_ID and CLIENT_SECRET. (HTTP 401)',
          code: 'invalid_client',
          status: 401,
        },
      },
      {
        exchange: 'getAccessToken',
        name: 'refuses a token response without an access token',
        status: 200,
        body: { refresh_token: 'r1' },
        expected: {
          message:
            'StratusTexting answered "Sign in" with a response this integration does not understand (access_token: Required). (HTTP 200)',
          code: 'unexpected_response',
          status: 200,
        },
      },
      {
        exchange: 'refreshAccessToken',
        name: 'leaves refused client credentials (401 invalid_client) to the integration admin: reconnecting cannot fix them',
        status: 401,
        body: { error: 'invalid_client' },
        expected: {
          message:
            'StratusTexting refused this integration\'s client credentials for "Refresh sign-in". An integration admin checks CLIENT_ID and CLIENT_SECRET. (HTTP 401)',
          code: 'invalid_client',
          status: 401,
        },
      },
      {
        exchange: 'refreshAccessToken',
        name: 'leaves a server error as it is, so the refresh can be tried again',
        status: 503,
        body: { message: 'Service Unavailable' },
        expected: {
          message:
            'StratusTexting failed on its side during "Refresh sign-in" ("Service Unavailable"). Nothing in this step needs to change: try again later. (HTTP 503)',
          code: 'provider_unavailable',
          status: 503,
        },
      },
    ] as const)('$exchange $name', async ({ exchange, status, body, expected }) => {
      const { bundle, form } = EXCHANGES[exchange];
      tokenEndpoint().post('/oauth2/token/', form).reply(status, body);
      expect(appError(await rejection(run[exchange](bundle)))).toEqual(expected);
    });
  });

  describe('the connection test', () => {
    const sites = [
      { id: 'dept-1', name: 'Main Street Store', orgId: 'org-9' },
      { id: 'dept-2', name: 'Harbor Store', orgId: 'org-9' },
    ];

    it('reads the message with the all-zero id (documented path) with the bearer token and API key, then names the first site for the label', async () => {
      api().get(CONNECTION_CHECK).reply(404, { message: 'Message not found' });
      api().get(`${BASE}/sites`).reply(200, sites);
      await expect(run.connectionTest({ authData })).resolves.toEqual({
        account_name: 'sam@example.com',
        site_count: 2,
        first_site: 'Main Street Store',
      });
    });

    it('calls the production API when STRATUSTEXTING_BASE_URL is not set', async () => {
      delete process.env.STRATUSTEXTING_BASE_URL;
      nock('https://api-stratustexting.spectrumvoip.com', {
        reqheaders: { authorization: 'Bearer access-token-1', 'x-api-key': 'test-api-key' },
      })
        .get('/stratustexting-prod/message/getmessagebyid/000000000000000000000000')
        .reply(404, { message: 'Not Found' })
        .get('/stratustexting-prod/sites')
        .reply(200, { content: [] });
      await expect(run.connectionTest({ authData: { ...authData, account_name: '' } })).resolves.toEqual({
        site_count: 0,
      });
    });

    it.each([
      ['404', 404, { message: 'Message not found' }],
      ['400 about the id', 400, { message: 'Invalid message id' }],
      ['409', 409, { message: 'Conflict' }],
      ['422', 422, { message: 'Unprocessable' }],
      ['200 with a message', 200, { id: '000000000000000000000000', text: '' }],
      ['200 empty', 200, ''],
      ['200 that is not JSON', 200, 'OK'],
    ])('passes when the unknown message is answered %s: the credentials got past authentication', async (_case, status, body) => {
      api().get(CONNECTION_CHECK).reply(status, body);
      api().get(`${BASE}/sites`).reply(200, []);
      await expect(run.connectionTest({ authData })).resolves.toEqual({ account_name: 'sam@example.com', site_count: 0 });
    });

    it.each([
      ['the gateway has no such path', 403, { message: 'Missing Authentication Token' }],
      ['a server error', 500, { message: 'Internal server error' }],
      ['an answer of another shape', 200, { sites: 'none' }],
    ])(
      'connects when the sites list (an assumed endpoint) fails with %s, only without a site for the label',
      async (_case, status, body) => {
        api().get(CONNECTION_CHECK).reply(404, { message: 'Not Found' });
        api().get(`${BASE}/sites`).reply(status, body);
        await expect(run.connectionTest({ authData })).resolves.toEqual({ account_name: 'sam@example.com', site_count: 0 });
      },
    );

    it('makes the runtime raise RefreshAuthError when the API answers 401 (autoRefresh)', async () => {
      api().get(CONNECTION_CHECK).reply(401, { message: 'Unauthorized' });
      expect((await rejection(run.connectionTest({ authData }))).name).toBe('RefreshAuthError');
    });

    it('explains a 403 (a wrong API key or a missing scope)', async () => {
      api().get(CONNECTION_CHECK).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(run.connectionTest({ authData })))).toEqual({
        message: `StratusTexting refused the connected account access to "Test the connection" ("Forbidden"). ${FORBIDDEN_HINT} (HTTP 403)`,
        code: 'forbidden',
        status: 403,
      });
    });

    it("reports a 500 as an outage on StratusTexting's side, not as accepted credentials", async () => {
      api().get(CONNECTION_CHECK).reply(500, { message: 'Internal server error' });
      expect(appError(await rejection(run.connectionTest({ authData })))).toEqual({
        message:
          'StratusTexting failed on its side during "Test the connection" ("Internal server error"). Nothing in this step needs to change: try again later. (HTTP 500)',
        code: 'provider_unavailable',
        status: 500,
      });
    });

    it('reports an unreachable API as such', async () => {
      api().get(CONNECTION_CHECK).replyWithError('connect ECONNREFUSED 203.0.113.7:443');
      const error = appError(await rejection(run.connectionTest({ authData })));
      expect(error.code).toBe('provider_unreachable');
      expect(error.message).toMatch(
        /^Could not reach StratusTexting for "Test the connection": .*ECONNREFUSED 203\.0\.113\.7:443\. Try again later\.$/,
      );
    });

    it('says the API key is not configured rather than calling the API without it', async () => {
      delete process.env.API_KEY;
      expect(appError(await rejection(run.connectionTest({ authData })))).toEqual({
        message:
          'This integration is not configured: its API_KEY environment variable is empty. An integration admin sets it with `zapier-platform env:set`.',
        code: 'misconfigured',
        status: 500,
      });
    });
  });

  describe('the connection label', () => {
    const label = (inputData: Record<string, unknown>) => run.connectionLabel({ authData, inputData });

    it('joins the account e-mail and the first site', async () => {
      await expect(label({ account_name: 'sam@example.com', site_count: 2, first_site: 'Main Street Store' })).resolves.toBe(
        'sam@example.com · Main Street Store',
      );
    });

    it('uses what it has, and is empty (never the product name) when it has nothing', async () => {
      await expect(label({ site_count: 1, first_site: 'Main Street Store' })).resolves.toBe('Main Street Store');
      await expect(label({ account_name: 'sam@example.com', site_count: 0 })).resolves.toBe('sam@example.com');
      await expect(label({ site_count: 0 })).resolves.toBe('');
    });
  });
});
