import * as core from 'zapier-platform-core';

/** One step as Zapier's backend sends it to the Lambda handler (`command: 'execute'` is added here). */
export interface StepEvent {
  /** e.g. `creates.send_sms.operation.perform` */
  method: string;
  bundle: Record<string, unknown>;
  /** The integration's environment variables; the handler copies them into process.env. */
  environment: Record<string, string>;
}

type LambdaHandler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;

// `createAppHandler` is what Zapier's generated zapierwrapper.js calls; core's typings omit it.
const { createAppHandler } = core as unknown as { createAppHandler(appPath: string): LambdaHandler };

/** Runs steps of the app at `appPath` (an apps/<key>/index.js) the way Zapier's Lambda does: the handler requires it. */
export function stepRunner(appPath: string): (step: StepEvent) => Promise<unknown> {
  const handler = createAppHandler(appPath);
  return async (step) => (await handler({ command: 'execute', ...step })).results;
}

/** Children print their answer after this line: core itself logs to stdout on every step ("ZID: ... RSSMEM"). */
export const RESULT_MARKER = '\nBENCH_RESULT ';

/** The answer a child printed after RESULT_MARKER. */
export function childAnswer<T>(stdout: string): T {
  const at = stdout.lastIndexOf(RESULT_MARKER);
  if (at < 0) throw new Error(`The benchmark child printed no result: ${stdout.slice(-300)}`);
  return JSON.parse(stdout.slice(at + RESULT_MARKER.length)) as T;
}

/** Runs `work` with console.log silenced: core logs its memory use on every step. */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
  }
}
