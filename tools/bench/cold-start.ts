import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { childAnswer, type StepEvent } from './invoke';
import { median, ms, type Row } from './report';

const COLD_START_RUNS = 21;
const COLD_START_BOUND = 1.25;

const CHILD = join(__dirname, 'cold-start-child.js');

export interface ColdCandidate {
  name: string;
  appPath: string;
  step: StepEvent;
}

/** A cold run's cost: wall time from spawn to exit, and the CPU time the process used (less sensitive to a busy machine). */
interface ColdCost {
  wallMs: number;
  cpuMs: number;
}

/** One fresh `node` process that loads the app and runs the step once. */
function coldRun(candidate: ColdCandidate, nodeArgs: string[] = []): Promise<ColdCost> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, CHILD, candidate.appPath], {
      env: { ...process.env, BENCH_STEP: JSON.stringify(candidate.step) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      let answer: { ok?: boolean; error?: string; cpuMs?: number } = {};
      try {
        answer = childAnswer(output);
      } catch {
        // no answer: the exit code says what happened
      }
      if (code !== 0 || !answer.ok) reject(new Error(`${candidate.name}: the cold step failed: ${answer.error ?? `exit ${code}`}`));
      else resolve({ wallMs: elapsed, cpuMs: answer.cpuMs ?? Number.NaN });
    });
  });
}

/** Median cold cost of each candidate, runs interleaved (round i runs every candidate once, in a rotating order). */
async function coldMedians(candidates: readonly ColdCandidate[], runs: number): Promise<Map<string, ColdCost>> {
  const times = new Map(candidates.map((candidate) => [candidate.name, [] as ColdCost[]]));
  for (let round = 0; round < runs; round += 1) {
    for (let index = 0; index < candidates.length; index += 1) {
      const candidate = candidates[(round + index) % candidates.length];
      times.get(candidate.name)?.push(await coldRun(candidate));
    }
  }
  return new Map(
    [...times].map(([name, costs]) => [
      name,
      { wallMs: median(costs.map((cost) => cost.wallMs)), cpuMs: median(costs.map((cost) => cost.cpuMs)) },
    ]),
  );
}

/** An integration's Send SMS and the minimal create sending the same request. */
export interface Pair {
  integration: ColdCandidate;
  baseline: ColdCandidate;
}

/** Cold start of each integration's Send SMS against the minimal hand-written create, side by side. */
export async function measureColdStart(pairs: readonly Pair[]): Promise<Row[]> {
  const candidates = pairs.flatMap((pair) => [pair.baseline, pair.integration]);
  // One untimed run each: the first spawn pays for the disk cache.
  for (const candidate of candidates) await coldRun(candidate);
  const medians = await coldMedians(candidates, COLD_START_RUNS);
  return pairs.map(({ integration, baseline }) => {
    const time = medians.get(integration.name) as ColdCost;
    const base = medians.get(baseline.name) as ColdCost;
    const ratio = time.wallMs / base.wallMs;
    const cpuRatio = time.cpuMs / base.cpuMs;
    return {
      figure: `cold start: ${integration.name} send_sms (median of ${COLD_START_RUNS} fresh processes)`,
      value: `${ratio.toFixed(2)}x (${ms(time.wallMs)} vs ${ms(base.wallMs)}; CPU ${cpuRatio.toFixed(2)}x, ${ms(time.cpuMs)} vs ${ms(base.cpuMs)})`,
      bound: `<= ${COLD_START_BOUND}x`,
      pass: ratio <= COLD_START_BOUND,
    };
  });
}
