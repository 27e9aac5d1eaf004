/** List Countries (shared, hidden): the source of the Default Country dropdowns. */
export { countryList as default } from '../../src/core/country-list';
