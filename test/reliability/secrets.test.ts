import nock from 'nock';
import {
  ANSWERS,
  HOSTS,
  SECRETS,
  configureEnvironment,
  invocations,
  runCase,
  type FailedAnswer,
} from '../../tools/reliability/error-matrix';
import { STRATUS_BASIC_CREDENTIAL, TOKEN_ECHOES, TOKEN_INVOCATIONS } from '../../tools/reliability/token-requests';
import { UNSENDABLE_CREDENTIALS, withUnsendable } from '../../tools/reliability/unsendable-credentials';
import { recordFigure } from './figures';

configureEnvironment();

/** Every credential, the client's HTTP Basic credential as the token requests carry it, and the credentials no header can carry. */
const secrets = [...Object.values(SECRETS), STRATUS_BASIC_CREDENTIAL, ...UNSENDABLE_CREDENTIALS.map((credential) => credential.value)];
/** A provider that quotes back the request it received, credentials included, in an error and in a success. */
const ECHOES: FailedAnswer[] = [
  { name: '400 echoing the request', status: 400, echo: true, reason: 'Refused:', decided: () => 'Error(provider_rejected)' },
  { name: '422 echoing the request', status: 422, echo: true, reason: 'Refused:', decided: () => 'Error(provider_rejected)' },
  { name: '200 echoing the request', status: 200, echo: true, reason: 'Received:', decided: () => 'success' },
];

describe('secrets never reach what the runtime logs or an error says', () => {
  const captured: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(() => {
    process.env.LOG_TO_STDOUT = 'true';
    process.env.DETAILED_LOG_TO_STDOUT = 'true';
    const keep = (...parts: unknown[]) => {
      captured.push(parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
    };
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      spies.push(jest.spyOn(console, method).mockImplementation(keep));
    spies.push(jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true)));
    spies.push(jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true)));
  });

  afterAll(() => {
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
    spies.forEach((spy) => spy.mockRestore());
  });

  it('runs every operation and every token request against every answer of the matrix and the echoing ones, and every operation with a credential no header can carry, scanning logs, errors and outputs: zero leaks', async () => {
    let runs = 0;
    const answers = [...ANSWERS.filter((candidate) => !candidate.timeout), ...ECHOES];
    const echoedTokenRequests: string[] = [];
    const tokenRefusals: string[] = [];
    for (const invocation of TOKEN_INVOCATIONS) {
      for (const answer of [...answers, ...TOKEN_ECHOES]) {
        const result = await runCase(invocation, answer);
        captured.push(result.message, JSON.stringify(result.output ?? null));
        if (answer.echo && answer.status === 422) echoedTokenRequests.push(result.message);
        if (answer.quoting && result.outcome !== result.expected)
          tokenRefusals.push(`${invocation.label}, ${answer.name}: ${result.outcome}`);
        runs += 1;
      }
    }
    const unsendableRuns: string[] = [];
    for (const credential of UNSENDABLE_CREDENTIALS) {
      const saved = process.env[credential.field];
      if (credential.in === 'environment') process.env[credential.field] = credential.value;
      try {
        for (const invocation of invocations().filter(({ provider }) => provider === credential.provider)) {
          const result = await runCase(withUnsendable(invocation, credential), ANSWERS[0]);
          captured.push(result.message, JSON.stringify(result.output ?? null));
          unsendableRuns.push(
            `${invocation.label}: ${result.outcome}: ${/ at position \d+ /.test(result.message) ? 'names the position' : 'no position'}`,
          );
          runs += 1;
        }
      } finally {
        if (credential.in === 'environment') process.env[credential.field] = saved;
      }
    }
    for (const invocation of invocations()) {
      for (const answer of answers) {
        const result = await runCase(invocation, answer);
        captured.push(result.message, JSON.stringify(result.output ?? null));
        runs += 1;
      }
    }
    nock.cleanAll();
    const logged = captured.join('\n');
    const leaks = secrets.filter((secret) => logged.includes(secret));
    recordFigure(
      `secrets: ${runs} runs scanned (${invocations().length} invocations and ${TOKEN_INVOCATIONS.length} token requests × ${answers.length} answers, ${ECHOES.length} of them echoing the request; ` +
        `the token requests × ${TOKEN_ECHOES.length} answers quoting the request first; ${unsendableRuns.length} runs with one of ${UNSENDABLE_CREDENTIALS.length} credentials no header can carry), ` +
        `logs, error messages and step outputs searched for ${secrets.length} secrets: ${leaks.length} leaks`,
    );
    // The runtime did log: requests and responses of every run.
    expect(logged).toContain(HOSTS.commpeak);
    expect(runs).toBeGreaterThan(400);
    // The echoes did carry credentials: core censored them in its logs, callProvider in its errors.
    expect(logged).toContain(':censored:');
    expect(logged).toContain('[redacted]');
    // The token endpoints were reached and quoted the request back, its grant and fields included.
    expect(echoedTokenRequests).toEqual([
      expect.stringContaining('Refused: {"body":"grant_type=authorization_code&code=[redacted]&redirect_uri='),
      expect.stringContaining('Refused: {"body":"grant_type=refresh_token&refresh_token=[redacted]","headers":{'),
      expect.stringContaining(
        '{"body":{"grant_type":"refresh_token","refresh_token":"[redacted]","client_id":"7","client_secret":"[redacted]"}',
      ),
      expect.stringContaining(
        '"password","username":"sam@example.co.uk","password":"[redacted]","client_id":"7","client_secret":"[redacted]"}',
      ),
    ]);
    const contexts = leaks.map((secret) => logged.slice(Math.max(0, logged.indexOf(secret) - 300), logged.indexOf(secret) + 60));
    expect(contexts).toEqual([]);
    // The refusals stayed what they were, only without the answer quoted.
    expect(tokenRefusals).toEqual([]);
    // A credential no header can carry stopped each step with a message naming where the character is.
    expect(unsendableRuns.filter((line) => !line.endsWith('names the position'))).toEqual([]);
  }, 400_000);
});
