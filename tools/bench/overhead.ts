import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ColdCandidate, Pair } from './cold-start';
import { childAnswer } from './invoke';
import { median, ms, type Row } from './report';

const OVERHEAD_RUNS = 1000;
const OVERHEAD_BOUND = 1.1;
const WARMUP = 30;
const CHILD = join(__dirname, 'overhead-child.js');

/** A step to time; with `performOf`, the app's Send SMS runs that app's perform (see stepRunner). */
type OverheadCandidate = ColdCandidate & { performOf?: string };

/** Step times (ms) of each candidate, run warm and interleaved in one fresh process. */
async function warmTimes(candidates: readonly OverheadCandidate[], runs: number, warmup = WARMUP): Promise<Record<string, number[]>> {
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD], {
    env: { ...process.env, BENCH_OVERHEAD: JSON.stringify({ runs, warmup, candidates }) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return childAnswer<Record<string, number[]>>(stdout);
}

/**
 * The minimal create inside the integration's own definition: its connection, environment and
 * middleware, with Send SMS's perform replaced by the baseline's single `z.request`. Zapier's
 * runtime copies the whole definition on every step, so this is the yardstick for our code.
 */
const baselineInside = ({ integration, baseline }: Pair): OverheadCandidate => ({
  name: `baseline inside ${integration.name}`,
  appPath: integration.appPath,
  performOf: baseline.appPath,
  step: {
    ...baseline.step,
    bundle: { ...baseline.step.bundle, authData: integration.step.bundle.authData },
    environment: integration.step.environment,
  },
});

/**
 * Per-step overhead: each integration's Send SMS through the runtime against the minimal create
 * running inside the same definition (bound). Beside it, for information, the same step against
 * the one-operation minimal create: that gap is the runtime copying our larger definition.
 */
export async function measureOverhead(pairs: readonly Pair[]): Promise<Row[]> {
  const times = await warmTimes(
    pairs.flatMap((pair) => [pair.baseline, pair.integration, baselineInside(pair)]),
    OVERHEAD_RUNS,
  );
  const against = (name: string, baseline: string) => {
    const time = median(times[name]);
    const base = median(times[baseline]);
    return { ratio: time / base, value: `${(time / base).toFixed(3)}x (${ms(time)} vs ${ms(base)})` };
  };
  return pairs.flatMap((pair) => {
    const { integration, baseline } = pair;
    const ours = against(integration.name, baselineInside(pair).name);
    const copy = against(integration.name, baseline.name);
    return [
      {
        figure: `overhead per step: ${integration.name} send_sms vs the minimal create in the same definition (median of ${OVERHEAD_RUNS})`,
        value: ours.value,
        bound: `<= ${OVERHEAD_BOUND}x`,
        pass: ours.ratio <= OVERHEAD_BOUND,
      },
      {
        figure: `  vs the one-operation minimal create (adds the runtime's copy of our definition)`,
        value: copy.value,
        bound: 'information',
      },
    ];
  });
}
