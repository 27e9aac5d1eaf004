import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { COUNTRY_NAMES } from './country-names';

/**
 * The Default Country dropdown's source. Listed as 245 static choices in each field, the countries
 * made up most of StratusTexting's definition, which Zapier's runtime copies and freezes twice on
 * every step; served by this hidden trigger, they cost only the steps that open the dropdown.
 */
export const countryList = defineTrigger({
  key: 'country_list',
  noun: 'Country',
  display: {
    label: 'List Countries',
    description: 'Triggers when a country is listed for phone numbers. Fills the Default Country dropdowns.',
    hidden: true,
  },
  operation: {
    // One page holds every country: asked for another, the dropdown gets nothing more to add.
    perform: (_z: ZObject, bundle: Bundle) => (bundle.meta?.page ? [] : Object.entries(COUNTRY_NAMES).map(([id, name]) => ({ id, name }))),
    sample: { id: 'US', name: 'United States (US)' },
    outputFields: [
      { key: 'id', label: 'Country Code' },
      { key: 'name', label: 'Country Name' },
    ],
  },
});

/** A Default Country field, filled by List Countries (the code is the value, the name the label), with its operation's help. */
export function defaultCountryField(helpText: string) {
  return { key: 'default_country', label: 'Default Country', required: false, dynamic: 'country_list.id.name', helpText } as const;
}
