import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { optionalText, parseInput, requiredText, type InputShape } from '../../src/core/input';
import { updateConsent } from '../../src/providers/stratustexting/api';
import { consentIdField } from '../../src/providers/stratustexting/consent-fields';
import { consentOutputFields, consentSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  consentIdField,
  { key: 'name', label: 'New Name', required: false, helpText: 'The new name; blank keeps the current one.' },
  {
    key: 'description',
    label: 'New Description',
    required: false,
    type: 'text',
    helpText: 'The new description; blank keeps the current one.',
  },
]);

const inputShape = schema.object({
  consent_id: requiredText('The consent'),
  name: optionalText(),
  description: optionalText(),
} satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'update_consent',
  noun: 'Consent',
  display: {
    label: 'Update Custom Consent',
    description: 'Renames a custom consent or changes its description.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const { consent_id: consentId, ...details } = parseInput(inputShape, bundle.inputData, inputFields);
      if (details.name === undefined && details.description === undefined) {
        throw inputError('New Name', 'fill in a new name or a new description.');
      }
      return updateConsent(z, consentId, details);
    },
    sample: consentSample,
    outputFields: consentOutputFields,
  },
});
