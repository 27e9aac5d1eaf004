import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCountries } from 'libphonenumber-js/min';

/**
 * The Default Country dropdown's choices: every country libphonenumber knows, by ISO code, named
 * in English by `Intl.DisplayNames`, sorted by name. Written to a source file once, here, so that
 * no step pays for naming 245 countries when Zapier loads the definition.
 */
export function countryNames(): [string, string][] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return getCountries()
    .map((code): [string, string] => [code, `${names.of(code) ?? code} (${code})`])
    .sort(([, a], [, b]) => a.localeCompare(b));
}

export function countryNamesSource(): string {
  const lines = countryNames().map(([code, name]) => `  ${code}: ${JSON.stringify(name)},`);
  return [
    '// Written by `npm run generate:countries` (tools/generate/country-names.ts): do not edit by hand.',
    '/** The Default Country dropdown: ISO code → English name, sorted by name. */',
    'export const COUNTRY_CHOICES: Record<string, string> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

if (require.main === module) {
  const target = join(__dirname, '..', '..', '..', 'src', 'core', 'country-names.ts');
  writeFileSync(target, countryNamesSource());
  console.log(`Wrote ${target}.`);
}
