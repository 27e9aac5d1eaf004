import { toE164 } from '../../core/phone';

/** A UK number as people type it (`07700 900123`, `+44 7700 900123`) in E.164; others are refused naming `field`. */
export function ukNumber(input: string, field: string): string {
  return toE164(input, { field, defaultCountry: 'GB', onlyCountry: 'GB' });
}
