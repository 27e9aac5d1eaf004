/** The error `action` throws; fails the test when it throws nothing. */
export function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected an error, but none was thrown.');
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
}

/** Zapier's `errors.Error` (AppError) carries its message, code and status as JSON in `message`. */
export function appError(error: Error): { message: string; code: string; status: number } {
  expect(error.name).toBe('AppError');
  return JSON.parse(error.message);
}

/** What a user sees for a mistake in a field: an AppError coded `invalid_input`, status 400. */
export function inputProblem(message: string) {
  return { message, code: 'invalid_input', status: 400 };
}

/** Zapier's ThrottledError carries its message and delay as JSON in `message`. */
export function throttle(error: Error): { message: string; delay: number } {
  expect(error.name).toBe('ThrottledError');
  return JSON.parse(error.message);
}
