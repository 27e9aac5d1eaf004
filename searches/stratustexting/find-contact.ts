import { defineSearch, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, requiredText, type InputShape } from '../../src/core/input';
import { toE164 } from '../../src/core/phone';
import { findContactByMobile } from '../../src/providers/stratustexting/api';
import { defaultCountryField, defaultCountryShape } from '../../src/providers/stratustexting/contact-fields';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  { key: 'mobile', label: 'Mobile Number', required: true, helpText: 'The mobile number to look for, e.g. `(949) 555-0111`.' },
  defaultCountryField,
]);

const inputShape = schema.object({
  mobile: requiredText('The mobile number'),
  default_country: defaultCountryShape,
} satisfies InputShape<typeof inputFields>);

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by mobile number.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const { mobile, default_country: defaultCountry } = parseInput(inputShape, bundle.inputData, inputFields);
      const contact = await findContactByMobile(z, toE164(mobile, { field: 'Mobile Number', defaultCountry }));
      return contact ? [contact] : [];
    },
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
