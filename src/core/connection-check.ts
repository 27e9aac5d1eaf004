import { errorCodeOf } from './error-details';

/** Errors from answers that show the credentials were accepted: the request itself was judged, not the credentials. */
const CREDENTIALS_ACCEPTED = new Set(['provider_rejected', 'not_found', 'unexpected_response']);

/**
 * Makes a request that needs the connection's credentials and changes nothing (e.g. a read of a
 * record that cannot exist), and fails only when the answer is about the credentials: a 401 or
 * 403, throttling, or an outage (a 5xx, a timeout, no connection) stays the error it is. Any other
 * answer (a 2xx of any shape, 400, 404, 409, 422…) means the credentials got past authentication.
 */
export async function passedAuthentication(request: () => Promise<unknown>): Promise<void> {
  try {
    await request();
  } catch (error) {
    const accepted = (error instanceof Error && error.name === 'HaltedError') || CREDENTIALS_ACCEPTED.has(errorCodeOf(error) ?? '');
    if (!accepted) throw error;
  }
}
