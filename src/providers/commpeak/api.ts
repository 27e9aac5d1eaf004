import { isRecord } from '../../core/is-record';
import type { ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { checkedSettingUrl } from '../../core/base-url';
import { callProvider, callProviderOrNull } from '../../core/provider-request';
import type { CallContext } from '../../core/provider-errors';
import { statesFailure } from '../../core/stated-failure';

/**
 * Every path and response shape of CommPeak's SMS Streams API (docs/providers.md §2: its published
 * Postman collection). What the collection does not show is marked UNKNOWN or
 * ASSUMPTION here, so that a correction is a change to this file only.
 */

export const PROVIDER = 'CommPeak';
const DEFAULT_BASE_URL = 'https://sendsms.commpeak.com';

/**
 * Messages per `POST /simple_send/` request. CommPeak documents no limit (UNKNOWN);
 * ASSUMPTION: [cp-batch-size] 100 is accepted. A bulk step sends ceil(n / BATCH_SIZE) requests.
 */
export const BATCH_SIZE = 100;

/** CommPeak's per-message error code for throttling, inside an HTTP 200 (the collection's example). */
export const RATE_LIMIT = 'RATE_LIMIT';

/**
 * ASSUMPTION: [cp-dedupe] CommPeak's per-message error code for an `internal_id` it already has. The collection
 * says only that the id "should be unique for each message" and documents no code but RATE_LIMIT.
 */
export const DUPLICATE_INTERNAL_ID = 'DUPLICATE_INTERNAL_ID';

/** Said with every 403: the documented `{"detail": "Not authenticated"}`, or a stream IP ACL refusing Zapier. */
export const FORBIDDEN_HINT =
  "The API key is wrong (or the stream's IP allow-list blocks Zapier): copy the stream's API key again from my.commpeak.com, and turn off the IP ACL of that stream, since Zapier's addresses change.";

export function context(action: string): CallContext {
  return { provider: PROVIDER, action, forbiddenHint: FORBIDDEN_HINT };
}

/** `COMMPEAK_BASE_URL` from the environment (a sandbox or the TextPeak host), else production. */
export function baseUrl(): string {
  return checkedSettingUrl('COMMPEAK_BASE_URL', DEFAULT_BASE_URL);
}

// Paths keep their trailing slash: without it CommPeak answers 307 (third-party code; docs/providers.md).
const SEND_PATH = '/simple_send/';
const STATUS_PATH = '/messages_status/';

export interface OutgoingMessage {
  internal_id: string;
  sender: string;
  /** International digits without `+`, e.g. `972524265292`. */
  recipient_phone: string;
  message_content: string;
}

const messageResult = schema
  .object({
    // The collection echoes our string ids; a number is accepted in case the API normalises them.
    internal_id: schema.union([schema.string(), schema.number()]).transform(String),
    message_uuid: schema.string().nullish(),
    // Documented: null on success, "RATE_LIMIT" when throttled; other codes UNKNOWN.
    error: schema.string().nullish(),
    // Third-party code reads a free-text `details` beside `error` (not in the collection).
    details: schema.unknown().optional(),
  })
  .passthrough();

const sendAnswer = schema
  .object({
    status: schema.boolean().optional(),
    task_id: schema.string().nullish(),
    // The collection's rate-limit example lists one of the two messages sent: entries may be missing,
    // and third-party code allows for the whole list missing (so it is optional).
    messages: schema.array(messageResult).nullish(),
  })
  .passthrough();

export type MessageResult = schema.infer<typeof messageResult>;
export type SendAnswer = schema.infer<typeof sendAnswer>;

/**
 * `POST /simple_send/`: one request for all `messages`. HTTP errors are thrown; per-message errors
 * are in the answer. An answer lost after sending is thrown as `outcome_unknown`, naming `sendCheck`.
 */
export function simpleSend(z: ZObject, messages: readonly OutgoingMessage[], action: string, sendCheck: string): Promise<SendAnswer> {
  return callProvider(z, { method: 'POST', url: `${baseUrl()}${SEND_PATH}`, body: { messages } }, sendAnswer, {
    ...context(action),
    sendCheck,
    statedFailure: refusesTheRequest,
  });
}

/**
 * A 200 refusing the whole request: `"status": false` (the collection shows `true` on every
 * answer; third-party code treats `false` as a failure) or an `error`/`errors` member at the top,
 * with no message listed as accepted or refused. ASSUMPTION: [cp-stated-failure] the reason is in `error`, `detail` or
 * `message`. Where messages are listed, each is read by itself (messages.ts) and none is assumed
 * refused.
 */
function refusesTheRequest(body: unknown): boolean {
  if (!statesFailure(body)) return false;
  const listed = (body as { messages?: unknown }).messages;
  const settled = (entry: unknown) => {
    const { message_uuid, error } = (entry ?? {}) as { message_uuid?: unknown; error?: unknown };
    return Boolean(message_uuid || error);
  };
  return !Array.isArray(listed) || !listed.some(settled);
}

// ASSUMPTION: [cp-status-shape] the status answer's shape is UNKNOWN (no example anywhere): any JSON object or list is taken.
export const statusAnswer = schema.union([schema.array(schema.unknown()), schema.record(schema.string(), schema.unknown())], {
  errorMap: () => ({ message: 'expected a JSON object or list' }),
});

/**
 * `POST /messages_status/` with `{"message_uuids": [...]}` (documented). Answers null for a 404.
 * The body is returned as sent; `statusRecords` finds each message in it.
 */
export function messagesStatus(z: ZObject, messageUuids: readonly string[], action: string): Promise<unknown> {
  return callProviderOrNull(
    z,
    { method: 'POST', url: `${baseUrl()}${STATUS_PATH}`, body: { message_uuids: messageUuids } },
    statusAnswer,
    context(action),
  );
}

const ID_FIELDS = ['message_uuid', 'uuid', 'message_id', 'id'] as const;
const SEARCH_DEPTH = 4;

/**
 * Each requested message's record in a status answer, by lower-cased uuid. Since the shape is
 * UNKNOWN, this accepts what such APIs usually send: a list of objects naming their uuid (at the
 * top or under any key, e.g. `messages` or `data`), or an object keyed by uuid whose values are
 * objects or bare status strings (`{"<uuid>": "DELIVERED"}` becomes `{status: "DELIVERED"}`).
 * Records are matched by uuid, never by position.
 */
export function statusRecords(answer: unknown, messageUuids: readonly string[]): Map<string, Record<string, unknown>> {
  const wanted = new Set(messageUuids.map((uuid) => uuid.toLowerCase()));
  const found = new Map<string, Record<string, unknown>>();
  const keep = (uuid: string, record: Record<string, unknown>) => {
    const key = uuid.toLowerCase();
    if (wanted.has(key) && !found.has(key)) found.set(key, record);
  };
  const visit = (value: unknown, depth: number) => {
    if (depth > SEARCH_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isRecord(value)) return;
    for (const field of ID_FIELDS) {
      const id = value[field];
      if (typeof id === 'string') keep(id, value);
    }
    for (const [key, inner] of Object.entries(value)) {
      if (wanted.has(key.toLowerCase())) {
        if (isRecord(inner)) keep(key, inner);
        else if (typeof inner === 'string' || inner === null) keep(key, { status: inner });
      }
      visit(inner, depth + 1);
    }
  };
  visit(answer, 0);
  return found;
}
