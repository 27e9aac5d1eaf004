import fc from 'fast-check';

/** The seed CI runs every property with, so that CI tries the same inputs on every run. */
const CI_SEED = 20_261_203;

/**
 * The seed of every fast-check property: `FUZZ_SEED` when set (to replay a failure), else the fixed
 * CI_SEED under CI (`CI` set, as GitHub Actions sets it), else a new one each run, to keep finding
 * inputs no earlier run tried.
 */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  if (env.FUZZ_SEED !== undefined && env.FUZZ_SEED.trim() !== '') return Number(env.FUZZ_SEED);
  if (env.CI) return CI_SEED;
  return Date.now() % 2 ** 31;
}

/** A failure's report, first line first: the seed and how to replay it, then fast-check's own. */
export function replayReport(details: fc.RunDetails<unknown>): string {
  return `Fuzz seed ${details.seed}: replay with FUZZ_SEED=${details.seed} npx jest <this file>.\n${fc.defaultReportMessage(details) ?? ''}`;
}

/**
 * fast-check's parameters for `numRuns` inputs from fuzzSeed(). A failure's error starts with
 * replayReport; the failed assertion is its cause.
 */
export function fuzzRuns<T>(numRuns: number, more: Omit<fc.Parameters<T>, 'numRuns' | 'seed'> = {}): fc.Parameters<T> {
  return {
    ...more,
    numRuns,
    seed: fuzzSeed(),
    plugins: [
      () => ({
        onAllRunsComplete: (details) => {
          if (details.failed) throw new Error(replayReport(details as fc.RunDetails<unknown>), { cause: details.errorInstance });
        },
      }),
    ],
  };
}
