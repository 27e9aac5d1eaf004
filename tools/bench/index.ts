import { relative } from 'node:path';
import { providerKeys } from '../../index';
import { measureColdStart, type Pair } from './cold-start';
import { BASELINE_APP, baselineStep, startLoopback, step } from './fixtures';
import { measureOverhead } from './overhead';
import { table, type Row } from './report';
import { measureRequests } from './requests';
import { measureScale } from './scale';
import { measureSize } from './size';

// `npm run bench`: every performance figure of the issue beside its bound; exit 1 on any FAIL.
// Arguments pick sections (size, requests, cold, overhead, scale); none runs them all.
// Run after `npm run build`: the integrations are loaded from apps/<key>/index.js as Zapier loads them.
const SECTIONS = ['size', 'requests', 'cold', 'overhead', 'scale'] as const;

async function main(): Promise<number> {
  const asked = process.argv.slice(2);
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
    if (wanted('cold')) section(await measureColdStart(pairs));
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
