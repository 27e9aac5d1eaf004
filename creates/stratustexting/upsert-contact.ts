import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../src/core/input';
import { toE164 } from '../../src/core/phone';
import { upsertContact } from '../../src/providers/stratustexting/api';
import { contactDetailFields, contactDetailShape, defaultCountryField } from '../../src/providers/stratustexting/contact-fields';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  {
    key: 'mobile',
    label: 'Mobile Number',
    required: true,
    helpText: "The contact's mobile number, e.g. `(949) 555-0111`. A contact with this number is updated; otherwise one is created.",
  },
  ...contactDetailFields,
  defaultCountryField,
]);

const inputShape = schema.object({
  mobile: requiredText('The mobile number'),
  ...contactDetailShape,
} satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'upsert_contact',
  noun: 'Contact',
  display: {
    label: 'Create or Update Contact',
    description: 'Creates a contact, or updates the contact that has the same mobile number.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const { mobile, default_country: defaultCountry, ...details } = parseInput(inputShape, bundle.inputData, inputFields);
      return upsertContact(z, { ...details, mobile: toE164(mobile, { field: 'Mobile Number', defaultCountry }) });
    },
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
