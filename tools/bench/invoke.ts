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
type AppDefinition = Record<string, unknown> & { creates?: Record<string, unknown> };

// `createAppHandler` is what Zapier's generated zapierwrapper.js calls; core's typings omit it.
const { createAppHandler } = core as unknown as { createAppHandler(app: string | AppDefinition): LambdaHandler };

/**
 * Runs steps of the app at `appPath` (an apps/<key>/index.js) the way Zapier's Lambda does: the
 * handler requires it. With `onlyCreate`, the definition is first cut down to that one create:
 * the same code behind a smaller definition, to show what the definition's size costs per step.
 */
export function stepRunner(appPath: string, onlyCreate?: string): (step: StepEvent) => Promise<unknown> {
  const handler = createAppHandler(onlyCreate === undefined ? appPath : definitionCutTo(appPath, onlyCreate));
  return async (step) => (await handler({ command: 'execute', ...step })).results;
}

function definitionCutTo(appPath: string, createKey: string): AppDefinition {
  const app = require(appPath) as AppDefinition;
  const create = app.creates?.[createKey];
  if (!create) throw new Error(`${appPath} has no create ${createKey}`);
  return { ...app, triggers: {}, searches: {}, searchOrCreates: {}, creates: { [createKey]: create } };
}

/** Children print their answer after this line: core itself logs to stdout on every step ("ZID: ... RSSMEM"). */
export const RESULT_MARKER = '\nBENCH_RESULT ';

/**
 * Prints a child's answer after RESULT_MARKER, then exits with `code` once stdout has taken it all:
 * an exit straight after a large write to a pipe would cut the answer short.
 */
export function answerAndExit(answer: unknown, code = 0): void {
  process.stdout.write(RESULT_MARKER + JSON.stringify(answer), () => process.exit(code));
}

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
