import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
import { inputError } from './input-error';

export interface PhoneRules {
  /** The field label the user sees, quoted in errors. */
  field: string;
  /** Two-letter ISO country assumed when a number has no country code. */
  defaultCountry?: string;
  /** Accept only numbers of this country (ISO code). */
  onlyCountry?: string;
  /** Accept only numbers in ranges carriers assign (valid), not merely of the right length (possible). */
  assignedOnly?: boolean;
}

const COUNTRY_CODE = /^[A-Za-z]{2}$/;

function countryOf(code: string | undefined, field: string): CountryCode | undefined {
  if (code === undefined || code.trim() === '') return undefined;
  const upper = code.trim().toUpperCase();
  if (!COUNTRY_CODE.test(upper) || !isSupportedCountry(upper)) {
    throw inputError(field, `"${code}" is not a two-letter country code (for example US or GB).`);
  }
  return upper;
}

/** A possible number outside assigned ranges has no country, only a calling code. */
function belongsTo(parsed: PhoneNumber, country: CountryCode): boolean {
  return parsed.country ? parsed.country === country : parsed.countryCallingCode === getCountryCallingCode(country);
}

/**
 * Reads a number as typed. Digits without `+` are read in `country` first, and that reading wins
 * when it is a valid number. Otherwise the digits may be an international number written without
 * its `+` (`972524265292`, the form CommPeak's own documentation uses): that reading is taken when
 * it is valid, or when it is possible and the reading in `country` cannot be a number at all.
 */
function readNumber(typed: string, country: CountryCode | undefined): PhoneNumber | undefined {
  const national = parsePhoneNumberFromString(typed, country);
  if (typed.startsWith('+') || national?.isValid()) return national;
  const digits = typed.replace(/[\s().-]/g, '');
  if (!/^\d+$/.test(digits)) return national;
  const international = parsePhoneNumberFromString(`+${digits}`);
  if (international?.isValid()) return international;
  return international?.isPossible() && !national?.isPossible() ? international : national;
}

/**
 * Turns a number as people type it ("(949) 555-0100", "+44 7400 900123", "07400900123")
 * into E.164 ("+19495550100"). Rejects, quoting the input, what cannot be a phone number.
 * Possible (right length for its country) is the bar unless `assignedOnly` asks for a number in
 * an assigned range: carriers' metadata lags, so the stricter rule is for providers that refuse
 * unassigned ranges themselves.
 */
export function toE164(input: string, rules: PhoneRules): string {
  const typed = input.trim();
  if (typed === '') throw inputError(rules.field, 'a phone number is required.');
  const defaultCountry = countryOf(rules.defaultCountry, 'Default Country');
  const onlyCountry = countryOf(rules.onlyCountry, rules.field);
  const international = typed.startsWith('00') ? `+${typed.slice(2)}` : typed;
  const parsed = readNumber(international, defaultCountry ?? onlyCountry);
  if (!parsed || !parsed.isPossible() || /[A-Za-z]/.test(typed.replace(/\s*(ext\.?|x)\s*\d+$/i, ''))) {
    const hint =
      defaultCountry || onlyCountry || typed.startsWith('+')
        ? ''
        : ' Include the country code (for example +1 for the US) or set Default Country.';
    throw inputError(rules.field, `"${input}" is not a phone number.${hint}`);
  }
  if (onlyCountry && !belongsTo(parsed, onlyCountry)) {
    throw inputError(rules.field, `"${input}" is not a ${onlyCountry} phone number.`);
  }
  if (rules.assignedOnly && !parsed.isValid()) {
    throw inputError(rules.field, `"${input}" is not a number in use: no carrier is assigned its range. Check the number.`);
  }
  return parsed.number;
}

/** Each item once, by `key`: the first of each, in order, and the repeats that were dropped. */
export function distinctBy<T>(items: readonly T[], key: (item: T) => string): { distinct: T[]; dropped: T[] } {
  const seen = new Set<string>();
  const distinct: T[] = [];
  const dropped: T[] = [];
  for (const item of items) {
    const itemKey = key(item);
    (seen.has(itemKey) ? dropped : distinct).push(item);
    seen.add(itemKey);
  }
  return { distinct, dropped };
}

/** E.164 without the plus: the digits-only international form some providers want. */
export function toInternationalDigits(input: string, rules: PhoneRules): string {
  return toE164(input, rules).slice(1);
}

/** Splits a list of numbers typed in one field (commas, semicolons or new lines) or given as line items. */
export function splitNumbers(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(/[,;\n]/) : input.flatMap((item) => item.split(/[,;\n]/));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
