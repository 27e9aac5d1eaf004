import { defineSearch, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../src/core/input';
import { getMessage } from '../../src/providers/stratustexting/api';
import { messageOutputFields, messageSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  { key: 'message_id', label: 'Message ID', required: true, helpText: 'The ID of the message, e.g. from a New Inbound Message trigger.' },
]);

const inputShape = schema.object({ message_id: requiredText('The message ID') } satisfies InputShape<typeof inputFields>);

export default defineSearch({
  key: 'find_message',
  noun: 'Message',
  display: {
    label: 'Find Message',
    description: 'Finds a message by its ID, with its text, numbers and status.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const { message_id: messageId } = parseInput(inputShape, bundle.inputData, inputFields);
      const message = await getMessage(z, messageId);
      return message ? [message] : [];
    },
    sample: messageSample,
    outputFields: messageOutputFields,
  },
});
