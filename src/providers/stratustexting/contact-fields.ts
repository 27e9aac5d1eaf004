import { z as schema } from 'zod';
import { defaultCountryField as countryField } from '../../core/country-list';
import { optionalText, type InputShape } from '../../core/input';

/** The editable contact fields, shared by Create or Update Contact and Update Contact. */
export const contactDetailFields = [
  { key: 'first_name', label: 'First Name', required: false, helpText: 'Given name, e.g. `Sam`.' },
  { key: 'last_name', label: 'Last Name', required: false, helpText: 'Family name, e.g. `Rivera`.' },
  { key: 'email', label: 'Email', required: false, helpText: "The contact's e-mail address, e.g. `sam@example.com`." },
  { key: 'company', label: 'Company', required: false, helpText: 'The company the contact works for.' },
  { key: 'notes', label: 'Notes', required: false, type: 'text', helpText: 'Free-form notes shown on the contact.' },
] as const;

/** StratusTexting is a US product: a number typed without a country code is a US number unless the step says otherwise. */
export const DEFAULT_COUNTRY = 'US';

export const defaultCountryShape = optionalText().transform((value) => value ?? DEFAULT_COUNTRY);

export const defaultCountryField = countryField(
  'The country of phone numbers typed without a country code, e.g. `(949) 555-0111`. Blank means the United States.',
);

export const contactDetailShape = {
  first_name: optionalText(),
  last_name: optionalText(),
  email: optionalText().pipe(schema.string().email({ message: 'is not an e-mail address.' }).optional()),
  company: optionalText(),
  notes: optionalText(),
  default_country: defaultCountryShape,
} satisfies InputShape<[...typeof contactDetailFields, typeof defaultCountryField]>;
