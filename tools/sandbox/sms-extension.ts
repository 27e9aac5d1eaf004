import { timingSafeEqual } from 'node:crypto';
import { z as schema } from 'zod';
import { withFault } from './faults';
import { SANDBOX_CREDENTIALS } from './credentials';
import { empty, formBody, header, html, json, jsonBody, redirect, Router, type Handler, type Reply, type SandboxRequest } from './http';
import { epochSeconds, jwtShaped, randomHex, uuid } from './tokens';

/**
 * SMS Extension, a Laravel app with Passport: `POST /oauth/token` (password and refresh_token
 * grants; a refresh revokes the old tokens), Bearer tokens, `{"message":"Unauthenticated."}`,
 * 422 `{message, errors:{field:[...]}}`, and, as Laravel does, redirects instead of JSON errors
 * when the request does not ask for JSON (`Accept: application/json`).
 * Response shapes are the ones src/providers/sms-extension/api.ts parses: `{data:[...]}` lists,
 * records with numeric `id`, a Laravel paginator for /sms/list.
 * New sender ids are pending until approved: `POST {prefix}/_sandbox/sender-ids/{sender_id}/approve`.
 */

export const SMS_EXTENSION_PREFIX = '/sms-extension';

/** Passport's default access-token lifetime: one year. `_sandbox/expire-tokens` ends them early. */
const ACCESS_TOKEN_SECONDS = 31_536_000;
const PER_PAGE = 15;
// ASSUMPTIONS (not documented): the longest sender id and text the service accepts.
const SENDER_ID_MAX = 11;
const TEXT_MAX = 918;
/** The connected user's own phone, which click-to-dial rings first (ASSUMPTION about click-to-dial). */
const USER_PHONE = '447400900001';

const credentials = SANDBOX_CREDENTIALS.smsExtension;

export interface SenderIdRecord {
  id: number;
  sender_id: string;
  status: 'pending' | 'approved';
  approved: boolean;
  created_at: string;
  updated_at: string;
}

export interface SmsRecord {
  id: number;
  sender: string;
  receiver: string;
  text: string;
  status: string;
  /** `Y-m-d H:i:s`, UTC, like the list filters. */
  sent_at: string;
  created_at: string;
}

export interface CallRecord {
  id: string;
  type: 'click_to_dial' | 'masked_click_to_dial';
  source: string;
  destination: string;
  status: string;
  created_at: string;
}

interface Session {
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

function laravelTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function resourceTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class SmsExtensionState {
  readonly senderIds: SenderIdRecord[] = [];
  readonly sms: SmsRecord[] = [];
  readonly calls: CallRecord[] = [];
  readonly accessTokens = new Map<string, Session>();
  /** refresh token → the access token issued with it. */
  readonly refreshTokens = new Map<string, { clientId: string; accessToken: string; revoked: boolean }>();

  constructor() {
    this.addSenderId('ACMESHOP', new Date('2025-10-01T08:00:00Z'));
    this.addSenderId('ACMEINFO', new Date('2025-11-20T08:00:00Z'));
    this.approve('ACMESHOP');
    this.addSms(
      { sender: 'ACMESHOP', receiver: '447400900123', text: 'Hi Sam, your order #1041 has shipped.' },
      new Date('2025-11-24T09:41:07Z'),
    );
    this.addSms(
      { sender: 'ACMESHOP', receiver: '447400900456', text: 'Your appointment is tomorrow at 10:00.' },
      new Date('2025-11-25T10:00:00Z'),
    );
  }

  addSenderId(senderId: string, now = new Date()): SenderIdRecord {
    const record: SenderIdRecord = {
      id: this.senderIds.length + 1,
      sender_id: senderId,
      status: 'pending',
      approved: false,
      created_at: resourceTime(now),
      updated_at: resourceTime(now),
    };
    this.senderIds.push(record);
    return record;
  }

  /** What the provider's staff would do: approve a pending sender id. Undefined when there is none by that name. */
  approve(senderId: string): SenderIdRecord | undefined {
    const record = this.senderIds.find((candidate) => candidate.sender_id.toLowerCase() === senderId.toLowerCase());
    if (record) Object.assign(record, { status: 'approved', approved: true, updated_at: resourceTime(new Date()) });
    return record;
  }

  addSms(message: { sender: string; receiver: string; text: string }, now = new Date()): SmsRecord {
    const record: SmsRecord = {
      id: 48200 + this.sms.length + 1,
      ...message,
      status: 'sent',
      sent_at: laravelTime(now),
      created_at: resourceTime(now),
    };
    this.sms.push(record);
    return record;
  }

  expireAccessTokens(): void {
    for (const session of this.accessTokens.values()) session.expiresAt = 0;
  }
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Laravel's `expectsJson()`: an `Accept` asking for JSON, or an XHR that accepts anything. */
function expectsJson(request: SandboxRequest): boolean {
  const accept = header(request, 'accept') ?? '';
  const first = accept.split(',')[0]?.split(';')[0]?.trim() ?? '';
  const xhr = header(request, 'x-requested-with') === 'XMLHttpRequest';
  return /[/+]json$/.test(first) || (xhr && (accept === '' || accept.includes('*/*')));
}

/** `$request->all()`: the query merged with a JSON or form body, strings trimmed and '' as missing. */
function inputOf(request: SandboxRequest): Record<string, unknown> {
  const body = request.contentType === 'application/x-www-form-urlencoded' ? { value: formBody(request) } : jsonBody(request);
  const fromBody = 'value' in body && body.value !== null && typeof body.value === 'object' && !Array.isArray(body.value) ? body.value : {};
  const merged: Record<string, unknown> = { ...Object.fromEntries(request.query), ...(fromBody as Record<string, unknown>) };
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value === 'number') merged[key] = String(value);
    if (typeof value === 'string') merged[key] = value.trim() === '' ? undefined : value.trim();
  }
  return merged;
}

// ---------------------------------------------------------------- validation, Laravel-style

const attribute = (field: string) => field.replace(/_/g, ' ');
const required = (field: string) =>
  schema.string({
    required_error: `The ${attribute(field)} field is required.`,
    invalid_type_error: `The ${attribute(field)} field is required.`,
  });
const alphaNum = (field: string) =>
  required(field).regex(/^[a-zA-Z0-9]+$/, { message: `The ${attribute(field)} field must only contain letters and numbers.` });
const dateTime = (field: string) =>
  required(field).refine(
    (value) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value.replace(' ', 'T')}Z`)),
    {
      message: `The ${attribute(field)} field must match the format Y-m-d H:i:s.`,
    },
  );
const UK_NUMBER = /^(?:\+?44|0)[1-9]\d{8,9}$/;
const ukNumber = (field: string) =>
  required(field).regex(UK_NUMBER, { message: `The ${attribute(field)} field must be a valid UK number.` });

function unprocessable(errors: Record<string, string[]>): Reply {
  const messages = Object.values(errors).flat();
  const more = messages.length - 1;
  const message = more > 0 ? `${messages[0]} (and ${more} more error${more > 1 ? 's' : ''})` : messages[0];
  return json(422, { message, errors });
}

function validate<T>(
  input: Record<string, unknown>,
  shape: schema.ZodType<T, schema.ZodTypeDef, unknown>,
): { value: T } | { reply: Reply } {
  const parsed = shape.safeParse(input);
  if (parsed.success) return { value: parsed.data };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'input');
    (errors[field] ??= []).push(issue.message);
  }
  return { reply: unprocessable(errors) };
}

// ---------------------------------------------------------------- tokens

const TOKEN_ERRORS = {
  unsupported: {
    error: 'unsupported_grant_type',
    error_description: 'The authorization grant type is not supported by the authorization server.',
    hint: 'Check that all required parameters have been provided',
    message: 'The authorization grant type is not supported by the authorization server.',
  },
  client: { error: 'invalid_client', error_description: 'Client authentication failed', message: 'Client authentication failed' },
  credentials: {
    error: 'invalid_grant',
    error_description: 'The user credentials were incorrect.',
    message: 'The user credentials were incorrect.',
  },
  refresh: (hint: string) => ({
    error: 'invalid_grant',
    error_description: 'The refresh token is invalid.',
    hint,
    message: 'The refresh token is invalid.',
  }),
  missing: (parameter: string) => ({
    error: 'invalid_request',
    error_description:
      'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
    hint: `Check the \`${parameter}\` parameter`,
    message:
      'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  }),
};

function issueTokens(state: SmsExtensionState, clientId: string): Record<string, unknown> {
  const now = Date.now();
  const access_token = jwtShaped({
    aud: clientId,
    jti: randomHex(40),
    iat: epochSeconds(now),
    exp: epochSeconds(now) + ACCESS_TOKEN_SECONDS,
    sub: '1',
    scopes: [],
  });
  const refresh_token = `def50200${randomHex(120)}`;
  state.accessTokens.set(access_token, { clientId, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000, revoked: false });
  state.refreshTokens.set(refresh_token, { clientId, accessToken: access_token, revoked: false });
  return { token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, access_token, refresh_token };
}

function token(state: SmsExtensionState, request: SandboxRequest): Reply {
  const input = inputOf(request);
  const text = (name: string) => (typeof input[name] === 'string' ? (input[name] as string) : undefined);
  const grantType = text('grant_type');
  if (grantType !== 'password' && grantType !== 'refresh_token') return json(400, TOKEN_ERRORS.unsupported);
  const clientId = text('client_id');
  if (!clientId) return json(400, TOKEN_ERRORS.missing('client_id'));
  if (!same(clientId, credentials.clientId) || !same(text('client_secret') ?? '', credentials.clientSecret))
    return json(401, TOKEN_ERRORS.client);
  if (grantType === 'password') {
    const username = text('username');
    const password = text('password');
    if (!username) return json(400, TOKEN_ERRORS.missing('username'));
    if (!password) return json(400, TOKEN_ERRORS.missing('password'));
    if (!same(username.toLowerCase(), credentials.username) || !same(password, credentials.password))
      return json(400, TOKEN_ERRORS.credentials);
    return json(200, issueTokens(state, clientId));
  }
  const refreshToken = text('refresh_token');
  if (!refreshToken) return json(400, TOKEN_ERRORS.missing('refresh_token'));
  const grant = state.refreshTokens.get(refreshToken);
  if (!grant) return json(400, TOKEN_ERRORS.refresh('Cannot decrypt the refresh token'));
  if (grant.revoked) return json(400, TOKEN_ERRORS.refresh('Token has been revoked'));
  if (grant.clientId !== clientId) return json(400, TOKEN_ERRORS.refresh('Token is not linked to client'));
  // Passport rotates: the old refresh token and the access token issued with it are revoked.
  grant.revoked = true;
  const previous = state.accessTokens.get(grant.accessToken);
  if (previous) previous.revoked = true;
  return json(200, issueTokens(state, clientId));
}

// ---------------------------------------------------------------- API

function paginate<T>(request: SandboxRequest, baseUrl: string, items: T[]) {
  const requested = Number(request.query.get('page') ?? 1);
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const lastPage = Math.max(1, Math.ceil(items.length / PER_PAGE));
  const url = (number: number) => {
    const query = new URLSearchParams(request.query);
    query.set('page', String(number));
    return `${baseUrl}?${query.toString()}`;
  };
  const data = items.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const from = data.length > 0 ? (page - 1) * PER_PAGE + 1 : null;
  return {
    current_page: page,
    data,
    first_page_url: url(1),
    from,
    last_page: lastPage,
    last_page_url: url(lastPage),
    next_page_url: page < lastPage ? url(page + 1) : null,
    path: baseUrl,
    per_page: PER_PAGE,
    prev_page_url: page > 1 ? url(page - 1) : null,
    to: from === null ? null : from + data.length - 1,
    total: items.length,
  };
}

function addApiRoutes(route: (method: string, path: string, handler: Handler) => void, state: SmsExtensionState): void {
  route('GET', '/sender-id/list', () => json(200, { data: state.senderIds }));

  route('POST', '/sender-id/add', (request) => {
    const body = validate(
      inputOf(request),
      schema.object({
        sender_id: alphaNum('sender_id')
          .max(SENDER_ID_MAX, { message: `The sender id field must not be greater than ${SENDER_ID_MAX} characters.` })
          .refine((name) => !state.senderIds.some((record) => record.sender_id.toLowerCase() === name.toLowerCase()), {
            message: 'The sender id has already been taken.',
          }),
      }),
    );
    if ('reply' in body) return body.reply;
    return json(201, { message: 'Sender id submitted for approval.', data: state.addSenderId(body.value.sender_id) });
  });

  route('POST', '/sms/send', (request) => {
    const approved = (source: string) => state.senderIds.some((record) => record.approved && record.sender_id === source);
    const body = validate(
      inputOf(request),
      schema.object({
        source: alphaNum('source').refine(approved, { message: 'The selected source is invalid.' }),
        destination: required('destination')
          .regex(/^\d+$/, { message: 'The destination field must be a number.' })
          .regex(/^\d{10,15}$/, { message: 'The destination field must be between 10 and 15 digits.' }),
        text: required('text').max(TEXT_MAX, { message: `The text field must not be greater than ${TEXT_MAX} characters.` }),
      }),
    );
    if ('reply' in body) return body.reply;
    const sms = state.addSms({ sender: body.value.source, receiver: body.value.destination, text: body.value.text });
    return withFault(json(201, { message: 'SMS sent successfully.', data: sms }), [body.value.destination]);
  });

  route('GET', '/sms/list', (request) => {
    const body = validate(
      inputOf(request),
      schema
        .object({
          sender: alphaNum('sender').optional(),
          receiver: alphaNum('receiver').optional(),
          sent_since: dateTime('sent_since').optional(),
          sent_until: dateTime('sent_until').optional(),
        })
        .refine((filters) => !filters.sent_since || !filters.sent_until || filters.sent_until >= filters.sent_since, {
          path: ['sent_until'],
          message: 'The sent until field must be a date after or equal to sent since.',
        }),
    );
    if ('reply' in body) return body.reply;
    const { sender, receiver, sent_since: since, sent_until: until } = body.value;
    const matching = state.sms
      .filter((sms) => (!sender || sms.sender === sender) && (!receiver || sms.receiver === receiver))
      .filter((sms) => (!since || sms.sent_at >= since) && (!until || sms.sent_at <= until))
      .sort((a, b) => b.sent_at.localeCompare(a.sent_at) || b.id - a.id);
    return json(200, paginate(request, `http://${request.headers.host ?? '127.0.0.1'}${request.path}`, matching));
  });

  route('GET', '/sms/detail/:id', (request) => {
    const sms = state.sms.find((candidate) => String(candidate.id) === request.params.id);
    return sms ? json(200, { data: sms }) : json(404, { message: `No query results for model [App\\Models\\Sms] ${request.params.id}` });
  });

  const dial = (type: CallRecord['type'], source: string, destination: string): Reply => {
    const call: CallRecord = { id: uuid(), type, source, destination, status: 'initiated', created_at: resourceTime(new Date()) };
    state.calls.push(call);
    return json(200, { message: 'Call initiated.', data: call });
  };
  route('POST', '/click-to-dial/dial', (request) => {
    const body = validate(inputOf(request), schema.object({ destination: ukNumber('destination') }));
    return 'reply' in body ? body.reply : dial('click_to_dial', USER_PHONE, body.value.destination);
  });
  route('POST', '/click-to-dial-mask/dial', (request) => {
    const body = validate(inputOf(request), schema.object({ source: ukNumber('source'), destination: ukNumber('destination') }));
    return 'reply' in body ? body.reply : dial('masked_click_to_dial', body.value.source, body.value.destination);
  });
}

// ---------------------------------------------------------------- the app

function notFoundPage(): Reply {
  return html(404, '<!doctype html><html><head><title>Not Found</title></head><body><h1>404 | Not Found</h1></body></html>');
}

/** What Laravel sends instead of a JSON error when the client did not ask for JSON. */
function htmlFallback(request: SandboxRequest, reply: Reply): Reply {
  if (expectsJson(request) || reply.status < 400) return reply;
  if (reply.status === 401) return redirect(302, `${SMS_EXTENSION_PREFIX}/login`);
  if (reply.status === 422) return redirect(302, header(request, 'referer') ?? `${SMS_EXTENSION_PREFIX}/`);
  if (reply.status === 404) return notFoundPage();
  return html(reply.status, `<!doctype html><html><head><title>Error</title></head><body><h1>${reply.status} | Error</h1></body></html>`);
}

export interface SmsExtensionSandbox {
  state: SmsExtensionState;
  handle(request: Omit<SandboxRequest, 'params'>): Promise<Reply>;
}

export function smsExtensionSandbox(): SmsExtensionSandbox {
  const state = new SmsExtensionState();
  const router = new Router();
  router.add('POST', `${SMS_EXTENSION_PREFIX}/oauth/token`, (request) => token(state, request));

  const authenticated = (request: SandboxRequest): boolean => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
    const session = bearer === undefined ? undefined : state.accessTokens.get(bearer);
    return session !== undefined && !session.revoked && session.expiresAt > Date.now();
  };
  addApiRoutes((method, path, handler) => {
    router.add(method, `${SMS_EXTENSION_PREFIX}${path}`, async (request) =>
      htmlFallback(request, authenticated(request) ? await handler(request) : json(401, { message: 'Unauthenticated.' })),
    );
  }, state);

  router.add('POST', `${SMS_EXTENSION_PREFIX}/_sandbox/sender-ids/:senderId/approve`, (request) => {
    const record = state.approve(request.params.senderId);
    return record ? json(200, { data: record }) : json(404, { message: `No sender id "${request.params.senderId}".` });
  });
  router.add('POST', `${SMS_EXTENSION_PREFIX}/_sandbox/expire-tokens`, () => {
    state.expireAccessTokens();
    return empty(204);
  });

  return {
    state,
    async handle(request) {
      const match = router.match(request.method, request.path);
      if (match && 'handler' in match) return match.handler({ ...request, params: match.params });
      const route = request.path.slice(SMS_EXTENSION_PREFIX.length + 1);
      const full = { ...request, params: {} };
      if (match) {
        const supported = match.methodNotAllowed.join(', ');
        return htmlFallback(
          full,
          json(405, { message: `The ${request.method} method is not supported for route ${route}. Supported methods: ${supported}.` }),
        );
      }
      return htmlFallback(full, json(404, { message: `The route ${route} could not be found.` }));
    },
  };
}
