import { createHash } from 'node:crypto';
import { errors, type ZObject } from 'zapier-platform-core';
import { messageOf } from '../../core/error-details';
import { inputError } from '../../core/input-error';
import { toInternationalDigits } from '../../core/phone';
import { retryAfterSeconds } from '../../core/provider-errors';
import { BATCH_SIZE, PROVIDER, RATE_LIMIT, simpleSend, type OutgoingMessage, type SendAnswer } from './api';

/**
 * Sending through CommPeak: the idempotent `internal_id`, the sender, and the reading of
 * `/simple_send/` answers message by message (a 200 can carry per-message failures).
 */

export const IDEMPOTENCY_KEY_FIELD = {
  key: 'idempotency_key',
  label: 'Idempotency Key',
  required: false,
  helpText:
    "Protects against sending twice. Map something unique to this Zap run, such as the trigger's record ID. " +
    "Each message's CommPeak `internal_id` is a hash of this key, the sender, the recipient, the text and the message's " +
    'place in this step, so when Zapier retries or replays the step the same message carries the same `internal_id` ' +
    'and CommPeak can recognise the repeat. Left blank, the current minute (UTC) stands in for the key: a retry within ' +
    'the same clock minute is recognised, a later one is sent again.',
} as const;

const MINUTE_MS = 60_000;

/**
 * The `internal_id` of one message: the same inputs give the same id, so a retried step
 * re-sends the id CommPeak already has. Zapier gives a step no run identifier (bundle.meta has
 * none), hence the user's key or, failing that, the minute. Whether CommPeak refuses a repeated
 * `internal_id` is UNKNOWN (the collection only says it "should be unique for each message").
 */
export function internalId(
  scope: { idempotencyKey?: string; now?: number },
  message: { sender: string; recipient: string; text: string; position: number },
): string {
  const key = scope.idempotencyKey?.trim();
  const anchor = key ? `key:${key}` : `minute:${Math.floor((scope.now ?? Date.now()) / MINUTE_MS)}`;
  const material = JSON.stringify([anchor, message.sender, message.recipient, message.text, message.position]);
  return `zap-${createHash('sha256').update(material).digest('hex').slice(0, 32)}`;
}

const PHONE_LIKE = /^[+\d\s().-]+$/;

/**
 * CommPeak's `sender`: an alphanumeric name as typed, or a number in its digits-only form.
 * A number written with `+` or `00` is checked and normalised; other digit strings (a short
 * code, or a number already in international digits) lose only their spaces and punctuation.
 */
export function senderFor(typed: string): string {
  const sender = typed.trim();
  if (!PHONE_LIKE.test(sender) || !/\d/.test(sender)) return sender;
  if (sender.startsWith('+') || sender.startsWith('00')) return toInternationalDigits(sender, { field: 'Sender' });
  if (sender.includes('+')) throw inputError('Sender', `"${typed}" is not a phone number or a sender name.`);
  return sender.replace(/\D/g, '');
}

/** One message's fate, as a bulk step's output lists it. */
export interface MessageOutcome {
  internal_id: string;
  recipient_phone: string;
  text: string;
  status: 'accepted' | 'failed' | 'not_sent';
  message_uuid: string | null;
  task_id: string | null;
  /** CommPeak's code (e.g. RATE_LIMIT), or NOT_IN_RESPONSE, REQUEST_FAILED, NOT_SENT. */
  error: string | null;
  reason: string | null;
}

/** Our codes for failures CommPeak did not name. */
const NOT_IN_RESPONSE = 'NOT_IN_RESPONSE';
const REQUEST_FAILED = 'REQUEST_FAILED';
const NOT_SENT = 'NOT_SENT';

/** Zapier's throttle for a RATE_LIMIT inside a 200, which comes without Retry-After: core's default delay. */
function rateLimited(said: string): Error {
  const delay = retryAfterSeconds(undefined);
  return new errors.ThrottledError(`${said} ${PROVIDER} is rate limiting; Zapier retries in ${delay} seconds.`, delay);
}

function outcome(message: OutgoingMessage, fields: Partial<MessageOutcome> & Pick<MessageOutcome, 'status'>): MessageOutcome {
  return {
    internal_id: message.internal_id,
    recipient_phone: message.recipient_phone,
    text: message.message_content,
    message_uuid: null,
    task_id: null,
    error: null,
    reason: null,
    ...fields,
  };
}

function detailsOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each sent message's outcome in one answer, matched by `internal_id` (never by position). */
export function readAnswer(batch: readonly OutgoingMessage[], answer: SendAnswer): MessageOutcome[] {
  const byId = new Map((answer.messages ?? []).map((result) => [result.internal_id, result]));
  const task_id = answer.task_id ?? null;
  return batch.map((message) => {
    const to = message.recipient_phone;
    const result = byId.get(message.internal_id);
    if (!result) {
      const refused = answer.status === false ? ' "status": false,' : '';
      return outcome(message, {
        status: 'failed',
        task_id,
        error: NOT_IN_RESPONSE,
        reason: `${PROVIDER} answered${refused} without listing the message to ${to}; it may not have been sent.`,
      });
    }
    if (result.error || !result.message_uuid) {
      const code = result.error || 'NO_MESSAGE_UUID';
      const details = detailsOf(result.details);
      return outcome(message, {
        status: 'failed',
        task_id,
        error: code,
        reason: `${PROVIDER} did not accept the message to ${to}: ${code}${details ? ` (${details})` : ''}.`,
      });
    }
    return outcome(message, { status: 'accepted', task_id, message_uuid: result.message_uuid });
  });
}

/**
 * Sends one message; anything but its acceptance is thrown: RATE_LIMIT as Zapier's throttle
 * (retried later), any other code as an error naming it.
 */
export async function sendOne(z: ZObject, message: OutgoingMessage, action: string): Promise<MessageOutcome> {
  // readAnswer gives one outcome per message it is handed.
  const result = readAnswer([message], await simpleSend(z, [message], action))[0] as MessageOutcome;
  if (result.status === 'accepted') return result;
  if (result.error === RATE_LIMIT) throw rateLimited(`${result.reason}`);
  if (result.error === NOT_IN_RESPONSE) {
    throw new errors.Error(`${result.reason} Check CommPeak's message log before running this step again.`, 'message_unconfirmed', 502);
  }
  throw new errors.Error(`${result.reason} Check the number, the sender and the text.`, 'message_rejected', 400);
}

/** What a Zapier error thrown for a whole request says, for the messages of that request. */
function failureOf(cause: unknown): { error: string; reason: string } {
  const throttled = cause instanceof Error && cause.name === 'ThrottledError';
  return { error: throttled ? RATE_LIMIT : REQUEST_FAILED, reason: messageOf(cause) };
}

export interface BulkResult {
  outcomes: MessageOutcome[];
  task_ids: string[];
}

/**
 * Sends `messages` in requests of BATCH_SIZE. It stops at the first request that fails outright
 * (HTTP error, unreadable answer, no connection) or comes back rate limited: the rest are marked
 * NOT_SENT, and everything already accepted stays on record. When the very first request fails
 * outright, nothing is known to have gone and its Zapier error is thrown as is.
 */
export async function sendInBatches(z: ZObject, messages: readonly OutgoingMessage[], action: string): Promise<BulkResult> {
  const outcomes: MessageOutcome[] = [];
  const task_ids: string[] = [];
  let stopped: string | undefined;
  for (let start = 0; start < messages.length; start += BATCH_SIZE) {
    const batch = messages.slice(start, start + BATCH_SIZE);
    if (stopped !== undefined) {
      outcomes.push(...batch.map((message) => outcome(message, { status: 'not_sent', error: NOT_SENT, reason: stopped })));
      continue;
    }
    let answer: SendAnswer;
    try {
      answer = await simpleSend(z, batch, action);
    } catch (cause) {
      if (start === 0) throw cause;
      const failure = failureOf(cause);
      outcomes.push(...batch.map((message) => outcome(message, { status: 'failed', ...failure })));
      stopped = `Not sent: an earlier request failed (${failure.error}).`;
      continue;
    }
    if (answer.task_id) task_ids.push(answer.task_id);
    const read = readAnswer(batch, answer);
    outcomes.push(...read);
    if (read.some((result) => result.error === RATE_LIMIT)) {
      stopped = `Not sent: ${PROVIDER} was rate limiting (${RATE_LIMIT}).`;
    }
  }
  return { outcomes, task_ids };
}

/** A thrown error for a step where no message was accepted; RATE_LIMIT anywhere makes it a throttle. */
export function noneAcceptedError(outcomes: readonly MessageOutcome[], what: string): Error {
  const failed = outcomes.filter((result) => result.status !== 'accepted');
  const listed = failed
    .slice(0, 5)
    .map((result) => `${result.recipient_phone}: ${result.error}`)
    .join(', ');
  const more = failed.length > 5 ? ` and ${failed.length - 5} more` : '';
  const summary = `${PROVIDER} accepted none of ${what} (${listed}${more}).`;
  if (outcomes.some((result) => result.error === RATE_LIMIT)) return rateLimited(summary);
  return new errors.Error(`${summary} Check the numbers, the sender and the text.`, 'messages_rejected', 400);
}
