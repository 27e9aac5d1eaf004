import type { Bundle, ZObject } from 'zapier-platform-core';
import { sendSmsCreate } from '../../src/core/send-sms';
import { PROVIDER, sendSms } from '../../src/providers/sms-extension/api';
import { senderIdText } from '../../src/providers/sms-extension/sender-id';

const fromField = {
  key: 'from',
  label: 'Sender ID',
  required: true,
  dynamic: 'new_sender_id.sender_id.sender_id',
  search: 'find_sender_id.sender_id',
  helpText: `An approved sender id of your account: what the recipient sees as the sender. The list shows the approved ones; a newly added sender id appears once ${PROVIDER} approves it.`,
} as const;

/** The shared Send SMS over SMS Extension: one recipient per step, any valid number (the collection's `destination` is "number"). */
export default sendSmsCreate({
  provider: PROVIDER,
  fromField,
  fromShape: senderIdText(),
  maxRecipients: 1,
  numberExamples: ['07400 900123', '+1 949 555 0111'],
  // ASSUMPTION: [sx-text-limit] the service refuses longer texts with a 422 (918 characters: six GSM-7 segments of
  // 153), counted as Laravel's `max` rule counts a string, in code points (mb_strlen: 😀 is one).
  maxTextLength: { limit: 918, counts: 'code points' },
  recipientFormat: 'e164',
  assignedNumbersOnly: true,
  // A UK service: a number typed without a country code is read as a UK one.
  defaultCountry: 'GB',
  send: async (z: ZObject, bundle: Bundle, message) => {
    const sent = await sendSms(z, bundle, { source: message.from, destination: message.to[0], text: message.text });
    return { ...sent, sender_id: message.from, to: message.to[0] };
  },
  sample: { id: '48213', sender_id: 'ACMESHOP', to: '+447400900123' },
  outputFields: [
    { key: 'id', label: 'SMS ID' },
    { key: 'sender_id', label: 'Sender ID' },
    { key: 'to', label: 'To (E.164)' },
  ],
});
