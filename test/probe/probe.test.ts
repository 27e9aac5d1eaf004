import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { integrationEnvironment, SANDBOX_CREDENTIALS, startSandbox } from '../../tools/sandbox';
import { startReceiver } from '../sandbox/support';
import { readEnvFile, runProbe, type ProbeReport } from '../../tools/probe/run';

/**
 * `npm run probe -- <key> --sandbox`: every read-only request against the sandbox, in its three
 * modes. What a user reads is the table; these check its rows and that nothing secret is in it.
 */

const savedEnv = { ...process.env };
beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterEach(() => {
  process.env = { ...savedEnv };
});

/** The sandbox's first site and its organization (tools/sandbox/stratustexting/state.ts). */
const SITE_ID = '64f1c0ffee00000000000d01';
const ORG_ID = '64f1c0ffee00000000000a01';
const results = (report: ProbeReport) => Object.fromEntries(report.rows.map((row) => [row.request, row.result]));
const detail = (report: ProbeReport, request: string) => report.rows.find((row) => row.request === request)?.detail;

const SKIPPED_WRITES = {
  stratustexting: [
    'POST /message/sendsms',
    'POST /message/sendmms',
    'POST /contact',
    'PUT /contact/{id}',
    'PUT /contact/mobile/{mobile}',
    'POST /customconsent',
    'PUT /customconsent/{id}',
    'POST /customconsent/{id}/change',
    'POST /customconsent/contact',
    'POST /webhooksubscription',
    'DELETE /webhooksubscription/{id}',
  ],
  commpeak: ['POST /simple_send/'],
  'sms-extension': ['POST /sender-id/add', 'POST /sms/send', 'POST /click-to-dial/dial', 'POST /click-to-dial-mask/dial'],
};
const skipped = (key: keyof typeof SKIPPED_WRITES) => Object.fromEntries(SKIPPED_WRITES[key].map((request) => [request, 'skipped']));

describe('against the sandbox, every request probed is confirmed', () => {
  it('stratustexting', async () => {
    const report = await runProbe('stratustexting', { sandbox: true });
    expect(results(report)).toEqual({
      ...skipped('stratustexting'),
      'GET /message/getmessagebyid/{messageId}': 'confirmed',
      'GET /sites': 'confirmed',
      'GET /contact/all': 'confirmed',
      'GET /contact/mobile/{mobile}': 'confirmed',
      'GET /contact/{id}': 'confirmed',
      'GET /customconsent/all': 'confirmed',
      'GET /customconsent/{id}': 'confirmed',
    });
    expect(detail(report, 'POST /message/sendsms')).toBe('it sends a text: needs --send-to <your own number>');
    expect(detail(report, 'POST /contact')).toBe('it changes data: needs --write (or --hook-url for subscriptions)');
    expect(report.exitCode).toBe(0);
  });

  it('commpeak', async () => {
    const report = await runProbe('commpeak', { sandbox: true });
    expect(results(report)).toEqual({ ...skipped('commpeak'), 'POST /messages_status/': 'confirmed' });
    expect(report.exitCode).toBe(0);
  });

  it('sms-extension: the SMS detail waits for an SMS in the history', async () => {
    const report = await runProbe('sms-extension', { sandbox: true });
    expect(results(report)).toEqual({
      ...skipped('sms-extension'),
      'POST /oauth/token': 'confirmed',
      'GET /sender-id/list': 'confirmed',
      'GET /sms/list': 'confirmed',
      'GET /sms/detail/{id}': 'skipped',
    });
    expect(detail(report, 'GET /sms/detail/{id}')).toBe('no SMS in the history to look up');
    expect(report.exitCode).toBe(0);
  });
});

describe('--write and --hook-url: probe records made, read back, changed; what is left is said', () => {
  it('stratustexting: every request but the sends is confirmed, and the contact and consent left are named', async () => {
    const receiver = await startReceiver();
    try {
      const report = await runProbe('stratustexting', { sandbox: true, write: true, hookUrl: receiver.url });
      expect(report.rows.filter((row) => row.result !== 'confirmed').map((row) => [row.request, row.result])).toEqual([
        ['POST /message/sendsms', 'skipped'],
        ['POST /message/sendmms', 'skipped'],
      ]);
      expect(report.left).toEqual([
        expect.stringMatching(
          /^the contact \+19495550199 "Zapier probe \(delete me\)" \(id \w+\): no request deletes a contact, so delete it in the app$/,
        ),
        expect.stringMatching(/^the custom consent "Zapier probe consent \(delete me\)" \(id \w+\): no request deletes a consent;/),
      ]);
      expect(report.table).toContain('Left in the account:\n- the contact +19495550199');
      expect(report.exitCode).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('stratustexting: a subscription that could not be removed is named as left', async () => {
    Object.assign(process.env, { SANDBOX_DOCUMENTED_ONLY: '1', PROBE_DEPARTMENT_ID: SITE_ID, PROBE_ORGANIZATION_ID: ORG_ID });
    const receiver = await startReceiver();
    try {
      const report = await runProbe('stratustexting', { sandbox: true, hookUrl: receiver.url });
      expect(results(report)).toMatchObject({
        'POST /webhooksubscription': 'confirmed',
        'DELETE /webhooksubscription/{id}': 'not available',
      });
      expect(report.left).toEqual([expect.stringMatching(new RegExp(`^the subscription \\w+ to ${receiver.url}, until it expires$`))]);
    } finally {
      await receiver.close();
    }
  });
});

describe('--send-to: one text to the number given, from the sender found or PROBE_FROM', () => {
  it.each([
    { key: 'stratustexting', request: 'POST /message/sendsms', to: '+19495550123', status: 200 },
    { key: 'commpeak', request: 'POST /simple_send/', to: '+972524265292', from: 'ACME', status: 200 },
    { key: 'sms-extension', request: 'POST /sms/send', to: '+447400900123', status: 201 },
  ])('$key', async ({ key, request, to, from, status }) => {
    if (from) process.env.PROBE_FROM = from;
    const report = await runProbe(key, { sandbox: true, sendTo: to });
    expect(report.rows.find((row) => row.request === request)).toMatchObject({ result: 'confirmed', detail: `HTTP ${status}` });
    expect(report.left).toEqual([]);
  });

  it('commpeak: without PROBE_FROM nothing is sent, and the row says what is needed', async () => {
    const report = await runProbe('commpeak', { sandbox: true, sendTo: '+972524265292' });
    expect(report.rows.find((row) => row.request === 'POST /simple_send/')).toMatchObject({
      result: 'skipped',
      detail: 'it sends a text: needs --send-to <your own number> and PROBE_FROM (the sender)',
    });
  });
});

describe('SANDBOX_DOCUMENTED_ONLY=1: every assumed request is not available, every documented one confirmed', () => {
  it('stratustexting', async () => {
    process.env.SANDBOX_DOCUMENTED_ONLY = '1';
    const report = await runProbe('stratustexting', { sandbox: true });
    const probed = report.rows.filter((row) => row.result !== 'skipped');
    expect(probed.map((row) => [row.request, row.documented, row.result])).toEqual([
      ['GET /message/getmessagebyid/{messageId}', true, 'confirmed'],
      ['GET /sites', false, 'not available'],
      ['GET /contact/all', false, 'not available'],
      ['GET /customconsent/all', false, 'not available'],
    ]);
    expect(report.table).toContain(
      `GET /sites                               assumed      not available  403 "Missing Authentication Token". Breaks: the Site dropdown; the connection test (naming the connection); instant triggers' subscribe.`,
    );
    expect(report.exitCode).toBe(0);
  });
});

describe('SANDBOX_DRIFT=1: the probe says which field differs, and what breaks', () => {
  it('stratustexting: a renamed field, a string where a number was, a new field', async () => {
    process.env.SANDBOX_DRIFT = '1';
    const report = await runProbe('stratustexting', { sandbox: true });
    expect(report.rows.filter((row) => row.result === 'differs').map((row) => [row.request, row.detail])).toEqual([
      ['GET /message/getmessagebyid/{messageId}', 'of another type: lastUpdated (expected number, received string)'],
      ['GET /sites', 'new: content[].siteName'],
      ['GET /contact/all', 'new: content[].loyaltyTier'],
    ]);
    expect(report.table).toContain(
      "Breaks: Test the connection; Find Message; New Inbound Message; New Outbound Message; instant triggers (telling another organization's id).",
    );
    expect(report.exitCode).toBe(1);
  });

  it('sms-extension: a sender id whose name field was renamed', async () => {
    process.env.SANDBOX_DRIFT = '1';
    const report = await runProbe('sms-extension', { sandbox: true });
    expect(detail(report, 'GET /sender-id/list')).toBe('missing: data[]: a sender id without a name; new: data[].senderName');
    expect(detail(report, 'GET /sms/list')).toBe('new: next_cursor');
    expect(report.exitCode).toBe(1);
  });
});

describe('a real account: apps/<key>/.env, and nothing secret in what the probe prints or writes', () => {
  it('reads authData_ lines as the connection and the rest as settings', () => {
    expect(readEnvFile('# comment\nAPI_KEY=k-123\nauthData_access_token="abc def"\nexport CLIENT_ID=c\n')).toEqual({
      authData: { access_token: 'abc def' },
      environment: { API_KEY: 'k-123', CLIENT_ID: 'c' },
    });
  });

  it('says where to write the .env when there is none', async () => {
    const root = mkdtempSync(join(tmpdir(), 'probe-'));
    await expect(runProbe('commpeak', { root })).rejects.toThrow(
      `No ${join(root, 'apps', 'commpeak', '.env')}: write the connection there`,
    );
  });

  it('reports a refused key without repeating it', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const root = mkdtempSync(join(tmpdir(), 'probe-'));
      mkdirSync(join(root, 'apps', 'commpeak'), { recursive: true });
      const planted = 'planted-commpeak-key-7f3a9c';
      writeFileSync(join(root, 'apps', 'commpeak', '.env'), `COMMPEAK_BASE_URL=${sandbox.urls.commpeak}\nauthData_api_key=${planted}\n`);
      const report = await runProbe('commpeak', { root });
      expect(report.rows.find((row) => row.request === 'POST /messages_status/')).toMatchObject({
        result: 'refused',
        detail: 'HTTP 403 "Not authenticated"',
      });
      expect(report.exitCode).toBe(1);
      expect(`${report.table}${report.json}`).not.toContain(planted);
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    ['the right API key', 'API_KEY', 'confirmed', 'HTTP 404: the credentials got past authentication', 0],
    ['a wrong API key', 'not-the-api-key', 'refused', 'HTTP 403 "Forbidden"', 1],
  ])(
    "stratustexting with %s: the connection test's read of a message that cannot exist is judged by its credentials only",
    async (_case, apiKey, result, said, exitCode) => {
      const sandbox = await startSandbox({ port: 0 });
      try {
        const root = mkdtempSync(join(tmpdir(), 'probe-'));
        mkdirSync(join(root, 'apps', 'stratustexting'), { recursive: true });
        const { access_token } = sandbox.stratusTextingTokens();
        const environment = {
          ...integrationEnvironment(sandbox).stratustexting,
          API_KEY: apiKey === 'API_KEY' ? SANDBOX_CREDENTIALS.stratustexting.apiKey : apiKey,
        };
        const lines = [...Object.entries(environment).map(([name, value]) => `${name}=${value}`), `authData_access_token=${access_token}`];
        writeFileSync(join(root, 'apps', 'stratustexting', '.env'), `${lines.join('\n')}\n`);
        const report = await runProbe('stratustexting', { root });
        expect(report.rows.find((row) => row.request === 'GET /message/getmessagebyid/{messageId}')).toMatchObject({
          result,
          detail: said,
        });
        expect(report.exitCode).toBe(exitCode);
      } finally {
        await sandbox.close();
      }
    },
  );

  it.each(['stratustexting', 'commpeak', 'sms-extension'])(
    '%s: no credential, token or phone number in the table or the JSON',
    async (key) => {
      const report = await runProbe(key, { sandbox: true });
      const output = `${report.table}\n${report.json}`;
      const secrets = Object.values(SANDBOX_CREDENTIALS).flatMap((credentials) => Object.values(credentials) as string[]);
      expect(secrets.filter((secret) => output.includes(secret))).toEqual([]);
      expect(output).not.toMatch(/\+\d{8,}|\b44\d{9,}\b|access_token":\s*"[^<]/);
      expect(JSON.parse(report.json)).toMatchObject({ integration: key, target: 'the sandbox' });
    },
  );
});
