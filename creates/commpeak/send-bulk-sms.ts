import { defineCreate, defineInputFields, errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { withAdvice } from '../../src/core/provider-errors';
import { optionalText, parseInput, requiredText, type InputShape } from '../../src/core/input';
import { distinctBy, splitNumbers, toInternationalDigits } from '../../src/core/phone';
import { defaultCountryField } from '../../src/core/country-list';
import { BATCH_SIZE, PROVIDER, type OutgoingMessage } from '../../src/providers/commpeak/api';
import {
  IDEMPOTENCY_KEY_FIELD,
  internalId,
  ANSWER_LOST,
  noneAcceptedError,
  sendCheck,
  sendInBatches,
  senderFor,
  type MessageOutcome,
} from '../../src/providers/commpeak/messages';

/**
 * Send Bulk SMS (CommPeak only): many messages in one step, BATCH_SIZE to a request, with a
 * per-message result. Messages come from line items (a number and a text each) and/or one text
 * sent to a list of numbers.
 */

/**
 * At most this many messages per step: ten requests of BATCH_SIZE, which keeps a step well
 * inside Zapier's time limit. ASSUMPTION: [cp-bulk-limit] CommPeak's own limits are UNKNOWN.
 */
export const MAX_MESSAGES = 10 * BATCH_SIZE;

const RULE =
  `Messages go to ${PROVIDER} ` +
  BATCH_SIZE +
  ' per request. The output lists every message with its status (`accepted`, `failed` or `not_sent`), counts them, and lists the ones that did not go under `failed` with the reason. ' +
  `A message ${PROVIDER} answers for with an error code (such as \`RATE_LIMIT\`) counts as failed. If ${PROVIDER} rate limits or refuses a request, the remaining requests are not sent. ` +
  'The step fails when no message was accepted (when that was rate limiting, Zapier retries the step later), and when an answer was lost, so that it may have sent messages it cannot confirm: ' +
  'its error then says which messages were accepted, which may have been sent, and which were not sent.';

const lineItemFields = defineInputFields([
  { key: 'item_to', label: 'Line Item: To', required: false, helpText: 'The phone number for this message.' },
  { key: 'item_text', label: 'Line Item: Message', required: false, type: 'text', helpText: 'Its text; blank uses Message above.' },
]);

const inputFields = defineInputFields([
  { key: 'bulk_rule', type: 'copy', helpText: RULE },
  {
    key: 'from',
    label: 'Sender',
    required: true,
    helpText: `The sender the recipients see: a name (e.g. \`GLOBAL\`) or a number with its country code, as your ${PROVIDER} stream allows.`,
  },
  {
    key: 'to',
    label: 'To (numbers for the message below)',
    required: false,
    list: true,
    helpText: `Phone numbers that all get the Message below, e.g. \`(949) 555-0100\` or \`+44 7400 900123\`, one per line or separated by commas. Up to ${MAX_MESSAGES} messages per step in all.`,
  },
  {
    key: 'text',
    label: 'Message',
    required: false,
    type: 'text',
    helpText: 'The text sent to every number in To, and to each line item below that has no message of its own.',
  },
  {
    // Zapier's schema allows no help text on a line-item group itself: this copy field introduces it.
    key: 'messages_note',
    type: 'copy',
    helpText:
      '**Messages (line items)**: one message per line item, each with its own number and, if it differs from Message above, its own text. Map line items from an earlier step (e.g. rows of a spreadsheet). They are sent before the To numbers.',
  },
  {
    key: 'messages',
    label: 'Messages (line items)',
    required: false,
    children: lineItemFields,
  },
  defaultCountryField(
    'Two-letter country code (e.g. `US`, `GB`) used for numbers typed without a country code. Leave blank when every number starts with `+` and its country code.',
  ),
  IDEMPOTENCY_KEY_FIELD,
]);

const lineItem = schema.object({ item_to: schema.string().optional(), item_text: schema.string().optional() }).passthrough();
const inputShape = schema.object({
  from: requiredText('The sender'),
  to: schema
    .union([schema.string(), schema.array(schema.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : splitNumbers(value))),
  text: optionalText(),
  messages: schema.array(lineItem).optional(),
  item_to: schema.string().optional(),
  item_text: schema.string().optional(),
  default_country: optionalText(),
  idempotency_key: optionalText(),
} satisfies InputShape<typeof inputFields>);
type BulkInput = schema.infer<typeof inputShape>;

interface Draft {
  typed: string;
  field: string;
  text: string;
}

/** The messages a step asks for, in order: line items first, then the To list. */
function drafts(input: BulkInput): Draft[] {
  // Line items arrive as `messages: [{item_to, item_text}]` when mapped; a single typed-in item
  // may arrive only as top-level `item_to`/`item_text`.
  const items = input.messages ?? (input.item_to !== undefined ? [{ item_to: input.item_to, item_text: input.item_text }] : []);
  const result: Draft[] = [];
  items.forEach((item, index) => {
    const line = `Line item ${index + 1}`;
    const numbers = splitNumbers(item.item_to ?? '');
    const text = item.item_text?.trim() || input.text;
    if (numbers.length === 0) {
      if (item.item_text?.trim()) throw inputError(`${line}: To`, 'a phone number is required.');
      return; // a blank line item
    }
    if (!text) throw inputError(`${line}: Message`, 'a message is required (here or in Message).');
    result.push(...numbers.map((typed) => ({ typed, field: `${line}: To`, text })));
  });
  if (input.to.length > 0) {
    if (!input.text) throw inputError('Message', 'a message is required for the numbers in To.');
    const text = input.text;
    result.push(...input.to.map((typed) => ({ typed, field: 'To', text })));
  }
  if (result.length === 0) throw inputError('To', 'give at least one phone number, in To or in the line items.');
  if (result.length > MAX_MESSAGES) throw inputError('To', `${result.length} messages is more than the ${MAX_MESSAGES} one step may send.`);
  return result;
}

function count(outcomes: readonly MessageOutcome[], status: MessageOutcome['status']): number {
  return outcomes.filter((result) => result.status === status).length;
}

function summaryOf(outcomes: readonly MessageOutcome[]) {
  const failed = outcomes.filter((result) => result.status !== 'accepted');
  const accepted = count(outcomes, 'accepted');
  const earlier = outcomes.filter((result) => result.accepted_earlier).length;
  const states = `${earlier > 0 ? `${earlier} of them by an earlier run, ` : ''}${count(outcomes, 'failed')} failed, ${count(outcomes, 'unknown')} outcome unknown, ${count(outcomes, 'not_sent')} not sent`;
  return {
    total_count: outcomes.length,
    accepted_count: accepted,
    failed_count: failed.length,
    failed,
    summary: `${accepted} of ${outcomes.length} messages accepted by ${PROVIDER} (${states}).${
      failed.length > 0 ? ` Did not go: ${failed.map((result) => `${result.recipient_phone} (${result.error})`).join(', ')}.` : ''
    }`,
  };
}

/**
 * A step with messages of unknown outcome fails (see the table in src/core/provider-errors.ts):
 * its error is what Zap history shows, so it says what went, what may have, and what did not.
 */
function unknownOutcomeError(outcomes: readonly MessageOutcome[], accepted: number, idempotencyKey: string | undefined): Error {
  const unknown = outcomes.filter((result) => result.status === 'unknown');
  const didNotGo = outcomes.length - accepted - unknown.length;
  // A lost answer stops the step: at most one request's error, which names its messages' ids.
  const lost = unknown.find((result) => result.error === ANSWER_LOST);
  const unlisted = unknown.filter((result) => result.error !== ANSWER_LOST);
  const unlistedDetails = [
    ...(unlisted.length > 0
      ? [
          `${unlisted[0]?.reason}${unlisted.length > 1 ? ` (and ${unlisted.length - 1} more)` : ''}`,
          `${sendCheck(unlisted)} Check them before running this step again.`,
        ]
      : []),
  ];
  const replay = idempotencyKey
    ? `A replay gives every message the internal ID it had, so ${PROVIDER} can recognise the ones it already has.`
    : accepted > 0
      ? `A replay would send the ${accepted} accepted messages again (no Idempotency Key is set): send the ones that did not go in a new step instead.`
      : 'A replay gives the messages new internal IDs (no Idempotency Key is set): replay only once you know they did not go.';
  const counts = `${PROVIDER} accepted ${accepted} of ${outcomes.length} messages; ${unknown.length} may have been sent (outcome unknown) and ${didNotGo} did not go.`;
  // The lost request's reason may end with its HTTP code: the rest goes before it, so the code stays last.
  return new errors.Error(
    withAdvice(lost ? `${counts} ${lost.reason}` : counts, [...unlistedDetails, replay].join(' ')),
    'outcome_unknown',
    502,
  );
}

const sampleMessage = {
  internal_id: 'zap-3f1c9a0d5e2b47c8a6d1e9f0b2c4d6e8',
  recipient_phone: '972524265292',
  text: 'Hi Sam, your order #1042 is ready for pickup.',
  status: 'accepted',
  accepted_earlier: false,
  message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a',
  task_id: '251a4cfb-f098-4a84-83a1-66f6273bbb1d',
  error: null,
  reason: null,
};

export default defineCreate({
  key: 'send_bulk_sms',
  noun: 'SMS',
  display: {
    label: 'Send Bulk SMS',
    description: 'Sends many text messages in one step, with a result for each message.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, [...inputFields, ...lineItemFields]);
      const sender = senderFor(input.from);
      const scope = { idempotencyKey: input.idempotency_key };
      const written = drafts(input).map((draft) => ({
        ...draft,
        recipient: toInternationalDigits(draft.typed, { field: draft.field, defaultCountry: input.default_country }),
      }));
      // The same text to the same number goes once.
      const { distinct, dropped } = distinctBy(written, (draft) => JSON.stringify([draft.recipient, draft.text]));
      const messages: OutgoingMessage[] = distinct.map(({ recipient, text }) => ({
        internal_id: internalId(scope, { sender, recipient, text }),
        sender,
        recipient_phone: recipient,
        message_content: text,
      }));
      const { outcomes, task_ids } = await sendInBatches(z, messages, 'send bulk SMS');
      const summary = summaryOf(outcomes);
      if (outcomes.some((result) => result.status === 'unknown')) {
        throw unknownOutcomeError(outcomes, summary.accepted_count, input.idempotency_key);
      }
      if (summary.accepted_count === 0) throw noneAcceptedError(outcomes, `the ${outcomes.length} messages`);
      return { ...summary, sender, task_ids, messages: outcomes, duplicates_dropped: dropped.map((draft) => draft.recipient) };
    },
    sample: {
      total_count: 1,
      accepted_count: 1,
      failed_count: 0,
      failed: [],
      summary: `1 of 1 messages accepted by ${PROVIDER} (0 failed, 0 outcome unknown, 0 not sent).`,
      sender: 'GLOBAL',
      task_ids: ['251a4cfb-f098-4a84-83a1-66f6273bbb1d'],
      messages: [sampleMessage],
      duplicates_dropped: [],
    },
    outputFields: [
      { key: 'total_count', label: 'Messages', type: 'integer' },
      { key: 'accepted_count', label: 'Accepted', type: 'integer' },
      { key: 'failed_count', label: 'Failed or Not Sent', type: 'integer' },
      { key: 'summary', label: 'Summary' },
      { key: 'sender', label: 'Sender' },
      { key: 'task_ids[]', label: 'Task IDs' },
      { key: 'messages[]internal_id', label: 'Message: Internal ID' },
      { key: 'messages[]recipient_phone', label: 'Message: To' },
      { key: 'messages[]status', label: 'Message: Status (accepted, failed, not_sent)' },
      { key: 'messages[]accepted_earlier', label: 'Message: Accepted by an Earlier Run (not sent again)', type: 'boolean' },
      { key: 'messages[]message_uuid', label: 'Message: UUID' },
      { key: 'messages[]error', label: 'Message: Error Code' },
      { key: 'messages[]reason', label: 'Message: Reason' },
      { key: 'failed[]recipient_phone', label: 'Failed: To' },
      { key: 'failed[]error', label: 'Failed: Error Code' },
      { key: 'failed[]reason', label: 'Failed: Reason' },
      { key: 'duplicates_dropped[]', label: 'Duplicate Messages Dropped (To)' },
    ],
  },
});
