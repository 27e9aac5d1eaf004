import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { optionalText, parseInput, requiredText } from '../../src/core/input';
import { distinctBy, splitNumbers, toInternationalDigits } from '../../src/core/phone';
import { countryChoices } from '../../src/core/countries';
import { BATCH_SIZE, PROVIDER, type OutgoingMessage } from '../../src/providers/commpeak/api';
import {
  IDEMPOTENCY_KEY_FIELD,
  internalId,
  noneAcceptedError,
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
 * inside Zapier's time limit. ASSUMPTION: CommPeak's own limits are UNKNOWN.
 */
export const MAX_MESSAGES = 10 * BATCH_SIZE;

const RULE =
  'Messages go to CommPeak ' +
  BATCH_SIZE +
  ' per request. The step succeeds when CommPeak accepted at least one message: ' +
  'the output lists every message with its status (`accepted`, `failed` or `not_sent`), counts them, and lists the ones that did not go under `failed` with the reason. ' +
  'A message CommPeak answers for with an error code (such as `RATE_LIMIT`), or leaves out of its answer, counts as failed. If CommPeak rate limits or a request fails, the remaining requests are not sent. ' +
  'The step fails only when no message was accepted; when that was rate limiting, Zapier retries the step later.';

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
    helpText: 'The sender the recipients see: a name (e.g. `GLOBAL`) or a number with its country code, as your CommPeak stream allows.',
  },
  {
    key: 'to',
    label: 'To (numbers for the message below)',
    required: false,
    list: true,
    helpText: `Phone numbers that all get the Message below, e.g. \`(949) 555-0100\` or \`+44 7700 900123\`, one per line or separated by commas. Up to ${MAX_MESSAGES} messages per step in all.`,
  },
  {
    key: 'text',
    label: 'Message',
    required: false,
    type: 'text',
    helpText: 'The text sent to every number in To, and to each line item below that has no message of its own.',
  },
  {
    key: 'messages',
    label: 'Messages (line items)',
    required: false,
    children: lineItemFields,
  },
  {
    key: 'default_country',
    label: 'Default Country',
    required: false,
    choices: countryChoices(),
    helpText:
      'Two-letter country code (e.g. `US`, `GB`) used for numbers typed without a country code. Leave blank when every number starts with `+` and its country code.',
  },
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
});
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

function summaryOf(outcomes: readonly MessageOutcome[]) {
  const accepted = outcomes.filter((result) => result.status === 'accepted');
  const failed = outcomes.filter((result) => result.status !== 'accepted');
  return {
    total_count: outcomes.length,
    accepted_count: accepted.length,
    failed_count: failed.length,
    failed,
    summary: `${accepted.length} of ${outcomes.length} messages accepted by ${PROVIDER}.${
      failed.length > 0 ? ` Not sent: ${failed.map((result) => `${result.recipient_phone} (${result.error})`).join(', ')}.` : ''
    }`,
  };
}

const sampleMessage = {
  internal_id: 'zap-3f1c9a0d5e2b47c8a6d1e9f0b2c4d6e8',
  recipient_phone: '972524265292',
  text: 'Hi Sam, your order #1042 is ready for pickup.',
  status: 'accepted',
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
    description: 'Sends many text messages through CommPeak in one step, with a result for each message.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, [...inputFields, ...lineItemFields]);
      const sender = senderFor(input.from);
      // One clock reading for the step, so that every message of a step without a key shares its minute.
      const scope = { idempotencyKey: input.idempotency_key, now: Date.now() };
      const written = drafts(input).map((draft) => ({
        ...draft,
        recipient: toInternationalDigits(draft.typed, { field: draft.field, defaultCountry: input.default_country }),
      }));
      // The same text to the same number goes once.
      const { distinct, dropped } = distinctBy(written, (draft) => JSON.stringify([draft.recipient, draft.text]));
      const messages: OutgoingMessage[] = distinct.map(({ recipient, ...draft }, position) => {
        return {
          internal_id: internalId(scope, { sender, recipient, text: draft.text, position }),
          sender,
          recipient_phone: recipient,
          message_content: draft.text,
        };
      });
      const { outcomes, task_ids } = await sendInBatches(z, messages, 'send bulk SMS');
      const summary = summaryOf(outcomes);
      if (summary.accepted_count === 0) throw noneAcceptedError(outcomes, `the ${outcomes.length} messages`);
      return { ...summary, sender, task_ids, messages: outcomes, duplicates_dropped: dropped.map((draft) => draft.recipient) };
    },
    sample: {
      total_count: 1,
      accepted_count: 1,
      failed_count: 0,
      failed: [],
      summary: `1 of 1 messages accepted by ${PROVIDER}.`,
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
