import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, type InputShape } from '../../src/core/input';
import { writeOutput } from '../../src/core/write-output';
import { addSenderId, PROVIDER, referenceOf } from '../../src/providers/sms-extension/api';
import { newSenderIdText, SENDER_ID_MAX_LENGTH } from '../../src/providers/sms-extension/sender-id';

const inputFields = defineInputFields([
  {
    key: 'sender_id',
    label: 'Sender ID',
    required: true,
    type: 'string',
    helpText: `The name recipients will see as the sender, e.g. \`ACMESHOP\`: letters A-Z and digits only, at most ${SENDER_ID_MAX_LENGTH} characters. ${PROVIDER} must approve it before it can send.`,
  },
]);

const inputShape = schema.object({ sender_id: newSenderIdText() } satisfies InputShape<typeof inputFields>);

/** SMS Extension only. */
export default defineCreate({
  key: 'add_sender_id',
  noun: 'Sender ID',
  display: {
    label: 'Add Sender ID',
    description: 'Asks for a new sender id, which can send SMS after approval.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const { sender_id } = parseInput(inputShape, bundle.inputData, inputFields);
      const answer = await addSenderId(z, bundle, sender_id);
      return {
        ...writeOutput(answer, 'pending_approval', referenceOf(answer)),
        sender_id,
        approval_note: `${PROVIDER} must approve "${sender_id}" before it can send SMS; it then appears in Send SMS's Sender ID list.`,
      };
    },
    sample: {
      status: 'pending_approval',
      reference: '12',
      sender_id: 'ACMESHOP',
      approval_note: `${PROVIDER} must approve "ACMESHOP" before it can send SMS; it then appears in Send SMS's Sender ID list.`,
    },
    outputFields: [
      { key: 'status', label: 'Status (pending_approval)' },
      { key: 'reference', label: `Request Reference (${PROVIDER}'s, blank when it gives none)` },
      { key: 'sender_id', label: 'Sender ID' },
      { key: 'approval_note', label: 'Approval Note' },
    ],
  },
});
