import type { Bundle, ZObject } from 'zapier-platform-core';
import { sendSmsCreate } from '../../src/core/send-sms';
import { toE164 } from '../../src/core/phone';
import { sendSms } from '../../src/providers/stratustexting/api';
import { productName } from '../../src/providers/stratustexting/brand';
import { DEFAULT_COUNTRY } from '../../src/providers/stratustexting/contact-fields';

// ASSUMPTION: the API's limits are not documented; a third-party client caps text at 1000
// characters, counted as JavaScript counts them: in UTF-16 units, so an emoji such as 😀 is two.
// Send MMS counts the same way. A text the API counts otherwise is refused with the API's own 400.
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
  maxTextLength: { limit: MAX_TEXT_LENGTH, counts: 'UTF-16 units' },
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
