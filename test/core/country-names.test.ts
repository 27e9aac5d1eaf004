import { COUNTRY_NAMES } from '../../src/core/country-names';
import { countryNames } from '../../tools/generate/country-names';

describe('the Default Country dropdown', () => {
  it('names every country libphonenumber knows, in English, sorted by name, as the generator writes it', () => {
    expect(Object.entries(COUNTRY_NAMES)).toEqual(countryNames());
  });

  it('offers 245 countries, the United States and the United Kingdom among them', () => {
    expect(Object.keys(COUNTRY_NAMES)).toHaveLength(245);
    expect(COUNTRY_NAMES).toMatchObject({ US: 'United States (US)', GB: 'United Kingdom (GB)' });
  });
});
