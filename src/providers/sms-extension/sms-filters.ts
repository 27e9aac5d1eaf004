import { inputError } from '../../core/input-error';
import { toE164 } from '../../core/phone';
import { wireNumber } from './api';

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const NATIONAL_NUMBER = /^0\d+$/;
const TYPED_NUMBER = /^[+\d\s().-]+$/;

/**
 * A `sender` or `receiver` filter of /sms/list, whose documented rule is `[a-zA-Z0-9]`. A phone
 * number typed with `+`, spaces or a leading 0 becomes the international digits the API stores
 * (UK when it has no country code); other letters and digits (a sender id, or digits already in
 * that form) go as typed; anything else is refused, naming `field`.
 */
export function smsListFilter(typed: string | undefined, field: string): string | undefined {
  if (typed === undefined) return undefined;
  if (ALPHANUMERIC.test(typed) && !NATIONAL_NUMBER.test(typed)) return typed;
  if (TYPED_NUMBER.test(typed)) return wireNumber(toE164(typed, { field, defaultCountry: 'GB' }));
  throw inputError(
    field,
    `"${typed}" is neither a sender id nor a phone number: a sender id has only letters A-Z and digits 0-9 (e.g. \`ACMESHOP\`), a number only digits, spaces and \`+\` (e.g. \`07400 900123\`).`,
  );
}
