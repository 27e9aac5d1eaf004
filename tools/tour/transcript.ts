import { messageOf } from '../../src/core/error-details';

/** The tour's step-by-step transcript: each step's outcome, the operations it ran, what it showed, and how long it took. */
export interface StepOutcome {
  title: string;
  ok: boolean;
  /** Each operation the step ran, by its key in the definition: `creates.send_sms`, `triggers.new_sms performSubscribe`, `authentication.test`. */
  operations: string[];
  detail: string;
  ms: number;
}

/** Lines are wrapped to this many columns, so a long outcome stays readable in a narrow terminal or a CI log. */
export const TRANSCRIPT_WIDTH = 100;
const INDENT = '       ';

/** The operation a `zapier-platform invoke` method runs: `creates.send_sms.operation.perform` is `creates.send_sms`. */
export function operationOf(method: string): string {
  const match = /^((?:triggers|creates|searches)\.[^.]+)\.operation\.(\w+)$/.exec(method);
  if (!match) return method;
  return match[2] === 'perform' ? (match[1] as string) : `${match[1]} ${match[2]}`;
}

/**
 * Text wrapped at spaces so that each line, with its prefix, fits in `width` columns (a longer word
 * stays whole): the first line after `first`, every other one after `rest`.
 */
export function wrap(text: string, first: string, rest: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const prefix = lines.length === 0 ? first : rest;
      if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
        lines.push(prefix + line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push((lines.length === 0 ? first : rest) + line);
  }
  return lines.join('\n');
}

// The operations run by the step in progress; deployable().run reports each (tools/tour/zapier.ts).
let running: Set<string> | null = null;

export function ranOperation(method: string): void {
  running?.add(operationOf(method));
}

export class Transcript {
  readonly steps: StepOutcome[] = [];

  section(title: string): void {
    console.log(`\n== ${title}`);
  }

  /** Runs one step; `act` returns a line describing what happened, or throws when the step did not do what it should. */
  async step(title: string, act: () => Promise<string>): Promise<boolean> {
    const started = performance.now();
    const operations = new Set<string>();
    running = operations;
    let outcome: Omit<StepOutcome, 'operations'>;
    try {
      const detail = await act();
      outcome = { title, ok: true, detail, ms: performance.now() - started };
    } catch (cause) {
      outcome = { title, ok: false, detail: describeError(cause), ms: performance.now() - started };
    } finally {
      running = null;
    }
    this.steps.push({ ...outcome, operations: [...operations] });
    const mark = outcome.ok ? 'ok  ' : 'FAIL';
    const ran = operations.size > 0 ? ` [${[...operations].join(', ')}]` : '';
    const heading = wrap(`${title}${ran} (${Math.round(outcome.ms)} ms)`, `${mark} `, INDENT, TRANSCRIPT_WIDTH);
    console.log(`${heading}\n${wrap(outcome.detail, INDENT, INDENT, TRANSCRIPT_WIDTH)}`);
    return outcome.ok;
  }

  get failures(): StepOutcome[] {
    return this.steps.filter((step) => !step.ok);
  }
}

/** The error's name and its own words (core's errors carry them as JSON). */
export function describeError(cause: unknown): string {
  const name = cause instanceof Error ? cause.name : 'Error';
  return `${name}: ${messageOf(cause).split('\n')[0]}`;
}

/** Throws (failing the step) unless `condition` holds. */
export function expectThat(condition: boolean, problem: string): void {
  if (!condition) throw new Error(problem);
}
