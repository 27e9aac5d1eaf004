import type * as Invoke from './invoke';

// A fresh process that does what a cold Zapier Lambda does: load core, load the app through the
// handler, run one step. Argument: the app's path; BENCH_STEP: the step (JSON). It times that
// phase itself, from its first line, so Node's own start-up, the same on both sides, is left out.
const startCpu = process.cpuUsage();
const startWall = process.hrtime.bigint();

// Required here, not imported: an import would load core before the clock starts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { answerAndExit, stepRunner } = require('./invoke') as typeof Invoke;
const [appPath] = process.argv.slice(2);
const step = JSON.parse(process.env.BENCH_STEP ?? '{}') as Invoke.StepEvent;

stepRunner(appPath)(step).then(
  (results) => {
    const cpu = process.cpuUsage(startCpu);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const wallMs = Number(process.hrtime.bigint() - startWall) / 1e6;
    answerAndExit({ ok: true, cpuMs, wallMs, results });
  },
  (error: unknown) => {
    answerAndExit({ ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) }, 1);
  },
);
