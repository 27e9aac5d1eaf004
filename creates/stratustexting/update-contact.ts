import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { optionalText, parseInput, type InputShape } from '../../src/core/input';
import { toE164 } from '../../src/core/phone';
import { updateContact } from '../../src/providers/stratustexting/api';
import { contactDetailFields, contactDetailShape, defaultCountryField } from '../../src/providers/stratustexting/contact-fields';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  {
    key: 'contact_id',
    label: 'Contact',
    required: false,
    dynamic: 'contact_list.id.display_name',
    search: 'find_contact.id',
    helpText: 'The contact to change: pick one, or add a Find Contact step. Give this or the mobile number.',
  },
  {
    key: 'mobile',
    label: 'Mobile Number',
    required: false,
    helpText:
      "The mobile number of the contact to change, when no Contact is chosen. With a Contact chosen, this becomes the contact's new number.",
  },
  ...contactDetailFields,
  defaultCountryField,
]);

const inputShape = schema.object({
  contact_id: optionalText(),
  mobile: optionalText(),
  ...contactDetailShape,
} satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description: 'Changes the details of an existing contact, found by its ID or mobile number. Blank fields are left as they are.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const {
        contact_id: contactId,
        mobile: typedMobile,
        default_country: defaultCountry,
        ...details
      } = parseInput(inputShape, bundle.inputData, inputFields);
      const mobile = typedMobile === undefined ? undefined : toE164(typedMobile, { field: 'Mobile Number', defaultCountry });
      if (Object.values(details).every((value) => value === undefined) && !(contactId && mobile)) {
        throw inputError(
          'First Name',
          'fill in at least one detail to change (a name, Email, Company, Notes, or a new Mobile Number with the Contact).',
        );
      }
      if (contactId) return updateContact(z, { id: contactId }, { ...details, mobile });
      if (mobile) return updateContact(z, { mobile }, details);
      throw inputError('Contact', 'choose the Contact or give the Mobile Number of the contact to change.');
    },
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
