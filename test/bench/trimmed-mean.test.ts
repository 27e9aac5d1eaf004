import { trimmedMean } from '../../tools/bench/report';

describe("the cold-start figure's average (mean of the middle half)", () => {
  it('leaves out the lowest and the highest quarter, so one process slowed by a busy machine does not move it', () => {
    expect(trimmedMean([100, 101, 102, 103, 104, 105, 106, 900])).toBe(103.5);
    expect(trimmedMean([1, 100, 101, 102, 103, 104, 105, 106])).toBe(102.5);
  });

  it('is the plain mean of fewer than four values', () => {
    expect(trimmedMean([10, 20, 60])).toBe(30);
  });
});
