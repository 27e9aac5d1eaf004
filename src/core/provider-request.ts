import { stringify as stringifyQuery } from 'node:querystring';
import { errors, type HttpRequestOptions, type HttpResponse, type ZObject } from 'zapier-platform-core';
import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import {
  connectionError,
  isHtmlPage,
  outcomeUnknownError,
  providerError,
  providerReason,
  redact,
  redirectError,
  statedFailureError,
  timeoutError,
  type CallContext,
} from './provider-errors';

export type ProviderRequest = HttpRequestOptions & { url: string };

/**
 * How long one request may take. Zapier stops a whole step after 30 seconds with a message that
 * names neither provider nor operation; giving up a little earlier lets ours reach the user.
 * PROVIDER_REQUEST_TIMEOUT_MS overrides it (tests and sandboxes use a short one).
 */
const DEFAULT_TIMEOUT_MS = 25_000;

function timeoutMs(): number {
  const configured = Number(process.env.PROVIDER_REQUEST_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

/** Names of fields and headers that carry a credential; `code` is an OAuth authorization code. */
const SECRET_NAME = /authorization|api[-_]?key|token|secret|password|cookie|^code$/i;

/**
 * A credential as it may be quoted back: as it is, form-encoded (`a&b` as `a%26b` or, in a form
 * body, a space as `+`) and escaped inside JSON text.
 */
function spellings(value: string): string[] {
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  return [value, encodeURIComponent(value), form, JSON.stringify(value).slice(1, -1)];
}

function secretValues(record: Record<string, unknown>): string[] {
  return Object.entries(record)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string')
    .flatMap(([, value]) => {
      const text = value as string;
      const schemed = /^([A-Za-z][\w-]*) +(\S+)$/.exec(text);
      if (!schemed) return spellings(text);
      const [, scheme = '', credential = ''] = schemed;
      // "Basic base64(id:secret)": the decoded pair and its secret half are credentials too.
      const decoded = /^basic$/i.test(scheme) ? Buffer.from(credential, 'base64').toString('utf8') : '';
      const pair = decoded.includes(':') ? [decoded, decoded.slice(decoded.indexOf(':') + 1)] : [];
      return [text, credential, ...pair].flatMap(spellings);
    });
}

/** A body's fields: an object as it is, a string read as JSON or else as a form (`a=1&b=2`). */
function bodyFields(body: unknown): Record<string, unknown> {
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  if (typeof body !== 'string' || body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}

/** The credentials a request carried (headers, body, query): never quoted back in an error. */
export function requestSecrets(request: { headers?: unknown; body?: unknown; params?: unknown } | undefined): string[] {
  if (!request) return [];
  const headers = (request.headers ?? {}) as Record<string, unknown>;
  const params = (request.params ?? {}) as Record<string, unknown>;
  return [...new Set([...secretValues(headers), ...secretValues(bodyFields(request.body)), ...secretValues(params)])];
}

function parseJson(content: string): unknown {
  if (content.trim() === '') return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

function isFetchError(cause: unknown): cause is Error & { type?: string; code?: string } {
  return cause instanceof Error && cause.name === 'FetchError';
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Objects and arrays go as JSON; a string, buffer or stream goes as it is. */
function isJsonBody(body: unknown): body is object {
  return Array.isArray(body) || (typeof body === 'object' && body !== null && Object.getPrototypeOf(body) === Object.prototype);
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/**
 * The request exactly as it leaves: query string and JSON body written here, not by core. Core
 * drops anything shaped like "{{…}}" from the query values and top-level body fields it writes,
 * which would cut a user's text ("use code {{CODE}}") without a word.
 */
function asSent(request: ProviderRequest): ProviderRequest {
  const { params, body, ...rest } = request;
  const headers: Record<string, string> = { 'user-agent': 'Zapier', ...request.headers };
  const query = params ? stringifyQuery(params) : '';
  const url = query === '' ? request.url : `${request.url}${request.url.includes('?') ? '&' : '?'}${query}`;
  if (!isJsonBody(body)) return { ...rest, url, headers, body };
  if (!hasHeader(headers, 'content-type')) headers['content-type'] = JSON_CONTENT_TYPE;
  return { ...rest, url, headers, body: JSON.stringify(body) };
}

async function send(z: ZObject, request: ProviderRequest, context: CallContext): Promise<HttpResponse> {
  const timeout = timeoutMs();
  try {
    return await z.request({
      timeout,
      ...asSent(request),
      // Nothing to merge from a requestTemplate: the request is complete as built. Merging would
      // also deep-copy the step's input, which carries the whole app definition, on every request.
      merge: false,
      skipThrowForStatus: true,
      // Our own 429 handling reads Retry-After and names the provider; core's would not.
      throwForThrottlingEarly: false,
    } as ProviderRequest);
  } catch (cause) {
    if (isFetchError(cause) && (cause.type === 'request-timeout' || cause.type === 'body-timeout')) {
      throw timeoutError(context, Math.round(timeout / 1000));
    }
    if (isFetchError(cause)) throw connectionError(context, cause, redact(cause.message, requestSecrets(request)));
    // With OAuth2 autoRefresh or session auth, the runtime answers any 401 with a bare
    // RefreshAuthError before we see the response: it is given the provider and the operation.
    if (cause instanceof Error && cause.name === 'RefreshAuthError' && cause.message === '') {
      throw providerError(
        { status: 401, content: 'the access token was not accepted', getHeader: () => undefined },
        { ...context, refreshable: true },
      );
    }
    throw cause;
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Same-host redirects followed for one request (CommPeak's trailing-slash 307 needs one). */
const MAX_REDIRECTS = 3;

/** Where a Location header points, or undefined when it names no place a URL can be made of. */
function locationOf(location: string, from: string): URL | undefined {
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}

/**
 * Sends the request and follows redirects only within the same origin (scheme, host and port),
 * so no credential ever goes to another host. A request never changes method: 307 and 308 re-send
 * the method and body; 301, 302 and 303 are followed by a read (GET), which stays a read, and end
 * any other request, whose answer they are not (a 303 says it was processed). Every redirect not
 * followed is an error from the one table (`redirectError`): for a send, outcome unknown.
 */
async function sendStayingHome(z: ZObject, request: ProviderRequest, context: CallContext): Promise<HttpResponse> {
  // A send is never re-sent as another request, whatever its method.
  const isRead = !context.sendCheck && (request.method ?? 'GET').toUpperCase() === 'GET';
  let current = request;
  for (let hops = 0; ; hops += 1) {
    const response = await send(z, { ...current, redirect: 'manual' }, context);
    const { status } = response;
    if (!REDIRECT_STATUSES.has(status)) return response;
    const location = response.getHeader('location');
    const target = location ? locationOf(location, current.url) : undefined;
    if (!target) throw redirectError(context, status, { kind: 'nowhere' });
    if (target.origin !== new URL(current.url).origin) throw redirectError(context, status, { kind: 'elsewhere', host: target.host });
    if (!isRead && status !== 307 && status !== 308) {
      const path = redact(target.pathname, requestSecrets(response.request));
      throw redirectError(context, status, { kind: 'changes_method', path });
    }
    if (hops === MAX_REDIRECTS) throw redirectError(context, status, { kind: 'too_many', limit: MAX_REDIRECTS });
    // The Location carries the query it wants; ours was already written into the URL we left.
    current = { ...current, url: target.href, params: undefined };
  }
}

function unexpected(context: CallContext, status: number, what: string): Error {
  if (context.sendCheck) return outcomeUnknownError(context, `answered with ${what}`, status, { answered: true });
  return new errors.Error(`${context.provider} answered "${context.action}" with ${what}. (HTTP ${status})`, 'unexpected_response', status);
}

/** The first few places an answer departs from its schema, e.g. `id: Required`. */
function whereItFailed(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

function parseAnswer<T>(response: HttpResponse, schema: ZodType<T, ZodTypeDef, unknown>, context: CallContext): T {
  const { status } = response;
  const content = context.issuesCredentials ? response.content : redact(response.content, requestSecrets(response.request));
  // An API answers data; a page is a login screen, a proxy or the wrong address, never a success.
  if (isHtmlPage(content)) {
    throw unexpected(
      context,
      status,
      `${providerReason(content)} instead of data: check that the step reaches the ${context.provider} API`,
    );
  }
  const body = parseJson(content);
  if (context.statedFailure?.(body)) throw statedFailureError(context, providerReason(content), status);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw unexpected(context, status, `a response this integration does not understand (${whereItFailed(result.error)})`);
}

function failure(response: HttpResponse, context: CallContext): Error {
  return providerError(response, context, requestSecrets(response.request));
}

/**
 * Sends one request to a provider and returns its body parsed by `schema`. Every HTTP error
 * becomes a Zapier error naming the provider, the action and the provider's reason.
 */
export async function callProvider<T>(
  z: ZObject,
  request: ProviderRequest,
  schema: ZodType<T, ZodTypeDef, unknown>,
  context: CallContext,
): Promise<T> {
  const response = await sendStayingHome(z, request, context);
  if (response.status >= 400) throw failure(response, context);
  return parseAnswer(response, schema, context);
}

/** As callProvider, but a 404 answers null: for lookups where "not there" is a normal result. */
export async function callProviderOrNull<T>(
  z: ZObject,
  request: ProviderRequest,
  schema: ZodType<T, ZodTypeDef, unknown>,
  context: CallContext,
): Promise<T | null> {
  const response = await sendStayingHome(z, request, context);
  if (response.status === 404) return null;
  if (response.status >= 400) throw failure(response, context);
  return parseAnswer(response, schema, context);
}

type FlatValue = string | number | boolean | null;

/** What a write the provider accepted (2xx) answered, when the answer is not in the shape expected. */
export interface AcceptedAnswer extends Record<string, FlatValue> {
  response_understood: false;
  response_note: string;
}

/** `value` as flat `response__a__0__b` fields, the form Zapier shows and maps. */
function flatten(value: unknown, key: string, into: Record<string, FlatValue>): Record<string, FlatValue> {
  if (Array.isArray(value)) value.forEach((item, index) => flatten(item, `${key}__${index}`, into));
  else if (value !== null && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) flatten(inner, `${key}__${name}`, into);
  } else into[key] = value === undefined ? null : (value as FlatValue);
  return into;
}

export function isAcceptedAnswer(value: unknown): value is AcceptedAnswer {
  return typeof value === 'object' && value !== null && (value as { response_understood?: unknown }).response_understood === false;
}

/**
 * For creates and updates: once the provider answers 2xx it has done the write, so an answer
 * of another shape is still a success. Running the step again would write twice. The answer is
 * returned parsed by `schema` when it fits, else flattened under `response__…` with a note
 * saying so. HTTP errors are thrown as by callProvider.
 */
export async function callProviderWrite<T>(
  z: ZObject,
  request: ProviderRequest,
  schema: ZodType<T, ZodTypeDef, unknown>,
  context: CallContext,
): Promise<T | AcceptedAnswer> {
  const response = await sendStayingHome(z, request, context);
  if (response.status >= 400) throw failure(response, context);
  const content = redact(response.content, requestSecrets(response.request));
  const body = parseJson(content);
  const result = isHtmlPage(content) ? undefined : schema.safeParse(body);
  if (result?.success) return result.data;
  const what = result ? `an answer this integration does not read (${whereItFailed(result.error)})` : 'a web page instead of data';
  return {
    response_understood: false,
    response_note: `${context.provider} accepted "${context.action}" but sent ${what}. The write is done: do not run this step again for it. ${context.provider}'s whole answer is in the Response fields. (HTTP ${response.status})`,
    ...flatten(body, 'response', {}),
  };
}
