import { toE164 } from '../../core/phone';

/** A UK number as people type it (`07400 900123`, `+44 7400 900123`) in E.164; others are refused naming `field`. */
export function ukNumber(input: string, field: string): string {
  return toE164(input, { field, defaultCountry: 'GB', onlyCountry: 'GB', assignedOnly: true });
}
