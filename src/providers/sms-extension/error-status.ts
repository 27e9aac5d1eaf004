import { errors } from 'zapier-platform-core';

interface AppErrorFields {
  message?: unknown;
  code?: unknown;
  status?: unknown;
}

function appErrorFields(error: unknown): AppErrorFields | undefined {
  if (!(error instanceof Error) || error.name !== 'AppError') return undefined;
  try {
    return JSON.parse(error.message) as AppErrorFields;
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
  const fields = appErrorFields(error);
  if (!fields || fields.code === 'invalid_input') return undefined;
  return typeof fields.status === 'number' ? fields.status : undefined;
}

/** The user-facing sentence inside core's `errors.Error`, or the error's own message. */
export function messageOf(error: Error): string {
  const message = appErrorFields(error)?.message;
  return typeof message === 'string' ? message : error.message;
}
