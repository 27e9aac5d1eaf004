import { answerAndExit, stepRunner, type StepEvent } from './invoke';

// A fresh process that does what a cold Zapier Lambda does: load core, load the app through the
// handler, run one step. Argument: the app's path; BENCH_STEP: the step (JSON).
const [appPath] = process.argv.slice(2);
const step = JSON.parse(process.env.BENCH_STEP ?? '{}') as StepEvent;

stepRunner(appPath)(step).then(
  (results) => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    answerAndExit({ ok: true, cpuMs, results });
  },
  (error: unknown) => {
    answerAndExit({ ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) }, 1);
  },
);
