import { appError, authData, credentials, rejection, run, tokenEndpoint } from './support';

// No API interceptor is registered: with the network disabled (test/setup.ts), a request that left
// would fail with nock's "Disallowed net connect" instead of the refusal asserted here.
describe('SMS Extension tokens no HTTP header can carry', () => {
  it.each([
    { step: 'the connection test', call: (auth: Record<string, string>) => run.connectionTest({ authData: auth }) },
    { step: 'Find SMS', call: (auth: Record<string, string>) => run.search('find_sms', { authData: auth, inputData: { id: '48213' } }) },
  ])(
    '$step: a stored access token with a zero-width space asks Zapier for a new session, saying where without quoting it, and sends nothing',
    async ({ call }) => {
      const error = await rejection(call({ ...authData, access_token: 'access-secret-1\u200b' }));
      expect(error.name).toBe('RefreshAuthError');
      expect(error.message).toBe(
        'The access token of this SMS Extension connection has a character an HTTP header cannot carry at position 16 (a zero-width space, U+200B), so nothing was sent: Zapier gets a new token and runs the step again.',
      );
    },
  );

  it('refuses a session token a header cannot carry as it arrives, saying where without quoting it', async () => {
    tokenEndpoint()
      .post('/api/oauth/token', {
        grant_type: 'password',
        username: credentials.username,
        password: credentials.password,
        client_id: '7',
        client_secret: credentials.client_secret,
      })
      .reply(200, { access_token: 'access-secret-2\r\n', refresh_token: 'refresh-token-2' });
    expect(appError(await rejection(run.startSession({ authData: credentials })))).toEqual({
      message:
        'SMS Extension answered "sign in with the username and password" with a response this integration does not understand (access_token: has a character an HTTP header cannot carry at position 16 (a carriage return, U+000D)). (HTTP 200)',
      code: 'unexpected_response',
      status: 200,
    });
  });
});
