import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ColdCandidate, Pair } from './cold-start';
import { childAnswer } from './invoke';
import { median, ms, type Row } from './report';

export const OVERHEAD_RUNS = 300;
export const OVERHEAD_BOUND = 1.2;
const WARMUP = 30;
const CHILD = join(__dirname, 'overhead-child.js');

/** Step times (ms) of each candidate, run warm and interleaved in one fresh process. */
export async function warmTimes(candidates: readonly ColdCandidate[], runs: number, warmup = WARMUP): Promise<Record<string, number[]>> {
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD], {
    env: { ...process.env, BENCH_OVERHEAD: JSON.stringify({ runs, warmup, candidates }) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return childAnswer<Record<string, number[]>>(stdout);
}

/** Per-step overhead: each integration's Send SMS through the runtime against the minimal create sending the same request. */
export async function measureOverhead(pairs: readonly Pair[]): Promise<Row[]> {
  const times = await warmTimes(pairs.flatMap((pair) => [pair.baseline, pair.integration]), OVERHEAD_RUNS);
  return pairs.map(({ integration, baseline }) => {
    const time = median(times[integration.name]);
    const base = median(times[baseline.name]);
    const ratio = time / base;
    return {
      figure: `overhead per step: ${integration.name} send_sms (median of ${OVERHEAD_RUNS}, one process)`,
      value: `${ratio.toFixed(2)}x (${ms(time)} vs ${ms(base)})`,
      bound: `<= ${OVERHEAD_BOUND}x`,
      pass: ratio <= OVERHEAD_BOUND,
    };
  });
}
