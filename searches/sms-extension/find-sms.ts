import { defineSearch, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { optionalText, parseInput, type InputShape } from '../../src/core/input';
import { findSmsById, listSms } from '../../src/providers/sms-extension/api';
import { smsListFilter } from '../../src/providers/sms-extension/sms-filters';
import { smsOutputFields, smsSample } from '../../src/providers/sms-extension/sms-output';

/** How far back a search by sender or receiver looks when Sent Since is blank. */
const DEFAULT_SEARCH_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

const inputFields = defineInputFields([
  {
    key: 'id',
    label: 'SMS ID',
    required: false,
    type: 'string',
    helpText: 'The id of the SMS to find. When given, the other fields are ignored.',
  },
  {
    key: 'sender',
    label: 'Sender',
    required: false,
    type: 'string',
    helpText: 'Find SMS from this sender: a sender id such as `ACMESHOP`, or a phone number such as `07400 900123`.',
  },
  {
    key: 'receiver',
    label: 'Receiver',
    required: false,
    type: 'string',
    helpText:
      'Find SMS to this phone number, e.g. `07400 900123` or `+1 949 555 0111` (a number without a country code is read as a UK one).',
  },
  {
    key: 'sent_since',
    label: 'Sent Since',
    required: false,
    type: 'datetime',
    helpText: 'Only SMS sent at or after this time. Leave blank to search the last 30 days.',
  },
  {
    key: 'sent_until',
    label: 'Sent Until',
    required: false,
    type: 'datetime',
    helpText: 'Only SMS sent at or before this time. Leave blank for up to now.',
  },
]);

const dateTime = () =>
  optionalText().transform((value, context) => {
    if (value === undefined) return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: `"${value}" is not a date and time.` });
      return schema.NEVER;
    }
    return date;
  });

const inputShape = schema.object({
  id: optionalText(),
  sender: optionalText(),
  receiver: optionalText(),
  sent_since: dateTime(),
  sent_until: dateTime(),
} satisfies InputShape<typeof inputFields>);

/** SMS Extension only. */
export default defineSearch({
  key: 'find_sms',
  noun: 'SMS',
  display: {
    label: 'Find SMS',
    description: 'Finds an SMS by its id, or the newest SMS from a sender or to a receiver within a time window.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, inputFields);
      if (input.id !== undefined) {
        const sms = await findSmsById(z, bundle, input.id);
        return sms ? [sms] : [];
      }
      const sender = smsListFilter(input.sender, 'Sender');
      const receiver = smsListFilter(input.receiver, 'Receiver');
      if (sender === undefined && receiver === undefined) {
        throw inputError('SMS ID', 'give an SMS id, or a sender or receiver to search by.');
      }
      const sentSince = input.sent_since ?? new Date(Date.now() - DEFAULT_SEARCH_WINDOW_MS);
      if (input.sent_until && input.sent_until < sentSince) {
        throw inputError('Sent Until', 'is earlier than Sent Since.');
      }
      // A search step uses its first result: one page is enough. ASSUMPTION: [sx-newest-first] /sms/list answers newest first.
      return listSms(z, bundle, { sender, receiver, sentSince, sentUntil: input.sent_until }, 1);
    },
    sample: smsSample,
    outputFields: smsOutputFields,
  },
});
