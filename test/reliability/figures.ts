/**
 * The figures the reliability tests measure, for the README: `tools/scripts/report-reliability.ts` runs
 * these tests with RELIABILITY_FIGURES naming a file and prints what they recorded there.
 */
import { appendFileSync } from 'node:fs';

/** Appends one figure (a line) to the file named by RELIABILITY_FIGURES; does nothing when unset. */
export function recordFigure(line: string): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${line}\n`);
}

/** Counts, for each fast-check property it wraps, the generated inputs run, and the counterexamples found. */
export class PropertyTally {
  readonly runs: number[] = [];
  counterexamples = 0;

  counted<Args extends unknown[]>(predicate: (...args: Args) => void): (...args: Args) => void {
    const property = this.runs.push(0) - 1;
    return (...args) => {
      this.runs[property] += 1;
      try {
        predicate(...args);
      } catch (error) {
        this.counterexamples += 1;
        throw error;
      }
    };
  }

  countedAsync<Args extends unknown[]>(predicate: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
    const property = this.runs.push(0) - 1;
    return async (...args) => {
      this.runs[property] += 1;
      try {
        await predicate(...args);
      } catch (error) {
        this.counterexamples += 1;
        throw error;
      }
    };
  }

  /** "2000" when every property ran as many inputs, else each property's count: "2000/1990". */
  get perProperty(): string {
    return new Set(this.runs).size === 1 ? String(this.runs[0]) : this.runs.join('/');
  }
}
