import type { Check, Finding, Subject } from './definition';
import { waiverFor, type Waiver } from './waivers';

export interface Outcome {
  failed: Finding[];
  waived: { finding: Finding; waiver: Waiver }[];
}

/** Runs the checks over one integration and sets waived findings apart; a check that throws is itself a failure. */
export async function runChecks(subject: Subject, checks: readonly Check[], waivers?: readonly Waiver[]): Promise<Outcome> {
  const outcome: Outcome = { failed: [], waived: [] };
  for (const check of checks) {
    let findings: Finding[];
    try {
      findings = await check.run(subject);
    } catch (error) {
      findings = [{ code: check.code, where: '(the check itself)', message: `could not run: ${(error as Error).message}` }];
    }
    for (const finding of findings) {
      const waiver = waiverFor(subject.key, finding, waivers);
      if (waiver) outcome.waived.push({ finding, waiver });
      else outcome.failed.push(finding);
    }
  }
  return outcome;
}

export function report(subject: Subject, checks: readonly Check[], outcome: Outcome): string {
  const codes = [...new Set(checks.map((check) => check.code))];
  const verdict = outcome.failed.length === 0 ? 'all pass' : `${outcome.failed.length} failed`;
  return [
    `${subject.key}: ${checks.length} checks (${codes.join(' ')}): ${verdict}${outcome.waived.length > 0 ? `, ${outcome.waived.length} waived` : ''}`,
    ...outcome.failed.map((finding) => `  FAIL ${finding.code} ${finding.where}: ${finding.message}`),
    ...outcome.waived.map(({ finding, waiver }) => `  waived ${finding.code} ${finding.where}: ${finding.message} (${waiver.reason})`),
  ].join('\n');
}
