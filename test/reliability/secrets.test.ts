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
import { recordFigure } from './figures';

configureEnvironment();

const secrets = Object.values(SECRETS);
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

  it('runs every operation against every answer of the matrix and three echoing ones, scanning logs, errors and outputs: zero leaks', async () => {
    let runs = 0;
    const answers = [...ANSWERS.filter((candidate) => !candidate.timeout), ...ECHOES];
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
      `secrets: ${runs} runs scanned (${invocations().length} invocations × ${answers.length} answers, ${ECHOES.length} of them echoing the request), ` +
        `logs, error messages and step outputs searched for ${secrets.length} secrets: ${leaks.length} leaks`,
    );
    // The runtime did log: requests and responses of every run.
    expect(logged).toContain(HOSTS.commpeak);
    expect(runs).toBeGreaterThan(400);
    // The echoes did carry credentials: core censored them in its logs, callProvider in its errors.
    expect(logged).toContain(':censored:');
    expect(logged).toContain('[redacted]');
    const contexts = leaks.map((secret) => logged.slice(Math.max(0, logged.indexOf(secret) - 300), logged.indexOf(secret) + 60));
    expect(contexts).toEqual([]);
  });
});
