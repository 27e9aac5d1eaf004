import { createHash, randomUUID } from 'node:crypto';
import { errors, type ZObject } from 'zapier-platform-core';
import { errorCodeOf, messageOf } from '../../core/error-details';
import { inputError } from '../../core/input-error';
import { toInternationalDigits } from '../../core/phone';
import { outcomeUnknownError, retryAfterSeconds } from '../../core/provider-errors';
import {
  BATCH_SIZE,
  DUPLICATE_INTERNAL_ID,
  PROVIDER,
  RATE_LIMIT,
  context,
  simpleSend,
  type MessageResult,
  type OutgoingMessage,
  type SendAnswer,
} from './api';

/**
 * Sending through CommPeak: the idempotent `internal_id`, the sender, and the reading of
 * `/simple_send/` answers message by message (a 200 can carry per-message failures).
 */

export const IDEMPOTENCY_KEY_FIELD = {
  key: 'idempotency_key',
  label: 'Idempotency Key',
  required: false,
  helpText:
    `Map something unique to this Zap run, such as the trigger's record ID: each message's ${PROVIDER} \`internal_id\` is then made from this key, the sender, the number and the text, so a replay of this step (even with its numbers in another order) gives each message the id it had, and ${PROVIDER} can recognise the repeat. ` +
    `A message ${PROVIDER} answers as a repeat is listed as accepted by an earlier run, not sent again. ` +
    'Left blank, every run gives its messages new internal IDs, so two runs with the same text to the same number are two messages.',
} as const;

/**
 * The `internal_id` of one message. With the user's key it is a hash of the key and the message's
 * content (sender, recipient, text), never its position, so a replayed step re-sends the id CommPeak
 * already has however its recipients are ordered (Zapier gives a step no run identifier: bundle.meta
 * has none). A step sends each text to each number once, so no two of its messages share an id.
 * Without a key it is random: two genuine runs are two messages, never one taken for a repeat of
 * the other. How CommPeak answers a repeated `internal_id` is an ASSUMPTION (DUPLICATE_INTERNAL_ID).
 */
export function internalId(scope: { idempotencyKey?: string }, message: { sender: string; recipient: string; text: string }): string {
  const key = scope.idempotencyKey?.trim();
  if (!key) return `zap-${randomUUID().replace(/-/g, '')}`;
  const material = JSON.stringify([`key:${key}`, message.sender, message.recipient, message.text]);
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
  /** `unknown`: the request may have reached CommPeak, but no answer says what became of the message. */
  status: 'accepted' | 'failed' | 'unknown' | 'not_sent';
  /** Accepted by an earlier run: CommPeak answered that it already had this `internal_id`, so it was not sent again. */
  accepted_earlier: boolean;
  message_uuid: string | null;
  task_id: string | null;
  /** CommPeak's code (e.g. RATE_LIMIT), or one of ours: NOT_IN_RESPONSE, NO_MESSAGE_UUID, ANSWER_LOST, REQUEST_FAILED, NOT_SENT. */
  error: string | null;
  reason: string | null;
}

/** Our codes for outcomes CommPeak did not name. */
const NOT_IN_RESPONSE = 'NOT_IN_RESPONSE';
const NO_MESSAGE_UUID = 'NO_MESSAGE_UUID';
export const ANSWER_LOST = 'ANSWER_LOST';
const REQUEST_FAILED = 'REQUEST_FAILED';
const NOT_SENT = 'NOT_SENT';

/** How the user finds out whether messages whose answer was lost went: by their internal ids. */
export function sendCheck(messages: readonly { internal_id: string }[]): string {
  const ids = messages.map((message) => message.internal_id);
  const which = ids.length === 1 ? `internal ID ${ids[0]}` : `internal IDs ${ids[0]} to ${ids[ids.length - 1]} (${ids.length} messages)`;
  return `Look for ${which} in your ${PROVIDER} account's message log at my.commpeak.com.`;
}

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
    accepted_earlier: false,
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

/** Why an answer leaves a message's fate open (it may have gone), or undefined when it settles it. */
function unsettled(to: string, answer: SendAnswer, result: MessageResult | undefined): { error: string; what: string } | undefined {
  if (!result) {
    const refused = answer.status === false ? ' "status": false,' : '';
    return { error: NOT_IN_RESPONSE, what: `answered${refused} without listing the message to ${to}` };
  }
  if (result.error || result.message_uuid) return undefined;
  return { error: NO_MESSAGE_UUID, what: `listed the message to ${to} with neither a message_uuid nor an error` };
}

/**
 * Each sent message's outcome in one answer, matched by `internal_id` (never by position). An
 * entry with an error code is a refusal, except DUPLICATE_INTERNAL_ID: CommPeak already has the
 * message, from an earlier run, so it is accepted (earlier). One with a uuid is accepted; a message
 * the answer leaves out, or lists with neither, may have gone: unknown.
 */
export function readAnswer(batch: readonly OutgoingMessage[], answer: SendAnswer): MessageOutcome[] {
  const byId = new Map((answer.messages ?? []).map((result) => [result.internal_id, result]));
  const task_id = answer.task_id ?? null;
  return batch.map((message) => {
    const to = message.recipient_phone;
    const result = byId.get(message.internal_id);
    const open = unsettled(to, answer, result);
    if (open)
      return outcome(message, {
        status: 'unknown',
        task_id,
        error: open.error,
        reason: `${PROVIDER} ${open.what}: it may have been sent.`,
      });
    if (result?.error === DUPLICATE_INTERNAL_ID) {
      return outcome(message, {
        status: 'accepted',
        accepted_earlier: true,
        task_id,
        message_uuid: result.message_uuid ?? null,
        reason: `Accepted earlier: ${PROVIDER} already had internal ID ${message.internal_id} (${DUPLICATE_INTERNAL_ID}), so this run did not send it again.`,
      });
    }
    if (result?.error) {
      const details = detailsOf(result.details);
      return outcome(message, {
        status: 'failed',
        task_id,
        error: result.error,
        reason: `${PROVIDER} did not accept the message to ${to}: ${result.error}${details ? ` (${details})` : ''}.`,
      });
    }
    return outcome(message, { status: 'accepted', task_id, message_uuid: result?.message_uuid ?? null });
  });
}

/**
 * Sends one message; anything but its acceptance is thrown: RATE_LIMIT as Zapier's throttle
 * (retried later), an answer that leaves it open as `outcome_unknown`, any other code as an error
 * naming it.
 */
export async function sendOne(z: ZObject, message: OutgoingMessage, action: string): Promise<MessageOutcome> {
  const check = sendCheck([message]);
  const answer = await simpleSend(z, [message], action, check);
  const open = unsettled(
    message.recipient_phone,
    answer,
    answer.messages?.find((result) => result.internal_id === message.internal_id),
  );
  if (open) throw outcomeUnknownError({ ...context(action), sendCheck: check }, open.what, 502);
  // readAnswer gives one outcome per message it is handed.
  const result = readAnswer([message], answer)[0] as MessageOutcome;
  if (result.status === 'accepted') return result;
  if (result.error === RATE_LIMIT) throw rateLimited(`${result.reason}`);
  throw new errors.Error(`${result.reason} Check the number, the sender and the text.`, 'message_rejected', 400);
}

/** What a Zapier error thrown for a whole request says, for the messages of that request. */
function failureOf(cause: unknown): Pick<MessageOutcome, 'status' | 'error' | 'reason'> {
  const reason = messageOf(cause);
  if (errorCodeOf(cause) === 'outcome_unknown') return { status: 'unknown', error: ANSWER_LOST, reason };
  const throttled = cause instanceof Error && cause.name === 'ThrottledError';
  return { status: 'failed', error: throttled ? RATE_LIMIT : REQUEST_FAILED, reason };
}

export interface BulkResult {
  outcomes: MessageOutcome[];
  task_ids: string[];
}

/**
 * Sends `messages` in requests of BATCH_SIZE. It stops at the first request that is refused
 * (HTTP error, no connection), whose answer is lost (its messages are `unknown`), or that comes
 * back rate limited: the rest are marked `not_sent`, and everything already accepted stays on
 * record. When the very first request is refused, nothing went and its Zapier error is thrown as is.
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
      answer = await simpleSend(z, batch, action, sendCheck(batch));
    } catch (cause) {
      const failure = failureOf(cause);
      if (start === 0 && failure.status === 'failed') throw cause;
      outcomes.push(...batch.map((message) => outcome(message, failure)));
      stopped = `Not sent: an earlier request ${failure.status === 'unknown' ? 'went unanswered' : 'failed'} (${failure.error}).`;
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

/** A thrown error for a step where no message was accepted and none is unknown; RATE_LIMIT anywhere makes it a throttle. */
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
