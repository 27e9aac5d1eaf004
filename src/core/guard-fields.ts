import type { z as schema } from 'zod';
import { optionalBoolean, optionalPositiveInteger, optionalText } from './input';
import { QUIET_HOURS_LABEL, parseQuietHours } from './quiet-hours';

/** The cost and compliance options every Send SMS offers, after the provider's own fields. */
export const guardFields = [
  {
    key: 'gsm7_replace',
    label: 'Replace Characters Outside GSM-7',
    type: 'boolean',
    required: false,
    default: 'no',
    helpText:
      "Yes replaces smart quotes, dashes, ellipses, non-breaking spaces and similar characters with their plain GSM-7 equivalents before sending (Twilio's Smart Encoding table), so one stray `’` does not turn the message into UCS-2, which fits 70 characters per segment instead of 160. The output shows the text sent and what was replaced.",
  },
  {
    key: 'max_segments',
    label: 'Max Segments',
    type: 'integer',
    required: false,
    helpText:
      'The most SMS segments one message may cost, in digits, e.g. `2`. A longer message is not sent: the step fails, naming its segment count. Blank means no limit.',
  },
  {
    key: 'quiet_hours',
    label: QUIET_HOURS_LABEL,
    required: false,
    helpText:
      "Hours during which no SMS goes out, in each recipient's local time, as `HH:MM-HH:MM` (24-hour clock; may wrap past midnight), e.g. `21:00-08:00`. The time zone comes from the number; where a number may be in several zones, it is held if any of them is inside the window: a mobile number may be anywhere in its country (e.g. any of Australia's zones) unless its country's mobiles keep an area code (as in Brazil or Mexico), and a toll-free number anywhere its calling code reaches. The output names, for each number held, a zone inside the window, its local time there, and how many zones the number may be in. Recipients inside the window are not texted and the output lists them; when that is every recipient, the step stops (Zap history shows it as stopped, not failed) and says when the window ends. Blank means no quiet hours.",
  },
] as const;

export const guardShape = {
  gsm7_replace: optionalBoolean(),
  max_segments: optionalPositiveInteger(),
  quiet_hours: optionalText().transform((typed) => (typed === undefined ? undefined : parseQuietHours(typed))),
};

export const guardSample = { non_gsm_characters: [], replaced_characters: [], duplicates_dropped: [], quiet_hours_held: [] };

export const guardOutputFields = [
  { key: 'non_gsm_characters[]', label: 'Characters Outside GSM-7 (Forced UCS-2)' },
  { key: 'replaced_characters[]', label: 'Characters Replaced for GSM-7' },
  { key: 'duplicates_dropped[]', label: 'Duplicate Numbers Dropped' },
  { key: 'quiet_hours_held[]', label: 'Not Texted (Quiet Hours)' },
] as const;

export type GuardInput = schema.infer<schema.ZodObject<typeof guardShape>>;
