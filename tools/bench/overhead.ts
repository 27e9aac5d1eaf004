import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ColdCandidate, Pair } from './cold-start';
import { childAnswer } from './invoke';
import { median, ms, type Row } from './report';

export const OVERHEAD_RUNS = 1000;
export const OVERHEAD_BOUND = 1.2;
const WARMUP = 30;
const CHILD = join(__dirname, 'overhead-child.js');

/** A step to time; with `onlyCreate`, the app's definition is cut to that create (see stepRunner). */
export type OverheadCandidate = ColdCandidate & { onlyCreate?: string };

/** Step times (ms) of each candidate, run warm and interleaved in one fresh process. */
export async function warmTimes(
  candidates: readonly OverheadCandidate[],
  runs: number,
  warmup = WARMUP,
): Promise<Record<string, number[]>> {
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD], {
    env: { ...process.env, BENCH_OVERHEAD: JSON.stringify({ runs, warmup, candidates }) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return childAnswer<Record<string, number[]>>(stdout);
}

/** What a step of the same code costs with the definition cut to Send SMS alone: core copies the whole definition on every step. */
const cutToSendSms = (candidate: ColdCandidate): OverheadCandidate => ({
  ...candidate,
  name: `${candidate.name}, Send SMS alone`,
  onlyCreate: 'send_sms',
});

/**
 * Per-step overhead: each integration's Send SMS through the runtime against the minimal create
 * sending the same request. Beside it, for reference, the same step with the integration's
 * definition cut to Send SMS alone, which separates our code's cost from the definition's.
 */
export async function measureOverhead(pairs: readonly Pair[]): Promise<Row[]> {
  const times = await warmTimes(
    pairs.flatMap((pair) => [pair.baseline, pair.integration, cutToSendSms(pair.integration)]),
    OVERHEAD_RUNS,
  );
  const against = (name: string, baseline: string) => {
    const time = median(times[name]);
    const base = median(times[baseline]);
    return { ratio: time / base, value: `${(time / base).toFixed(3)}x (${ms(time)} vs ${ms(base)})` };
  };
  return pairs.flatMap(({ integration, baseline }) => {
    const whole = against(integration.name, baseline.name);
    const alone = against(cutToSendSms(integration).name, baseline.name);
    return [
      {
        figure: `overhead per step: ${integration.name} send_sms (median of ${OVERHEAD_RUNS}, one process)`,
        value: whole.value,
        bound: `<= ${OVERHEAD_BOUND}x`,
        pass: whole.ratio <= OVERHEAD_BOUND,
      },
      {
        figure: `  the same with the definition cut to Send SMS alone`,
        value: alone.value,
        bound: 'reference',
      },
    ];
  });
}
