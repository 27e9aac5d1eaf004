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

const SEND_OUTPUTS = 'Send outputs are being reworked to report each message as accepted, not sent or outcome unknown (branch "outcomes").';

// The sites list is the only source of organizations; this field is for when it cannot be read, so
// a dropdown fed by it would be empty exactly when the field is needed. Typed, as its help text says.
const ORGANIZATION_FALLBACK =
  'Organization ID is the typed fallback for when the sites list (the only source of organizations) cannot be read; a dropdown would be empty exactly then.';

export const waivers: Waiver[] = [
  ...['new_inbound_message', 'new_outbound_message', 'new_contact'].map((trigger) => ({
    integration: 'stratustexting',
    code: 'D004',
    where: `triggers.${trigger}.inputFields.organization_id`,
    reason: ORGANIZATION_FALLBACK,
  })),
  { integration: 'stratustexting', code: 'PR-5.3', where: 'creates.send_sms.operation.sample', reason: SEND_OUTPUTS },
  { integration: 'stratustexting', code: 'PR-5.3', where: 'creates.send_mms.operation.sample', reason: SEND_OUTPUTS },
];

export function waiverFor(integration: string, finding: Finding, list: readonly Waiver[] = waivers): Waiver | undefined {
  return list.find((waiver) => waiver.integration === integration && waiver.code === finding.code && waiver.where === finding.where);
}
