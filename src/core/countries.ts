import { getCountries } from 'libphonenumber-js/min';

/**
 * The Default Country dropdown: every country libphonenumber knows, by its ISO code, named in
 * English (`Intl.DisplayNames`), sorted by name. Computed once, when first asked for.
 */
let choices: Record<string, string> | undefined;

export function countryChoices(): Record<string, string> {
  if (choices) return choices;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const named = getCountries().map((code) => [code, `${names.of(code) ?? code} (${code})`] as const);
  choices = Object.fromEntries(named.sort(([, a], [, b]) => a.localeCompare(b)));
  return choices;
}
