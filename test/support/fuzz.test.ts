import fc from 'fast-check';
import { fuzzRuns, fuzzSeed } from './fuzz';
import { thrown } from './errors';

function withSeed(seed: string, check: () => void): void {
  const previous = process.env.FUZZ_SEED;
  process.env.FUZZ_SEED = seed;
  try {
    check();
  } finally {
    if (previous === undefined) delete process.env.FUZZ_SEED;
    else process.env.FUZZ_SEED = previous;
  }
}

describe('fuzz seeds', () => {
  it('uses one fixed seed under CI, so CI tries the same inputs every run', () => {
    expect(fuzzSeed({ CI: 'true' })).toBe(20_261_203);
    expect(fuzzSeed({ CI: '1' })).toBe(20_261_203);
  });

  it('replays the seed FUZZ_SEED names, in CI or not', () => {
    expect(fuzzSeed({ FUZZ_SEED: '110' })).toBe(110);
    expect(fuzzSeed({ CI: 'true', FUZZ_SEED: '-7' })).toBe(-7);
  });

  it('takes a new seed each run outside CI', () => {
    const seed = fuzzSeed({});
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
  });

  it('gives every property the seed, so a replay runs the same inputs', () => {
    const seen = (): number[] => {
      const values: number[] = [];
      fc.assert(
        fc.property(fc.integer(), (value) => {
          values.push(value);
        }),
        fuzzRuns(20),
      );
      return values;
    };
    withSeed('110', () => expect(seen()).toEqual(seen()));
  });

  it('starts a failure with its seed and how to replay it, keeping the failed assertion as the cause', () => {
    withSeed('42', () => {
      const error = thrown(() =>
        fc.assert(
          fc.property(fc.nat(), (value) => {
            expect(value).toBeLessThan(0);
          }),
          fuzzRuns(10),
        ),
      );
      expect(error.message.split('\n')[0]).toBe('Fuzz seed 42: replay with FUZZ_SEED=42 npx jest <this file>.');
      expect(error.message).toContain('Counterexample: [0]');
      expect(String((error.cause as Error).message)).toContain('toBeLessThan');
    });
  });
});
