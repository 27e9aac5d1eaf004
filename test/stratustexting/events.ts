/** Helpers for the instant triggers' tests: what a step logged about the events it ignored. */

/** Runs `step` and answers its result with the lines it logged (z.console.log prints them too) about ignored events. */
export async function withIgnoredLog<T>(step: () => Promise<T>): Promise<{ result: T; ignored: string[] }> {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line).replace(/\n$/, ''));
  });
  try {
    const result = await step();
    return { result, ignored: lines.filter((line) => line.startsWith('StratusTexting event ignored')) };
  } finally {
    spy.mockRestore();
  }
}
