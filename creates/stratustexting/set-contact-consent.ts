import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../src/core/input';
import { toE164 } from '../../src/core/phone';
import { writeOutput } from '../../src/core/write-output';
import { setContactConsent } from '../../src/providers/stratustexting/api';
import { consentIdField } from '../../src/providers/stratustexting/consent-fields';
import { defaultCountryField, defaultCountryShape } from '../../src/providers/stratustexting/contact-fields';

const inputFields = defineInputFields([
  { key: 'mobile', label: 'Contact Mobile Number', required: true, helpText: "The contact's mobile number, e.g. `(949) 555-0111`." },
  consentIdField,
  {
    key: 'action',
    label: 'Add or Remove',
    required: true,
    choices: { add: 'Add (the contact agreed)', remove: 'Remove (the contact withdrew)' },
    helpText: 'Add records that the contact agreed to this consent; Remove records that they withdrew it.',
  },
  defaultCountryField,
]);

const inputShape = schema.object({
  mobile: requiredText('The mobile number'),
  consent_id: requiredText('The consent'),
  action: schema.enum(['add', 'remove'], { message: 'choose Add or Remove.' }),
  default_country: defaultCountryShape,
} satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'set_contact_consent',
  noun: 'Consent',
  display: {
    label: 'Add or Remove Contact Consent',
    description: "Adds a custom consent to a contact, or removes it, keeping the contact's permissions up to date.",
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, inputFields);
      const mobile = toE164(input.mobile, { field: 'Contact Mobile Number', defaultCountry: input.default_country });
      const answer = await setContactConsent(z, { mobile, consentId: input.consent_id, action: input.action });
      // The consent and the number are what StratusTexting knows the change by: they are its reference.
      return { ...writeOutput(answer, input.action === 'add' ? 'added' : 'removed'), mobile, consent_id: input.consent_id };
    },
    sample: { status: 'added', mobile: '+19495550111', consent_id: '6890b1408f412234d99c8e13' },
    outputFields: [
      { key: 'status', label: 'Status (added or removed)' },
      { key: 'mobile', label: 'Contact Mobile Number' },
      { key: 'consent_id', label: 'Consent ID' },
    ],
  },
});
