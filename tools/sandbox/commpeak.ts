import { z as schema } from 'zod';
import { SANDBOX_CREDENTIALS } from './credentials';
import { header, json, jsonBody, redirect, Router, type Reply, type SandboxRequest } from './http';
import { withFault } from './faults';
import { uuid } from './tokens';

/**
 * CommPeak SMS Streams (a FastAPI service): `POST /simple_send/` and `POST /messages_status/`
 * with the raw API key in `Authorization`. Shapes follow CommPeak's published Postman
 * collection (docs/providers.md); what it does not show is marked ASSUMPTION.
 *
 * Recipients that provoke what the real service does now and then:
 * - ending in 0000: the message is refused with `error: "RATE_LIMIT"` (documented);
 * - ending in 9999: the message is missing from the answer's `messages` (as in the documented rate-limit example);
 * - ending in 1111: the message is sent, and its status is UNDELIVERED;
 * - ending in 0444, 0502 or 0504: the request is carried out, then its answer is lost (faults.ts).
 */

export const COMMPEAK_PREFIX = '/commpeak';
export const RATE_LIMITED_SUFFIX = '0000';
export const OMITTED_SUFFIX = '9999';
export const UNDELIVERED_SUFFIX = '1111';

// ASSUMPTION: the real service's check of recipient_phone is unknown; digits with country code
// (8 to 15) are accepted, anything else is refused per message with this code.
const INVALID_RECIPIENT = 'INVALID_RECIPIENT';
const RECIPIENT = /^\d{8,15}$/;

export interface CommPeakMessage {
  message_uuid: string;
  internal_id: string;
  task_id: string;
  sender: string;
  recipient_phone: string;
  message_content: string;
  created_at: string;
}

export class CommPeakState {
  readonly messages = new Map<string, CommPeakMessage>();
  /** internal_id → message_uuid: a repeated internal_id is not sent again (ASSUMPTION: CommPeak deduplicates). */
  readonly byInternalId = new Map<string, string>();
}

const sendBody = schema.object({
  messages: schema.array(
    schema.object({
      internal_id: schema.string(),
      // Documented as always present; third-party code omits it when the stream has a default sender.
      sender: schema.string().default('GLOBAL'),
      recipient_phone: schema.string(),
      message_content: schema.string(),
    }),
  ),
});

const statusBody = schema.object({ message_uuids: schema.array(schema.string()) });

type Path = (string | number)[];

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
    root,
  );
}

/** A zod issue in pydantic v2's words, as FastAPI puts it in a 422. */
function pydanticError(body: unknown, issue: schema.ZodIssue) {
  const path = issue.path as Path;
  const loc = ['body', ...path];
  const input = valueAt(body, path);
  if (input === undefined)
    return { type: 'missing', loc, msg: 'Field required', input: path.length > 0 ? valueAt(body, path.slice(0, -1)) : null };
  const expected = issue.code === 'invalid_type' ? issue.expected : undefined;
  if (expected === 'string') return { type: 'string_type', loc, msg: 'Input should be a valid string', input };
  if (expected === 'array') return { type: 'list_type', loc, msg: 'Input should be a valid list', input };
  return { type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input };
}

function validated<T>(request: SandboxRequest, shape: schema.ZodType<T, schema.ZodTypeDef, unknown>): { value: T } | { reply: Reply } {
  const isJson = request.contentType === '' || request.contentType === 'application/json';
  const body = isJson ? jsonBody(request) : { value: request.rawBody };
  if ('invalid' in body) {
    return {
      reply: json(422, {
        detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: body.reason } }],
      }),
    };
  }
  if (body.value === undefined)
    return { reply: json(422, { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] }) };
  const parsed = shape.safeParse(body.value);
  if (parsed.success) return { value: parsed.data };
  return { reply: json(422, { detail: parsed.error.issues.map((issue) => pydanticError(body.value, issue)) }) };
}

function simpleSend(state: CommPeakState, request: SandboxRequest): Reply {
  const body = validated(request, sendBody);
  if ('reply' in body) return body.reply;
  const task_id = uuid();
  const results: { internal_id: string; message_uuid: string | null; error: string | null; details?: string }[] = [];
  for (const message of body.value.messages) {
    const repeated = state.byInternalId.get(message.internal_id);
    if (repeated !== undefined) {
      results.push({ internal_id: message.internal_id, message_uuid: repeated, error: null });
      continue;
    }
    if (message.recipient_phone.endsWith(OMITTED_SUFFIX)) continue;
    if (message.recipient_phone.endsWith(RATE_LIMITED_SUFFIX)) {
      results.push({ internal_id: message.internal_id, message_uuid: null, error: 'RATE_LIMIT' });
      continue;
    }
    if (!RECIPIENT.test(message.recipient_phone)) {
      results.push({
        internal_id: message.internal_id,
        message_uuid: null,
        error: INVALID_RECIPIENT,
        details: 'recipient_phone must be digits with the country code and no +, like 972524265292',
      });
      continue;
    }
    const sent: CommPeakMessage = { ...message, message_uuid: uuid(), task_id, created_at: new Date().toISOString() };
    state.messages.set(sent.message_uuid, sent);
    state.byInternalId.set(sent.internal_id, sent.message_uuid);
    results.push({ internal_id: sent.internal_id, message_uuid: sent.message_uuid, error: null });
  }
  const recipients = body.value.messages.map((message) => message.recipient_phone);
  return withFault(json(200, { status: true, task_id, messages: results }), recipients);
}

// ASSUMPTION: the status answer's shape is not documented; this one lists the known uuids only.
function messagesStatus(state: CommPeakState, request: SandboxRequest): Reply {
  const body = validated(request, statusBody);
  if ('reply' in body) return body.reply;
  const messages = body.value.message_uuids
    .map((id) => state.messages.get(id.toLowerCase()))
    .filter((message): message is CommPeakMessage => message !== undefined)
    .map(({ message_content: _text, ...message }) => ({
      ...message,
      status: message.recipient_phone.endsWith(UNDELIVERED_SUFFIX) ? 'UNDELIVERED' : 'DELIVERED',
    }));
  return json(200, { status: true, messages });
}

export interface CommPeakSandbox {
  state: CommPeakState;
  handle(request: Omit<SandboxRequest, 'params'>): Promise<Reply>;
}

export function commPeakSandbox(): CommPeakSandbox {
  const state = new CommPeakState();
  const router = new Router()
    .add('POST', `${COMMPEAK_PREFIX}/simple_send/`, (request) => simpleSend(state, request))
    .add('POST', `${COMMPEAK_PREFIX}/messages_status/`, (request) => messagesStatus(state, request));
  const authorized = (request: SandboxRequest) => header(request, 'authorization') === SANDBOX_CREDENTIALS.commpeak.apiKey;

  return {
    state,
    async handle(request) {
      const match = router.match(request.method, request.path);
      if (match && 'handler' in match) {
        const full = { ...request, params: match.params };
        return authorized(full) ? match.handler(full) : json(403, { detail: 'Not authenticated' });
      }
      if (match) return json(405, { detail: 'Method Not Allowed' }, { allow: match.methodNotAllowed.join(', ') });
      // Starlette's redirect_slashes: the same path with a slash, as an absolute URL, method kept.
      const withSlash = `${request.path}/`;
      if (router.match(request.method, withSlash) !== undefined) {
        const query = request.query.toString();
        return redirect(307, `http://${request.headers.host ?? '127.0.0.1'}${withSlash}${query ? `?${query}` : ''}`);
      }
      return json(404, { detail: 'Not Found' });
    },
  };
}
