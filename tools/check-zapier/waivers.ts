import type { Finding } from './definition';

/**
 * Findings known and owned elsewhere, each with its reason. The checker prints them as waived and
 * does not fail on them; remove a waiver as soon as its reason is gone.
 */
export interface Waiver {
  integration: string;
  code: string;
  where: string;
  reason: string;
}

const NO_ORGANIZATION_LIST =
  'No StratusTexting API lists organizations. The field is asked for only when the sites list (the one list there is) cannot say which organization a department belongs to, so a dropdown fed by that list would be empty exactly when the field is needed.';

export const waivers: Waiver[] = ['new_inbound_message', 'new_outbound_message', 'new_contact', 'updated_contact', 'deleted_contact'].map(
  (trigger) => ({
    integration: 'stratustexting',
    code: 'D004',
    where: `triggers.${trigger}.inputFields.organization_id`,
    reason: NO_ORGANIZATION_LIST,
  }),
);

export function waiverFor(integration: string, finding: Finding, list: readonly Waiver[] = waivers): Waiver | undefined {
  return list.find((waiver) => waiver.integration === integration && waiver.code === finding.code && waiver.where === finding.where);
}
