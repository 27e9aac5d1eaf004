import { answerAndExit, stepRunner, type StepEvent } from './invoke';

// One process running warm steps of several apps, interleaved; prints each one's step times (ms).
// BENCH_OVERHEAD: { runs, warmup, candidates: [{ name, appPath, step, performOf? }] } (JSON).
interface Plan {
  runs: number;
  warmup: number;
  candidates: { name: string; appPath: string; step: StepEvent; performOf?: string }[];
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.env.BENCH_OVERHEAD ?? '{}') as Plan;
  const runners = plan.candidates.map((candidate) => ({
    ...candidate,
    run: stepRunner(candidate.appPath, candidate.performOf),
    times: [] as number[],
  }));
  for (let round = 0; round < plan.warmup + plan.runs; round += 1) {
    for (let index = 0; index < runners.length; index += 1) {
      const runner = runners[(round + index) % runners.length];
      const started = performance.now();
      await runner.run(runner.step);
      if (round >= plan.warmup) runner.times.push(performance.now() - started);
    }
  }
  answerAndExit(Object.fromEntries(runners.map((runner) => [runner.name, runner.times])));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
});
