import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { optionalText, parseInput, type InputShape } from '../../src/core/input';
import { PROVIDER } from '../../src/providers/commpeak/api';
import { sendSmsCreate } from '../../src/core/send-sms';
import { IDEMPOTENCY_KEY_FIELD, internalId, sendOne, senderFor } from '../../src/providers/commpeak/messages';

const idempotencyFields = defineInputFields([IDEMPOTENCY_KEY_FIELD]);
const idempotencyShape = schema.object({ idempotency_key: optionalText() } satisfies InputShape<typeof idempotencyFields>);

/** Send SMS (shared) through CommPeak: one recipient per step, an idempotent `internal_id`. */
export default sendSmsCreate({
  provider: PROVIDER,
  fromField: {
    key: 'from',
    label: 'Sender',
    required: true,
    helpText: `The sender the recipient sees: a name (e.g. \`GLOBAL\`) or a number with its country code (e.g. \`+972 52 426 5292\`), as your ${PROVIDER} stream allows. A number is sent as digits only. The ${PROVIDER} API offers no list of senders, so type it.`,
  },
  maxRecipients: 1,
  recipientFormat: 'digits',
  extraInputFields: idempotencyFields,
  async send(z: ZObject, bundle: Bundle, message) {
    const sender = senderFor(message.from);
    const [recipient] = message.to;
    const { idempotency_key: idempotencyKey } = parseInput(idempotencyShape, bundle.inputData, idempotencyFields);
    const internal_id = internalId({ idempotencyKey }, { sender, recipient, text: message.text });
    const sent = await sendOne(z, { internal_id, sender, recipient_phone: recipient, message_content: message.text }, 'send an SMS');
    return {
      message_uuid: sent.message_uuid,
      task_id: sent.task_id,
      internal_id,
      sender,
      to: recipient,
      accepted_earlier: sent.accepted_earlier,
    };
  },
  sample: {
    message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a',
    task_id: '251a4cfb-f098-4a84-83a1-66f6273bbb1d',
    internal_id: 'zap-3f1c9a0d5e2b47c8a6d1e9f0b2c4d6e8',
    sender: 'GLOBAL',
    to: '972524265292',
    accepted_earlier: false,
  },
  outputFields: [
    { key: 'message_uuid', label: 'Message UUID' },
    { key: 'task_id', label: 'Task ID' },
    { key: 'internal_id', label: 'Internal ID (idempotency)' },
    { key: 'sender', label: 'Sender' },
    { key: 'to', label: 'To (international digits)' },
    { key: 'accepted_earlier', label: 'Accepted by an Earlier Run (not sent again)', type: 'boolean' },
  ],
});
