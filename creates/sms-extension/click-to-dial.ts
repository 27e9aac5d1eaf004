import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../src/core/input';
import { writeOutput } from '../../src/core/write-output';
import { clickToDial, PROVIDER, referenceOf } from '../../src/providers/sms-extension/api';
import { ukNumber } from '../../src/providers/sms-extension/uk-number';

const inputFields = defineInputFields([
  {
    key: 'destination',
    label: 'Number to Call',
    required: true,
    type: 'string',
    helpText: 'The UK phone number to call, as you would type it, e.g. `07400 900123` or `+44 7400 900123`.',
  },
]);

const inputShape = schema.object({ destination: requiredText('The number to call') } satisfies InputShape<typeof inputFields>);

/** SMS Extension only. */
export default defineCreate({
  key: 'click_to_dial',
  noun: 'Call',
  display: {
    label: 'Click to Dial',
    description: 'Starts a call from your phone to a UK number.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, inputFields);
      const destination = ukNumber(input.destination, 'Number to Call');
      const answer = await clickToDial(z, bundle, destination);
      return { ...writeOutput(answer, 'call_requested', referenceOf(answer)), destination_number: destination };
    },
    sample: { status: 'call_requested', reference: 'c-77', destination_number: '+447400900123' },
    outputFields: [
      { key: 'status', label: 'Status (call_requested)' },
      { key: 'reference', label: `Call Reference (${PROVIDER}'s, blank when it gives none)` },
      { key: 'destination_number', label: 'Number Called (E.164)' },
    ],
  },
});
