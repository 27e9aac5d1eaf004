import nock from 'nock';
import { authentication } from '../../src/providers/sms-extension/auth';
import { appError, authData, credentials, HOST, rejection, run, smsExtension, tokenEndpoint, UNAUTHENTICATED } from './support';

const clientFields = { client_id: '7', client_secret: 'client-secret-c1d2e3' };
const passwordGrant = { grant_type: 'password', username: 'sam@example.co.uk', password: 'pa55word-f4g5h6', ...clientFields };
const refreshGrant = { grant_type: 'refresh_token', refresh_token: 'refresh-token-1', ...clientFields };

const passportTokens = (n: number) => ({
  token_type: 'Bearer',
  expires_in: 31536000,
  access_token: `access-token-${n}`,
  refresh_token: `refresh-token-${n}`,
});
const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description: 'The user credentials were incorrect.',
  message: 'The user credentials were incorrect.',
};

describe('SMS Extension authentication (session on the password grant)', () => {
  describe('connecting', () => {
    it('signs in with the password grant and keeps the access and refresh tokens', async () => {
      tokenEndpoint().post('/api/oauth/token', passwordGrant).reply(200, passportTokens(1));
      expect(await run.startSession({ authData: credentials })).toEqual({
        access_token: 'access-token-1',
        refresh_token: 'refresh-token-1',
      });
    });

    it('keeps only the access token when the grant issues no refresh token', async () => {
      tokenEndpoint().post('/api/oauth/token', passwordGrant).reply(200, { access_token: 'access-token-1' });
      expect(await run.startSession({ authData: credentials })).toEqual({ access_token: 'access-token-1' });
    });

    it('accepts a base URL with a trailing slash', async () => {
      tokenEndpoint().post('/api/oauth/token', passwordGrant).reply(200, passportTokens(1));
      const session = await run.startSession({ authData: { ...credentials, base_url: `${credentials.base_url}/` } });
      expect(session).toEqual({ access_token: 'access-token-1', refresh_token: 'refresh-token-1' });
    });

    it('refuses a base URL that is not HTTPS, naming the field', async () => {
      const error = await rejection(run.startSession({ authData: { ...credentials, base_url: 'http://portal.smsext.test/api' } }));
      expect(appError(error)).toEqual({
        message: 'Base URL: "http://portal.smsext.test/api" must start with https://.',
        code: 'invalid_input',
        status: 400,
      });
    });

    it('names a missing field instead of calling SMS Extension', async () => {
      const error = await rejection(run.startSession({ authData: { ...credentials, client_secret: ' ' } }));
      expect(appError(error)).toEqual({ message: 'Client Secret: The client secret is required.', code: 'invalid_input', status: 400 });
    });

    it('marks the connection expired when the username or password is refused, quoting the reason but no secret', async () => {
      // The answer quotes the password and client secret it was sent, from its first characters: the
      // message must not, nor may the runtime append the raw answer ("What happened") to it.
      tokenEndpoint()
        .post('/api/oauth/token', passwordGrant)
        .reply(400, {
          message: `The user credentials were incorrect: password ${credentials.password}, client secret ${credentials.client_secret}.`,
          error: INVALID_GRANT.error,
        });
      const error = await rejection(run.startSession({ authData: credentials }));
      expect(error.name).toBe('ExpiredAuthError');
      expect(error.message).toBe(
        'SMS Extension refused the values given for "sign in with the username and password" ("The user credentials were incorrect: password [redacted], client secret [redacted]"). Check the values in this step against that reason, then replay it. Check the username, password, client id and client secret, then reconnect SMS Extension. (HTTP 400)',
      );
      expect(error.message).not.toContain(credentials.password);
      expect(error.message).not.toContain(credentials.client_secret);
    });

    it('marks the connection expired when the client id or secret is refused (401 invalid_client)', async () => {
      tokenEndpoint()
        .post('/api/oauth/token', passwordGrant)
        .reply(401, { error: 'invalid_client', message: 'Client authentication failed' });
      const error = await rejection(run.startSession({ authData: credentials }));
      expect(error.name).toBe('ExpiredAuthError');
      expect(error.message).toBe(
        'SMS Extension refused the client id or client secret. Check the username, password, client id and client secret, then reconnect SMS Extension. (HTTP 401)',
      );
    });

    it('reports a token answer without an access token as not understood', async () => {
      tokenEndpoint().post('/api/oauth/token', passwordGrant).reply(200, { token_type: 'Bearer' });
      const error = await rejection(run.startSession({ authData: credentials }));
      expect(appError(error)).toEqual({
        message:
          'SMS Extension answered "sign in with the username and password" with a response this integration does not understand (access_token: Required). (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      });
    });

    it('tests the connection by listing the sender ids with the session token', async () => {
      smsExtension()
        .get('/api/sender-id/list')
        .reply(200, [{ id: 3, sender_id: 'ACMESHOP', status: 'approved' }]);
      expect(await run.connectionTest({ authData })).toEqual([
        { id: '3', sender_id: 'ACMESHOP', status: 'approved', approved: true, approval_status: 'approved' },
      ]);
    });

    it('labels the connection with the username', () => {
      expect(authentication.connectionLabel).toBe('{{bundle.authData.username}}');
    });

    it('shows the Base URL as the part before /oauth/token, with an example', () => {
      const baseUrl = authentication.fields.find((field) => field.key === 'base_url');
      expect(baseUrl?.inputFormat).toBe('{{input}}/oauth/token');
      expect(baseUrl?.helpText).toContain('e.g. `https://portal.example.co.uk/api`');
    });

    it('says where the client credentials are found, linking the published API document', () => {
      const link = '(https://documenter-api.postman.tech/view/26315233/2sB3dQwVe1)';
      for (const key of ['base_url', 'client_id', 'client_secret']) {
        expect(authentication.fields.find((field) => field.key === key)?.helpText).toContain(link);
      }
    });
  });

  describe('refreshing on 401', () => {
    it('asks Zapier to refresh when an API call answers 401', async () => {
      smsExtension().get('/api/sender-id/list').reply(401, UNAUTHENTICATED);
      expect((await rejection(run.connectionTest({ authData }))).name).toBe('RefreshAuthError');
    });

    it('refreshes with the refresh-token grant and keeps the rotated refresh token', async () => {
      tokenEndpoint().post('/api/oauth/token', refreshGrant).reply(200, passportTokens(2));
      expect(await run.startSession({ authData })).toEqual({ access_token: 'access-token-2', refresh_token: 'refresh-token-2' });
    });

    it('keeps the current refresh token when the refresh answer carries none', async () => {
      tokenEndpoint().post('/api/oauth/token', refreshGrant).reply(200, { access_token: 'access-token-2', expires_in: 3600 });
      expect(await run.startSession({ authData })).toEqual({ access_token: 'access-token-2', refresh_token: 'refresh-token-1' });
    });

    it.each([
      [400, { error: 'invalid_grant', message: 'The refresh token is invalid.' }],
      [401, { error: 'invalid_request', message: 'The refresh token is invalid.' }],
    ])('signs in again with the password grant when the refresh token is refused with %i', async (status, body) => {
      tokenEndpoint().post('/api/oauth/token', refreshGrant).reply(status, body);
      tokenEndpoint().post('/api/oauth/token', passwordGrant).reply(200, passportTokens(3));
      expect(await run.startSession({ authData })).toEqual({ access_token: 'access-token-3', refresh_token: 'refresh-token-3' });
    });

    it('does not fall back to the password when the token endpoint fails for another reason', async () => {
      tokenEndpoint().post('/api/oauth/token', refreshGrant).reply(500, { message: 'Server Error' });
      expect(appError(await rejection(run.startSession({ authData })))).toEqual({
        message:
          'SMS Extension failed on its side during "refresh the session" ("Server Error"). Nothing in this step needs to change: try again later. (HTTP 500)',
        code: 'provider_unavailable',
        status: 500,
      });
    });

    it('retries the call with the new token once the session is refreshed', async () => {
      smsExtension().get('/api/sender-id/list').reply(401, UNAUTHENTICATED);
      expect((await rejection(run.connectionTest({ authData }))).name).toBe('RefreshAuthError');

      tokenEndpoint().post('/api/oauth/token', refreshGrant).reply(200, passportTokens(2));
      const session = await run.startSession<Record<string, string>>({ authData });

      nock(HOST).matchHeader('authorization', 'Bearer access-token-2').get('/api/sender-id/list').reply(200, ['ACMESHOP']);
      expect(await run.connectionTest({ authData: { ...authData, ...session } })).toEqual([
        { id: 'ACMESHOP', sender_id: 'ACMESHOP', approved: null, approval_status: 'unknown' },
      ]);
    });
  });
});
