import { realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { providerKeys } from '../../index';
import { measureColdStart, type Pair } from './cold-start';
import { BASELINE_APP, baselineStep, ROOT, startLoopback, step } from './fixtures';
import { measureOverhead } from './overhead';
import { table, type Row } from './report';
import { measureRequests } from './requests';
import { measureScale } from './scale';
import { measureSize } from './size';

// `npm run bench`: every performance figure of the issue beside its bound; exit 1 on any FAIL.
// Arguments pick sections (size, requests, cold, overhead, scale); none runs them all.
// `--against=DIR` adds, to the cold start, each integration as built in another checkout (DIR, after
// its own `npm run build`), interleaved in the same run, for information: a change's before and after.
// Run after `npm run build`: the integrations are loaded from apps/<key>/index.js as Zapier loads them.
const SECTIONS = ['size', 'requests', 'cold', 'overhead', 'scale'] as const;
const AGAINST = '--against=';

/**
 * The other checkout's apps/<key>/index.js. Its zapier-platform-core must be this one's: a second
 * copy would be loaded beside the first and counted against it.
 */
function againstApp(dir: string, key: string): string {
  const app = join(resolve(dir), 'apps', key, 'index.js');
  const core = (from: string) => realpathSync(require.resolve('zapier-platform-core', { paths: [from] }));
  if (core(dirname(app)) !== core(__dirname)) {
    throw new Error(
      `${dir} has its own zapier-platform-core: link its node_modules to this checkout's (ln -s ${relative(resolve(dir), join(ROOT, 'node_modules'))} node_modules, in ${dir}).`,
    );
  }
  return app;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const against = args.find((arg) => arg.startsWith(AGAINST))?.slice(AGAINST.length);
  const asked = args.filter((arg) => !arg.startsWith(AGAINST));
  const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown section ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}.`);
  const wanted = (section: (typeof SECTIONS)[number]) => asked.length === 0 || asked.includes(section);

  console.log(`Benchmark on Node ${process.version} (${relative(process.cwd(), process.execPath)})\n`);
  const rows: Row[] = [];
  const section = (found: Row[]) => {
    rows.push(...found);
    console.log(`${table(found)}\n`);
  };
  if (wanted('size')) section(measureSize());

  const loopback = await startLoopback();
  try {
    // Request economy runs first in any case: the Send SMS requests it captures are what the baseline replays.
    const economy = await measureRequests(loopback);
    if (wanted('requests')) section(economy.rows);

    // Each integration's Send SMS beside the baseline sending the very request it made.
    const pairs: Pair[] = providerKeys.map((key) => {
      const captured = economy.sendSmsRequests[key];
      if (!captured && (wanted('cold') || wanted('overhead')))
        throw new Error(`${key} Send SMS failed, so its baseline has no request to replay.`);
      const fixture = loopback.fixtures[key];
      return {
        integration: {
          name: key,
          appPath: fixture.appPath,
          step: step(fixture, 'creates.send_sms.operation.perform', { inputData: fixture.sendSms }),
        },
        baseline: { name: `baseline for ${key}`, appPath: BASELINE_APP, step: captured && baselineStep(loopback.proxy.url, captured) },
      };
    });
    if (wanted('cold')) {
      const others: Pair[] = against
        ? pairs.map(({ integration, baseline }, index) => ({
            integration: {
              ...integration,
              name: `${integration.name} (as built in ${against})`,
              appPath: againstApp(against, providerKeys[index]),
            },
            baseline,
          }))
        : [];
      const rows = await measureColdStart([...pairs, ...others]);
      // The other build's rows are for comparison only: its bound is not this build's to keep.
      section(rows.map((row, index) => (index < pairs.length ? row : { ...row, bound: 'information', pass: undefined })));
    }
    if (wanted('overhead')) section(await measureOverhead(pairs));
    if (wanted('scale')) section(await measureScale(loopback));
  } finally {
    await loopback.close();
  }

  const failed = rows.filter((row) => row.pass === false).length;
  console.log(failed === 0 ? 'All bounds kept.' : `${failed} bound${failed > 1 ? 's' : ''} FAILED.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
