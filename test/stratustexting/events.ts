/** Helpers for the instant triggers' tests: what a step logged about the events it ignored. */

/**
 * Runs `step` with the runtime's log printed, and answers its result with the lines it logged
 * about ignored events (HTTP lines and the rest are left out).
 */
export async function withIgnoredLog<T>(step: () => Promise<T>): Promise<{ result: T; ignored: string[] }> {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
    // The runtime prints a console line twice, once with a line break.
    const text = String(line).replace(/\n$/, '');
    if (!lines.includes(text)) lines.push(text);
  });
  process.env.LOG_TO_STDOUT = 'true';
  try {
    const result = await step();
    return { result, ignored: lines.filter((line) => line.startsWith('StratusTexting event ignored')) };
  } finally {
    delete process.env.LOG_TO_STDOUT;
    spy.mockRestore();
  }
}
