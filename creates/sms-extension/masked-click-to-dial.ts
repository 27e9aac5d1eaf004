import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../src/core/input';
import { writeOutput } from '../../src/core/write-output';
import { maskedClickToDial, PROVIDER, referenceOf } from '../../src/providers/sms-extension/api';
import { ukNumber } from '../../src/providers/sms-extension/uk-number';

const inputFields = defineInputFields([
  {
    key: 'source',
    label: 'Number to Show',
    required: true,
    type: 'string',
    helpText: 'The UK number of your account that the person you call sees instead of your own, e.g. `020 7946 0123`.',
  },
  {
    key: 'destination',
    label: 'Number to Call',
    required: true,
    type: 'string',
    helpText: 'The UK phone number to call, as you would type it, e.g. `07400 900123` or `+44 7400 900123`.',
  },
]);

const inputShape = schema.object({
  source: requiredText('The number to show'),
  destination: requiredText('The number to call'),
} satisfies InputShape<typeof inputFields>);

/** SMS Extension only. */
export default defineCreate({
  key: 'masked_click_to_dial',
  noun: 'Call',
  display: {
    label: 'Masked Click to Dial',
    description: 'Starts a call from your phone to a UK number, showing another of your UK numbers as the caller.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, inputFields);
      const source = ukNumber(input.source, 'Number to Show');
      const destination = ukNumber(input.destination, 'Number to Call');
      const answer = await maskedClickToDial(z, bundle, { source, destination });
      return { ...writeOutput(answer, 'call_requested', referenceOf(answer)), source_number: source, destination_number: destination };
    },
    sample: { status: 'call_requested', reference: 'c-78', source_number: '+442079460123', destination_number: '+447400900123' },
    outputFields: [
      { key: 'status', label: 'Status (call_requested)' },
      { key: 'reference', label: `Call Reference (${PROVIDER}'s, blank when it gives none)` },
      { key: 'source_number', label: 'Number Shown (E.164)' },
      { key: 'destination_number', label: 'Number Called (E.164)' },
    ],
  },
});
