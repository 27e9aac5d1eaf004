import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../src/core/input';
import { changeConsentStatus } from '../../src/providers/stratustexting/api';
import { consentIdField } from '../../src/providers/stratustexting/consent-fields';
import { consentOutputFields, consentSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  consentIdField,
  {
    key: 'status',
    label: 'Status',
    required: true,
    choices: { active: 'Active', inactive: 'Inactive' },
    helpText: 'Active consents can be given to contacts; inactive ones are kept but no longer offered.',
  },
]);

const inputShape = schema.object({
  consent_id: requiredText('The consent'),
  status: schema.enum(['active', 'inactive'], { message: 'choose Active or Inactive.' }),
} satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'change_consent_status',
  noun: 'Consent',
  display: {
    label: 'Change Custom Consent Status',
    description: 'Makes a custom consent active or inactive.',
  },
  operation: {
    inputFields,
    perform: (z: ZObject, bundle: Bundle) => {
      const { consent_id: consentId, status } = parseInput(inputShape, bundle.inputData, inputFields);
      return changeConsentStatus(z, consentId, status === 'active');
    },
    sample: consentSample,
    outputFields: consentOutputFields,
  },
});
