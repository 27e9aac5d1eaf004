import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { childAnswer, type StepEvent } from './invoke';
import { ms, trimmedMean, type Row } from './report';

const COLD_START_RUNS = 51;
const COLD_START_BOUND = 1.15;

const CHILD = join(__dirname, 'cold-start-child.js');

export interface ColdCandidate {
  name: string;
  appPath: string;
  step: StepEvent;
}

/**
 * A cold run's cost, as the child timed it from its first line to the step's result (loading core,
 * loading the app, running the step): the CPU time it used, the figure the bound applies to (a
 * busy machine stretches wall time, not CPU time), and the wall time for information.
 */
interface ColdCost {
  cpuMs: number;
  wallMs: number;
}

/** One fresh `node` process that loads the app and runs the step once. */
function coldRun(candidate: ColdCandidate): Promise<ColdCost> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, candidate.appPath], {
      env: { ...process.env, BENCH_STEP: JSON.stringify(candidate.step) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      let answer: { ok?: boolean; error?: string; cpuMs?: number; wallMs?: number } = {};
      try {
        answer = childAnswer(output);
      } catch {
        // no answer: the exit code says what happened
      }
      if (code !== 0 || !answer.ok) reject(new Error(`${candidate.name}: the cold step failed: ${answer.error ?? `exit ${code}`}`));
      else resolve({ cpuMs: answer.cpuMs ?? Number.NaN, wallMs: answer.wallMs ?? Number.NaN });
    });
  });
}

/** Trimmed mean cold cost of each candidate, runs interleaved (round i runs every candidate once, in a rotating order). */
async function coldCosts(candidates: readonly ColdCandidate[], runs: number): Promise<Map<string, ColdCost>> {
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
      { cpuMs: trimmedMean(costs.map((cost) => cost.cpuMs)), wallMs: trimmedMean(costs.map((cost) => cost.wallMs)) },
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
  // By name, once each: pairs may share their baseline.
  const candidates = [...new Map(pairs.flatMap((pair) => [pair.baseline, pair.integration]).map((each) => [each.name, each])).values()];
  // One untimed run each: the first spawn pays for the disk cache.
  for (const candidate of candidates) await coldRun(candidate);
  const costs = await coldCosts(candidates, COLD_START_RUNS);
  return pairs.map(({ integration, baseline }) => {
    const time = costs.get(integration.name) as ColdCost;
    const base = costs.get(baseline.name) as ColdCost;
    const ratio = time.cpuMs / base.cpuMs;
    const wallRatio = time.wallMs / base.wallMs;
    return {
      figure: `cold start: ${integration.name} send_sms, CPU time to load and run once (mean of the middle half of ${COLD_START_RUNS} fresh processes)`,
      value: `${ratio.toFixed(2)}x (${ms(time.cpuMs)} vs ${ms(base.cpuMs)}; wall ${wallRatio.toFixed(2)}x, ${ms(time.wallMs)} vs ${ms(base.wallMs)})`,
      bound: `<= ${COLD_START_BOUND}x`,
      pass: ratio <= COLD_START_BOUND,
    };
  });
}
