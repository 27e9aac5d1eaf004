import { appError, authData, credentials, inputProblem, rejection, run } from './support';

// No interceptor is registered: with the network disabled (test/setup.ts), a request that left
// would fail with nock's "Disallowed net connect" instead of the refusal asserted here.
const ADVICE = 'which Zapier does not call. Use the public https:// address your provider gave you.';

describe('a Base URL pointing inside is refused before any request', () => {
  it.each([
    [
      'the cloud metadata address',
      'https://169.254.169.254/api',
      `"https://169.254.169.254/api" points at a link-local address (169.254.0.0/16), ${ADVICE}`,
    ],
    ['a private address', 'https://192.168.0.10/api', `"https://192.168.0.10/api" points at a private address (192.168.0.0/16), ${ADVICE}`],
    [
      'loopback, written as one number',
      'https://2130706433/api',
      'the host of "https://2130706433/api" is read as "127.0.0.1", so it may be read as another host: type the host as a name (e.g. portal.example.co.uk) or as four numbers from 0 to 255 with dots, without leading zeros.',
    ],
    ['localhost', 'http://localhost:4011/api', `"http://localhost:4011/api" points at the machine Zapier runs on (loopback), ${ADVICE}`],
  ])('%s: signing in, the connection test and a step all say so', async (_case, baseUrl, problem) => {
    const expected = inputProblem(`Base URL: ${problem}`);
    expect(appError(await rejection(run.startSession({ authData: { ...credentials, base_url: baseUrl } })))).toEqual(expected);
    expect(appError(await rejection(run.connectionTest({ authData: { ...authData, base_url: baseUrl } })))).toEqual(expected);
    const send = run.create('send_sms', {
      authData: { ...authData, base_url: baseUrl },
      inputData: { from: 'ACMESHOP', to: '07400 900123', text: 'Hello' },
    });
    expect(appError(await rejection(send))).toEqual(expected);
  });

  it('refuses loopback even when the connection or the step carries the setting: only the environment can', async () => {
    delete process.env.ALLOW_LOOPBACK_BASE_URL;
    const baseUrl = 'http://127.0.0.1:4011/api';
    const connection = { ...authData, base_url: baseUrl, ALLOW_LOOPBACK_BASE_URL: '1' };
    const error = await rejection(
      run.search('find_sms', { authData: connection, inputData: { id: '48213', ALLOW_LOOPBACK_BASE_URL: '1' } }),
    );
    expect(appError(error)).toEqual(inputProblem(`Base URL: "${baseUrl}" points at the machine Zapier runs on (loopback), ${ADVICE}`));
  });
});
