import { isRecord } from './is-record';
/**
 * Whether a 2xx answer says in words that the request failed: `"status": false`,
 * `"success": false`, or an `error` / `errors` member with something in it (`errors: []`,
 * `error: null`, `error: 0` or `error: ""` say nothing). Providers opt in through
 * `CallContext.statedFailure`, for the answers where their documents (or an ASSUMPTION in their
 * api.ts) show such a shape: a 2xx is otherwise a success whatever its shape.
 */
export function statesFailure(body: unknown): boolean {
  if (!isRecord(body)) return false;
  return body.status === false || body.success === false || hasContent(body.error) || hasContent(body.errors);
}

function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.some(hasContent);
  if (isRecord(value)) return Object.values(value).some(hasContent);
  return value === true;
}
