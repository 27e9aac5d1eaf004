import { messageOf } from '../../src/core/error-details';

/** The tour's step-by-step transcript: each step's outcome, what it showed, and how long it took. */
export interface StepOutcome {
  title: string;
  ok: boolean;
  detail: string;
  ms: number;
}

export class Transcript {
  readonly steps: StepOutcome[] = [];

  section(title: string): void {
    console.log(`\n== ${title}`);
  }

  /** Runs one step; `act` returns a line describing what happened, or throws when the step did not do what it should. */
  async step(title: string, act: () => Promise<string>): Promise<boolean> {
    const started = performance.now();
    let outcome: StepOutcome;
    try {
      const detail = await act();
      outcome = { title, ok: true, detail, ms: performance.now() - started };
    } catch (cause) {
      outcome = { title, ok: false, detail: describeError(cause), ms: performance.now() - started };
    }
    this.steps.push(outcome);
    const mark = outcome.ok ? 'ok  ' : 'FAIL';
    console.log(`${mark} ${outcome.title} (${Math.round(outcome.ms)} ms)\n       ${outcome.detail.replace(/\n/g, '\n       ')}`);
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
