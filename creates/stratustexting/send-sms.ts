import type { Bundle, ZObject } from 'zapier-platform-core';
import { sendSmsCreate } from '../../src/core/send-sms';
import { toE164 } from '../../src/core/phone';
import { sendSms } from '../../src/providers/stratustexting/api';
import { productName } from '../../src/providers/stratustexting/brand';
import { DEFAULT_COUNTRY } from '../../src/providers/stratustexting/contact-fields';

// ASSUMPTION: [st-text-limit] the API's limits are not documented; a third-party client caps text at 1000 characters.
export const MAX_TEXT_LENGTH = 1000;
export const MAX_RECIPIENTS = 50;

export default sendSmsCreate({
  provider: productName(),
  fromField: {
    key: 'from',
    label: 'From Number',
    required: true,
    helpText: `One of your ${productName()} numbers, as you would type it, e.g. \`(949) 555-0100\`. US numbers may omit +1. The API documents no list of your numbers, so type it.`,
  },
  maxRecipients: MAX_RECIPIENTS,
  maxTextLength: MAX_TEXT_LENGTH,
  recipientFormat: 'e164',
  defaultCountry: DEFAULT_COUNTRY,
  send: async (z: ZObject, _bundle: Bundle, message) => {
    // The step's Default Country is for recipients: the sender is one of the account's own (US) numbers.
    const from = toE164(message.from, { field: 'From Number', defaultCountry: DEFAULT_COUNTRY });
    const result = await sendSms(z, { ...message, from });
    return { ...result, from, to: message.to };
  },
  sample: { result: 'Message Processed Successfully', message_id: null, from: '+19495550100', to: ['+19495550111'] },
  outputFields: [
    { key: 'result', label: 'Result Message' },
    { key: 'message_id', label: 'Message ID (when the answer gives one)' },
    { key: 'from', label: 'From Number' },
    { key: 'to[]', label: 'To Numbers' },
  ],
});
