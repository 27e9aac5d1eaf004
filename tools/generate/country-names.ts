import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCountries } from 'libphonenumber-js/min';

/**
 * The Default Country dropdown's countries: every country libphonenumber knows, by ISO code, named
 * in English by `Intl.DisplayNames`, sorted by name. Written to a source file once, here, so that
 * opening the dropdown names nothing and every runtime names them alike.
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
    '/** Every country a number can belong to: ISO code → English name, sorted by name (the Default Country dropdown). */',
    'export const COUNTRY_NAMES: Record<string, string> = {',
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
