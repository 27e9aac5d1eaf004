import { errors } from 'zapier-platform-core';

/*
 * How a provider's answer becomes a Zapier error: the one table, used by every integration.
 *
 * | answer                         | Zapier error                       | why                                                        |
 * |--------------------------------|------------------------------------|------------------------------------------------------------|
 * | 400, 422 (values refused)      | Error `provider_rejected`          | The step's values must change: the user is told, and may   |
 * |                                |                                    | replay once fixed. Halting would hide a send that did not  |
 * |                                |                                    | happen, and a poll refused every time would starve the Zap |
 * |                                |                                    | quietly instead of being reported.                         |
 * | 401, token refreshable         | RefreshAuthError                   | OAuth2 (autoRefresh) and session auth: Zapier refreshes    |
 * |   (OAuth2, session)            |                                    | and retries. The runtime raises it on any 401 before we    |
 * |                                |                                    | read the body; callProvider renames it after the provider  |
 * |                                |                                    | and the operation.                                         |
 * | 401, otherwise (API key)       | ExpiredAuthError                   | Only the user can enter a new key: Zapier asks them to.    |
 * | 403                            | Error `forbidden` + provider hint  | A permission or key the user must fix.                     |
 * | 403 "Missing Authentication    | Error `operation_not_available`    | On an assumed path only: API Gateway's answer for a path   |
 * |   Token", path assumed         |                                    | it does not have. The guess is wrong for this provider.    |
 * | 404                            | Error `not_found`                  | The item or the address is wrong. Lookups use              |
 * |                                |                                    | callProviderOrNull, where 404 is the answer "none".        |
 * | 409                            | HaltedError                        | It already exists or conflicts: true for this record, not  |
 * |                                |                                    | a fault of the Zap; a replay cannot help and the Zap must  |
 * |                                |                                    | not be turned off for it (Zapier's own duplicate example). |
 * | 429                            | ThrottledError, Retry-After delay  | Zapier retries after the delay (60 s when none is given).  |
 * | 503 with Retry-After           | ThrottledError, that delay         | The provider says when to come back, and a 503 was not     |
 * |                                |                                    | processed, so an automatic retry cannot send twice.        |
 * | other 5xx                      | Error `provider_unavailable`       | A 500/502 may have been half done: a create must not be    |
 * |                                |                                    | retried blindly (a second SMS), so the run errors and can  |
 * |                                |                                    | be replayed (Autoreplay) rather than throttled.            |
 * | timeout (no answer in time)    | Error `provider_timeout`           | As a 5xx: the request may have been carried out.           |
 * | no connection                  | Error `provider_unreachable`       | Replayable once the provider is back.                      |
 * | 2xx an HTML page, or a body    | Error `unexpected_response`        | Never reported as success: a step must not say a message   |
 * |   the schema does not accept   |                                    | went when the answer does not say so.                      |
 * | 3xx not followed: to another   | Error `redirect_refused`           | Credentials never leave the provider's origin, and a       |
 * |   origin, without a Location,  |                                    | request is never repeated with another method: only a read |
 * |   a 4th in a row; 301/302/303  |                                    | (GET) follows a same-origin 301/302/303, and 307/308 are   |
 * |   on anything but a read       |                                    | followed with the same method and body.                    |
 *
 * A request that sends a message (its context has `sendCheck`) has three outcomes: accepted, not
 * sent, and outcome unknown. Where the table above says "may have been carried out", a send says so:
 *
 * | answer to a send                       | Zapier error                  | why                                          |
 * |----------------------------------------|-------------------------------|----------------------------------------------|
 * | 4xx (as above), a per-message error    | as above                      | Refused: nothing was sent.                   |
 * | 2xx whose body says it failed, where   | Error `provider_rejected`     | Refused in words, with the provider's reason |
 * |   the provider's rule (`statedFailure`)|                               | (`"error": "INSUFFICIENT_FUNDS"`): nothing   |
 * |   says so: `"status": false`,          |                               | was sent. A 2xx body that cannot be read at  |
 * |   `"success": false`, an `error` or    |                               | all is outcome unknown (below), and one of   |
 * |   `errors` with content                |                               | another shape is still accepted.             |
 * | connection refused, host not found     | Error `provider_unreachable`, | Nothing was written, so the message was not  |
 * |   (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, |   saying it was not sent      | sent: replaying the step sends it once.      |
 * |   EHOSTUNREACH, ENETUNREACH)           |                               |                                              |
 * | 5xx (but 503 with Retry-After),        | Error `outcome_unknown`       | The provider may have accepted the message   |
 * |   timeout, connection reset or any     |                               | before the answer was lost: the user is told |
 * |   other network error, a 2xx that      |                               | it may have been sent and how to check       |
 * |   cannot be read; a CommPeak entry     |                               | (`sendCheck`), never "not sent" or just "try |
 * |   with neither uuid nor error, or      |                               | again": a blind replay would text the        |
 * |   none for the message                 |                               | customer twice. An error, not a halt, so the |
 * |                                        |                               | user is notified; it says to check before    |
 * |                                        |                               | running the step again.                      |
 * | any redirect not followed: 301, 302,   | Error `outcome_unknown`       | A send never changes method, so only a same- |
 * |   303 (anywhere), another origin, no   |                               | origin 307/308 is followed. A 303 says the   |
 * |   Location, a 4th in a row             |                               | request was processed; the others may follow |
 * |                                        |                               | processing too: the send may have gone.      |
 * | CommPeak bulk: a batch's answer        | Error `outcome_unknown`       | The step fails, so Zap history does not show |
 * |   lost: its messages `unknown`,        |   with the four counts        | a clean success, and its error says which    |
 * |   later batches `not_sent`             |                               | messages went, which may have, and which did |
 * |                                        |                               | not; a replay resends the accepted ones      |
 * |                                        |                               | unless an Idempotency Key repeats their ids. |
 *
 * Every message names the provider, the operation and the provider's own reason, with the
 * request's credentials blanked out should the provider echo them.
 */

/** Who answered and what the user was doing: every provider error message names both. */
export interface CallContext {
  provider: string;
  action: string;
  /** A sentence telling the user what to do when the provider refuses access (HTTP 403). */
  forbiddenHint?: string;
  /** 401 means the token may be refreshed (OAuth, session auth) rather than re-entered. */
  refreshable?: boolean;
  /**
   * The answer hands out credentials (a token endpoint). Other answers have the request's own
   * credentials blanked out should the provider echo them, so they never reach a step's output.
   */
  issuesCredentials?: boolean;
  /**
   * Set on requests that send a message: a sentence telling the user how to find out whether it
   * went. An answer lost after the request may have reached the provider is then reported as
   * "outcome unknown" with this sentence, never as "not sent".
   */
  sendCheck?: string;
  /**
   * The path is our guess, not the provider's documents. AWS API Gateway answers a path it does
   * not have with 403 `{"message":"Missing Authentication Token"}`: for such a path that means the
   * provider does not offer the operation there, not that the credentials are wrong.
   */
  assumedEndpoint?: boolean;
  /**
   * The provider's rule for a 2xx answer that says the request failed (see `statesFailure`): such
   * an answer is a refusal naming the provider's reason, not a success. Set only where the
   * provider's documents show the shape, or its api.ts marks it ASSUMPTION.
   */
  statedFailure?: (body: unknown) => boolean;
}

export interface ProviderAnswer {
  status: number;
  content: string;
  getHeader(name: string): string | null | undefined;
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

/** A web page (a login screen, a proxy's error page), not data. */
export function isHtmlPage(content: string): boolean {
  return /^\s*<(!doctype|html)/i.test(content);
}

/** The provider's own words for what went wrong, from whatever body it sent. */
export function providerReason(content: string): string {
  const body = content.trim();
  if (body === '') return 'no reason given (empty response)';
  if (isHtmlPage(body)) {
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

/**
 * The shortest and longest wait asked of Zapier. Under a second, Zapier would replay at once into
 * the same limit; a day is as long as a step should wait (core 19 passes the delay on unchecked and
 * documents no maximum), and a figure beyond it is a provider's mistake, not a plan.
 */
const MIN_THROTTLE_SECONDS = 1;
const MAX_THROTTLE_SECONDS = 24 * 60 * 60;

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), within 1 second and 1 day. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number {
  const within = (seconds: number) => Math.min(MAX_THROTTLE_SECONDS, Math.max(MIN_THROTTLE_SECONDS, seconds));
  if (!header) return DEFAULT_THROTTLE_SECONDS;
  const trimmed = header.trim();
  // 400 digits read as Infinity: clamped like any other figure.
  if (/^\d+$/.test(trimmed)) return within(Number(trimmed));
  // Date.parse is lenient ("soon 5" is a date in 2001): accept only the HTTP-date form.
  if (!HTTP_DATE.test(trimmed)) return DEFAULT_THROTTLE_SECONDS;
  const date = Date.parse(trimmed);
  // The form fits but the date does not exist ("Mon, 99 Foo 2015 …").
  if (Number.isNaN(date)) return DEFAULT_THROTTLE_SECONDS;
  return within(Math.ceil((date - now) / 1000));
}

/**
 * Our errors already name provider, operation and reason: the runtime must not append its
 * "What happened" to them, which quotes the start of every answer of the step, credentials a
 * provider echoes included. Core's AppError and ThrottledError are marked so already.
 */
export function withoutRuntimeContext<T extends Error>(error: T): T {
  (error as T & { doNotContextify: boolean }).doNotContextify = true;
  return error;
}

const REDACTED = '[redacted]';
/** Credentials shorter than this are not searched for (they would blank out ordinary words). */
const SHORTEST_SECRET = 6;

/** `text` with every one of `secrets` blanked out. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length >= SHORTEST_SECRET)
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

/**
 * A provider's refusal as a Zap builder reads it: what happened to the operation, the provider's
 * own reason, what to do, and the HTTP status last.
 */
function refusal(context: CallContext, what: string, reason: string, advice: string, status: number): string {
  return `${context.provider} ${what} ("${reason}"). ${advice} (HTTP ${status})`;
}

/** `message` with `advice` added before its closing "(HTTP nnn)", so the status stays last. */
export function withAdvice(message: string, advice: string): string {
  const status = / \(HTTP \d{3}\)$/.exec(message);
  if (!status) return `${message} ${advice}`;
  return `${message.slice(0, status.index)} ${advice}${status[0]}`;
}

/** The one place a provider's HTTP error becomes a Zapier error; `secrets` are never quoted. */
export function providerError(answer: ProviderAnswer, context: CallContext, secrets: readonly string[] = []): Error {
  const { provider, action } = context;
  const reason = redact(providerReason(answer.content), secrets).replace(/\.+$/, '');
  const status = answer.status;
  const say = (what: string, advice: string) => refusal(context, what, reason, advice, status);
  if (status === 401) {
    if (context.refreshable) {
      return withoutRuntimeContext(
        new errors.RefreshAuthError(
          say(`did not accept the connection's access token for "${action}"`, 'Zapier refreshes the token and runs the step again.'),
        ),
      );
    }
    return withoutRuntimeContext(
      new errors.ExpiredAuthError(
        say(
          `no longer accepts the connection's credentials for "${action}"`,
          `Reconnect the ${provider} account in Zapier with current credentials, then replay this step.`,
        ),
      ),
    );
  }
  // Zapier's responses answer null, not undefined, for a header that is absent.
  const retryAfter = answer.getHeader('retry-after') ?? undefined;
  if (status === 429 || (status === 503 && retryAfter !== undefined && retryAfter.trim() !== '')) {
    const delay = retryAfterSeconds(retryAfter);
    const what = status === 429 ? `is limiting how often "${action}" may run` : `is unavailable for now, so "${action}" waits`;
    return new errors.ThrottledError(
      say(what, `Zapier runs the step again in ${delay} ${delay === 1 ? 'second' : 'seconds'}; nothing to change.`),
      delay,
    );
  }
  if (status === 403 && context.assumedEndpoint && reason === 'Missing Authentication Token') {
    return new errors.Error(
      say(
        `does not offer "${action}" to this account or at this address`,
        `This integration's address for it is inferred, not documented, and ${provider} does not have it. The other steps of this integration are not affected.`,
      ),
      'operation_not_available',
      status,
    );
  }
  if (status === 403) {
    return new errors.Error(
      say(
        `refused the connected account access to "${action}"`,
        context.forbiddenHint ?? `Check that the connected ${provider} account may do this.`,
      ),
      'forbidden',
      status,
    );
  }
  if (status === 404) {
    return new errors.Error(
      say(`found nothing for "${action}"`, 'The item does not exist or this account cannot see it: check the ids in this step.'),
      'not_found',
      status,
    );
  }
  if (status === 409) {
    return withoutRuntimeContext(
      new errors.HaltedError(
        say(
          `refused "${action}" because it conflicts with something that already exists`,
          'This run stops here: running it again cannot help.',
        ),
      ),
    );
  }
  if (status >= 500) {
    if (context.sendCheck) return outcomeUnknownError(context, `answered with an error ("${reason}")`, status, { answered: true });
    return new errors.Error(
      say(`failed on its side during "${action}"`, 'Nothing in this step needs to change: try again later.'),
      'provider_unavailable',
      status,
    );
  }
  return new errors.Error(
    say(`refused the values given for "${action}"`, `Check the values in this step against that reason, then replay it.`),
    'provider_rejected',
    status,
  );
}

/**
 * A 2xx whose body says the request failed (`context.statedFailure`): the provider refused it, in
 * its own words, so nothing was done. `reason` is the provider's, credentials already blanked out.
 */
export function statedFailureError(context: CallContext, reason: string, status: number): Error {
  const advice = context.sendCheck
    ? `The message was not sent: fix what that reason says (in this step or in the ${context.provider} account), then replay this step.`
    : 'Nothing was done: fix what that reason says, then replay this step.';
  return new errors.Error(
    refusal(context, `refused "${context.action}" in its answer`, reason.replace(/\.+$/, ''), advice, status),
    'provider_rejected',
    status,
  );
}

/**
 * A send whose answer was lost after the request may have reached the provider: the message may
 * have been sent. `what` says what came back instead of an answer; `answered` when that was an
 * HTTP answer, whose status then ends the message.
 */
export function outcomeUnknownError(context: CallContext, what: string, status: number, { answered = false } = {}): Error {
  const { provider, action } = context;
  const check = context.sendCheck ? ` ${context.sendCheck}` : '';
  const code = answered ? ` (HTTP ${status})` : '';
  return withoutRuntimeContext(
    new errors.Error(
      `The message may have been sent: ${provider} ${what.replace(/\.+$/, '')}, so it is unknown whether "${action}" went through.${check} Check before running this step again, or the recipient may get the message twice.${code}`,
      'outcome_unknown',
      status,
    ),
  );
}

/** Why a redirect was not followed (see sendStayingHome). */
export type UnfollowedRedirect =
  | { kind: 'nowhere' }
  | { kind: 'elsewhere'; host: string }
  | { kind: 'changes_method'; path: string }
  | { kind: 'too_many'; limit: number };

/** What a redirect that was not followed did to a send, as `outcomeUnknownError` words it. */
function redirectedSend(status: number, redirect: UnfollowedRedirect): string {
  switch (redirect.kind) {
    case 'nowhere':
      return 'answered with a redirect that does not say where to';
    case 'elsewhere':
      return `redirected the request to another host, ${redirect.host}, where the step's credentials are never sent`;
    case 'changes_method':
      return status === 303
        ? `processed the request and redirected to ${redirect.path} (303 See Other) instead of answering it`
        : `redirected the request to ${redirect.path} instead of answering it, and a send is never repeated there as a GET without the message`;
    case 'too_many':
      return `redirected the request more than ${redirect.limit} times in a row`;
  }
}

/** Where a redirect of any other request was going, for `redirect_refused`. */
function redirectedTo(redirect: Exclude<UnfollowedRedirect, { kind: 'changes_method' }>): string {
  switch (redirect.kind) {
    case 'nowhere':
      return 'without saying where to';
    case 'elsewhere':
      return `to another host, ${redirect.host}`;
    case 'too_many':
      return `more than ${redirect.limit} times in a row`;
  }
}

/**
 * A redirect that was not followed. A send may have been carried out before it (a 303 says it
 * was): outcome unknown, never "not sent". Any other request is refused with `redirect_refused`.
 */
export function redirectError(context: CallContext, status: number, redirect: UnfollowedRedirect): Error {
  const { provider, action } = context;
  if (context.sendCheck) return outcomeUnknownError(context, redirectedSend(status, redirect), status, { answered: true });
  if (redirect.kind === 'changes_method') {
    return new errors.Error(
      `${provider} redirected "${action}" to ${redirect.path} instead of answering it, and the redirect was not followed: it would repeat the request as a GET without its content. "${action}" may have been carried out: check ${provider} before running this step again. (HTTP ${status})`,
      'redirect_refused',
      status,
    );
  }
  return new errors.Error(
    `${provider} redirected "${action}" ${redirectedTo(redirect)}, and the request was not followed: the step's credentials stay with ${provider}'s own address. Check the address the integration uses. (HTTP ${status})`,
    'redirect_refused',
    status,
  );
}

/** The request gave up waiting: it may or may not have been carried out. */
export function timeoutError(context: CallContext, seconds: number): Error {
  const { provider, action } = context;
  if (context.sendCheck) return outcomeUnknownError(context, `did not answer within ${seconds} seconds`, 504);
  return new errors.Error(
    `${provider} did not answer "${action}" within ${seconds} seconds. It may or may not have been carried out: check ${provider} before running this step again.`,
    'provider_timeout',
    504,
  );
}

/** Network errors raised before a byte of the request was written: nothing reached the provider. */
const NOTHING_WRITTEN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The request failed without an answer (node-fetch's FetchError, `code` from the socket). A send
 * is "not sent" only when the connection was never made; after that, its outcome is unknown.
 * `reason` is the network's message, credentials already blanked out.
 */
export function connectionError(context: CallContext, cause: { code?: string }, reason: string): Error {
  const { provider, action } = context;
  const neverConnected = cause.code !== undefined && NOTHING_WRITTEN.has(cause.code);
  if (context.sendCheck && !neverConnected) {
    return outcomeUnknownError(context, `dropped the connection before answering (${reason})`, 502);
  }
  const outcome = context.sendCheck ? ' The message was not sent.' : '';
  return new errors.Error(
    `Could not reach ${provider} for "${action}": ${reason}.${outcome} Try again later.`,
    'provider_unreachable',
    503,
  );
}
