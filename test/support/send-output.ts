/** What the shared Send SMS adds to its output when no guard had anything to report: no repeat dropped, every character GSM-7, nothing replaced, no one held. */
export const NOTHING_TO_REPORT = { duplicates_dropped: [], non_gsm_characters: [], quiet_hours_held: [], replaced_characters: [] };
