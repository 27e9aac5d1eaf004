import { errors } from 'zapier-platform-core';

/** A problem with what the user typed into a field: shown in the Zap editor, never retried. */
export function inputError(fieldLabel: string, problem: string): Error {
  return new errors.Error(`${fieldLabel}: ${problem}`, 'invalid_input', 400);
}
