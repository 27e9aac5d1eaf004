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
 * handler requires it. With `performOf` (another app's path), the app's Send SMS runs that app's
 * Send SMS perform instead: the same definition, connection and middleware around other code.
 */
export function stepRunner(appPath: string, performOf?: string): (step: StepEvent) => Promise<unknown> {
  const handler = createAppHandler(performOf === undefined ? appPath : withSendSmsPerformOf(appPath, performOf));
  return async (step) => (await handler({ command: 'execute', ...step })).results;
}

type Create = { operation: Record<string, unknown> };

function sendSmsOf(appPath: string): Create {
  const create = (require(appPath) as AppDefinition).creates?.send_sms as Create | undefined;
  if (!create) throw new Error(`${appPath} has no create send_sms`);
  return create;
}

function withSendSmsPerformOf(appPath: string, performOf: string): AppDefinition {
  const app = require(appPath) as AppDefinition;
  const sendSms = sendSmsOf(appPath);
  const operation = { ...sendSms.operation, perform: sendSmsOf(performOf).operation.perform };
  return { ...app, creates: { ...app.creates, send_sms: { ...sendSms, operation } } };
}

/** Children print their answer after this line: core itself logs to stdout on every step ("ZID: ... RSSMEM"). */
const RESULT_MARKER = '\nBENCH_RESULT ';

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
