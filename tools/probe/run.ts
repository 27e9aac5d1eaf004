import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { integrationEnvironment, SANDBOX_CREDENTIALS, startSandbox } from '../sandbox';
import { commPeakProbe } from './commpeak';
import { probeProvider, type ProviderProbe, type Row, type WriteOptions } from './probe';
import { scrub } from './redact';
import { smsExtensionProbe } from './sms-extension';
import { stratusTextingProbe } from './stratustexting';

export const PROBES: Record<string, ProviderProbe> = {
  stratustexting: stratusTextingProbe,
  commpeak: commPeakProbe,
  'sms-extension': smsExtensionProbe,
};

export interface ProbeOptions extends WriteOptions {
  sandbox?: boolean;
  /** Where apps/<key>/.env is read from (the repository by default). */
  root?: string;
}

/** `authData_<field>=value` lines become the connection; the others, environment settings. */
export function readEnvFile(text: string): { authData: Record<string, string>; environment: Record<string, string> } {
  const authData: Record<string, string> = {};
  const environment: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    const [, name = '', raw = ''] = match;
    const value = raw.replace(/^(['"])(.*)\1$/, '$2');
    if (name.startsWith('authData_')) authData[name.slice('authData_'.length)] = value;
    else environment[name] = value;
  }
  return { authData, environment };
}

export interface ProbeReport {
  key: string;
  target: string;
  rows: Row[];
  /** What the writes made and did not remove. */
  left: string[];
  /** 0 when every documented request that was probed is confirmed. */
  exitCode: number;
  table: string;
  json: string;
}

/** The sandbox's connection for `key`, as its banner prints it. */
async function sandboxConnection(key: string) {
  const sandbox = await startSandbox({ port: 0 });
  const environment: Record<string, string> = (integrationEnvironment(sandbox) as Record<string, Record<string, string>>)[key] ?? {};
  const { clientId, clientSecret, username, password } = SANDBOX_CREDENTIALS.smsExtension;
  const authData: Record<string, string> = {
    stratustexting: sandbox.stratusTextingTokens(),
    commpeak: { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey },
    'sms-extension': { base_url: sandbox.urls.smsExtension, client_id: clientId, client_secret: clientSecret, username, password },
  }[key] as Record<string, string>;
  if (key === 'stratustexting' && !process.env.PROBE_MESSAGE_ID) {
    // The input a user gives: a message of their own. A customer texts the sandbox's first site.
    const answer = await fetch(`${sandbox.url}/stratustexting/_sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+19495550111', to: sandbox.state.stratustexting.sites[0]?.phoneNumber, text: 'Probe' }),
    });
    environment.PROBE_MESSAGE_ID = ((await answer.json()) as { message: { id: string } }).message.id;
  }
  return { authData, environment, target: 'the sandbox', close: () => sandbox.close() };
}

function fileConnection(key: string, root: string) {
  const path = join(root, 'apps', key, '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `No ${path}: write the connection there as \`zapier-platform invoke\` reads it (README, "Check against your account").`,
    );
  }
  return { ...readEnvFile(text), target: `apps/${key}/.env`, close: async () => undefined };
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));

function tableOf(rows: Row[]): string {
  const lines = rows.map((row) => {
    const breaks = row.result === 'confirmed' || row.result === 'skipped' ? '' : ` Breaks: ${row.usedBy.join('; ')}.`;
    return [row.request, row.documented ? 'documented' : 'assumed', row.result, `${row.detail}.${breaks}`];
  });
  const header = ['request', 'documented?', 'result', 'detail'];
  const widths = [0, 1, 2].map((column) => Math.max(header[column]?.length ?? 0, ...lines.map((line) => line[column]?.length ?? 0)));
  const format = (line: string[]) => line.map((cell, column) => (column < 3 ? pad(cell, widths[column] ?? 0) : cell)).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

/** Probes `key`'s read-only requests against the sandbox or the account in apps/<key>/.env. */
export async function runProbe(key: string, options: ProbeOptions = {}): Promise<ProbeReport> {
  const provider = PROBES[key];
  if (!provider) throw new Error(`Unknown integration "${key}": use one of ${Object.keys(PROBES).join(', ')}.`);
  const connection = options.sandbox ? await sandboxConnection(key) : fileConnection(key, options.root ?? process.cwd());
  const saved = { ...process.env };
  Object.assign(process.env, connection.environment);
  const secrets = [...Object.values(connection.authData), ...Object.values(connection.environment)].filter(
    (value) => !/^https?:/.test(value),
  );
  try {
    const { rows, left } = await probeProvider(provider, connection.authData, options);
    secrets.push(...Object.values(connection.authData));
    const failed = rows.filter((row) => row.documented && row.result !== 'confirmed' && row.result !== 'skipped');
    const clean = (text: string) => scrub(text, secrets);
    const leftLines = left.length > 0 ? ['', 'Left in the account:', ...left.map((thing) => `- ${thing}`)] : [];
    const table = clean([`${key} against ${connection.target}`, tableOf(rows), ...leftLines].join('\n'));
    const json = clean(JSON.stringify({ integration: key, target: connection.target, rows, left }, null, 2));
    return { key, target: connection.target, rows, left, exitCode: failed.length === 0 ? 0 : 1, table, json };
  } finally {
    process.env = saved;
    await connection.close();
  }
}
