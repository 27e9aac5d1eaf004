import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { optionalText, parseInput, requiredText, type InputShape } from '../../src/core/input';
import { createConsent } from '../../src/providers/stratustexting/api';
import { consentOutputFields, consentSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  { key: 'name', label: 'Name', required: true, helpText: 'What the contact agrees to receive, e.g. `Appointment reminders`.' },
  { key: 'description', label: 'Description', required: false, type: 'text', helpText: 'A longer explanation shown with the consent.' },
]);

const inputShape = schema.object({ name: requiredText('The name'), description: optionalText() } satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'create_consent',
  noun: 'Consent',
  display: {
    label: 'Create Custom Consent',
    description: 'Creates a custom consent: a purpose contacts can agree to receive texts for.',
  },
  operation: {
    inputFields,
    perform: (z: ZObject, bundle: Bundle) => createConsent(z, parseInput(inputShape, bundle.inputData, inputFields)),
    sample: consentSample,
    outputFields: consentOutputFields,
  },
});
