import { errors } from 'zapier-platform-core';

/** What zapier-platform-core's AppError and ThrottledError carry as JSON in their `message`. */
interface ErrorFields {
  message?: unknown;
  code?: unknown;
  status?: unknown;
  delay?: unknown;
}

function errorFields(error: unknown): ErrorFields | undefined {
  if (!(error instanceof Error) || (error.name !== 'AppError' && error.name !== 'ThrottledError')) return undefined;
  try {
    return JSON.parse(error.message) as ErrorFields;
  } catch {
    return undefined;
  }
}

/**
 * The HTTP status of the provider answer behind an error thrown by `callProvider`. Core's
 * `errors.Error` keeps it only inside its JSON message, and core's session-auth middleware turns
 * every 401 into a bare RefreshAuthError before `callProvider` sees the response. Errors about
 * the user's input (code `invalid_input`) are not provider answers.
 */
export function providerStatusOf(error: unknown): number | undefined {
  if (error instanceof errors.RefreshAuthError || error instanceof errors.ExpiredAuthError) return 401;
  const fields = errorFields(error);
  if (!fields || fields.code === 'invalid_input') return undefined;
  return typeof fields.status === 'number' ? fields.status : undefined;
}

/** The user-facing sentence inside core's JSON-carrying errors, or the error's own message. */
export function messageOf(error: unknown): string {
  const message = errorFields(error)?.message;
  if (typeof message === 'string') return message;
  return error instanceof Error ? error.message : String(error);
}

/** The delay a ThrottledError asks Zapier to wait, in seconds. */
export function throttleDelayOf(error: unknown): number | undefined {
  const delay = errorFields(error)?.delay;
  return typeof delay === 'number' ? delay : undefined;
}
