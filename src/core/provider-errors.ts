import { errors } from 'zapier-platform-core';

/** Who answered and what the user was doing: every provider error message names both. */
export interface CallContext {
  provider: string;
  action: string;
  /** A sentence telling the user what to do when the provider refuses access (HTTP 403). */
  forbiddenHint?: string;
  /** 401 means the token may be refreshed (OAuth, session auth) rather than re-entered. */
  refreshable?: boolean;
}

export interface ProviderAnswer {
  status: number;
  content: string;
  getHeader(name: string): string | undefined;
}

const DEFAULT_THROTTLE_SECONDS = 60;
const REASON_LIMIT = 300;
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > REASON_LIMIT ? `${flat.slice(0, REASON_LIMIT)}…` : flat;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (Array.isArray(value)) {
    const parts = value.map((item) => {
      if (item && typeof item === 'object' && 'msg' in item) {
        const { msg, loc } = item as { msg: unknown; loc?: unknown };
        return Array.isArray(loc) ? `${loc.join('.')}: ${String(msg)}` : String(msg);
      }
      return textOf(item);
    });
    const joined = parts.filter(Boolean).join('; ');
    return joined === '' ? undefined : joined;
  }
  return undefined;
}

function fieldErrors(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return textOf(value);
  const parts = Object.entries(value).map(([field, messages]) => `${field}: ${textOf(messages) ?? String(messages)}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** The provider's own words for what went wrong, from whatever body it sent. */
export function providerReason(content: string): string {
  const body = content.trim();
  if (body === '') return 'no reason given (empty response)';
  if (/^<(!doctype|html)/i.test(body)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
    return title ? `an HTML error page titled "${clip(title)}"` : 'an HTML error page';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return clip(body);
  }
  if (!parsed || typeof parsed !== 'object') return clip(String(parsed));
  const record = parsed as Record<string, unknown>;
  const reasons = [
    textOf(record.message) ?? textOf(record.error_description) ?? textOf(record.detail) ?? textOf(record.error),
    fieldErrors(record.errors),
  ].filter((reason): reason is string => reason !== undefined);
  return reasons.length > 0 ? clip([...new Set(reasons)].join(' — ')) : clip(body);
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number {
  if (!header) return DEFAULT_THROTTLE_SECONDS;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Date.parse is lenient ("soon 5" is a date in 2001): accept only the HTTP-date form.
  if (!HTTP_DATE.test(trimmed)) return DEFAULT_THROTTLE_SECONDS;
  const date = Date.parse(trimmed);
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** The one place a provider's HTTP error becomes a Zapier error. */
export function providerError(answer: ProviderAnswer, context: CallContext): Error {
  const { provider, action } = context;
  const reason = providerReason(answer.content).replace(/\.+$/, '');
  const said = `${provider} answered "${action}" with HTTP ${answer.status}: ${reason}.`;
  const status = answer.status;
  if (status === 401) {
    if (context.refreshable) return new errors.RefreshAuthError(`${said} The connection's access token is refreshed and the step retried.`);
    return new errors.ExpiredAuthError(`${said} The connection's credentials are no longer accepted: reconnect the ${provider} account.`);
  }
  if (status === 429) {
    const delay = retryAfterSeconds(answer.getHeader('retry-after'));
    return new errors.ThrottledError(`${said} ${provider} is rate limiting; Zapier retries in ${delay} seconds.`, delay);
  }
  if (status === 403) {
    return new errors.Error(`${said} ${context.forbiddenHint ?? `Check that the connected ${provider} account may do this.`}`, 'forbidden', status);
  }
  if (status === 404) return new errors.Error(`${said} The item does not exist or this account cannot see it.`, 'not_found', status);
  if (status === 409) return new errors.Error(`${said} It conflicts with something that already exists.`, 'conflict', status);
  if (status >= 500) {
    return new errors.Error(`${said} This is a problem on ${provider}'s side; try again later.`, 'provider_unavailable', status);
  }
  return new errors.Error(`${said} Check the values in this step.`, 'provider_rejected', status);
}
