import nock from 'nock';
import { appError, authData, rejection, run } from './support';

// No API interceptor is registered: with the network disabled (test/setup.ts), a request that left
// would fail with nock's "Disallowed net connect" instead of the refusal asserted here.
const savedApiKey = process.env.API_KEY;
afterEach(() => {
  process.env.API_KEY = savedApiKey;
});

const STEPS = [
  { step: 'the connection test', call: (auth: Record<string, string>) => run.connectionTest({ authData: auth }) },
  {
    step: 'Find Message',
    call: (auth: Record<string, string>) => run.search('find_message', { authData: auth, inputData: { message_id: 'msg-1' } }),
  },
];

describe('StratusTexting credentials no HTTP header can carry', () => {
  it.each(STEPS)(
    '$step: a stored access token with a line break asks Zapier for a new token, saying where without quoting it, and sends nothing',
    async ({ call }) => {
      const error = await rejection(call({ ...authData, access_token: 'access-secret-1\nX-Injected: yes' }));
      expect(error.name).toBe('RefreshAuthError');
      expect(error.message).toBe(
        'The access token of this StratusTexting connection has a character an HTTP header cannot carry at position 16 (a line break, U+000A), so nothing was sent: Zapier gets a new token and runs the step again.',
      );
    },
  );

  it.each(STEPS)(
    "$step: an API_KEY setting with a zero-width space is the integration admin's to fix, and sends nothing",
    async ({ call }) => {
      process.env.API_KEY = 'api-secret-5a4b\u200b3c2d1e';
      expect(appError(await rejection(call(authData)))).toEqual({
        message:
          'This integration is misconfigured: its API_KEY environment variable has a character an HTTP header cannot carry at position 16 (a zero-width space, U+200B). An integration admin sets it again with `zapier-platform env:set`.',
        code: 'misconfigured',
        status: 500,
      });
    },
  );

  it('refuses a refreshed access token a header cannot carry, saying where without quoting it', async () => {
    nock('https://spectrumauth.beetexting.com')
      .post('/oauth2/token/', 'grant_type=refresh_token&refresh_token=refresh-token-1')
      .reply(200, { access_token: 'access-secret-2\u200b' });
    expect(appError(await rejection(run.refreshAccessToken({ authData })))).toEqual({
      message:
        'StratusTexting answered "Refresh sign-in" with a response this integration does not understand (access_token: has a character an HTTP header cannot carry at position 16 (a zero-width space, U+200B)). (HTTP 200)',
      code: 'unexpected_response',
      status: 200,
    });
  });
});
