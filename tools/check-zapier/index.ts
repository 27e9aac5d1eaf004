import { integrationLoaders, providerKeys } from '../../index';
import { brand } from '../../src/providers/stratustexting/brand';
import { PROVIDER as SMS_EXTENSION } from '../../src/providers/sms-extension/api';
import { checks } from './checks';
import type { Definition } from './definition';
import { report, runChecks } from './run';

/**
 * `npm run check:zapier`: Zapier's published review checks that the definition alone decides, over
 * every integration. Prints each failure with its check code and place; exits 1 if any fails.
 */
const names: Record<(typeof providerKeys)[number], string[]> = {
  stratustexting: [brand().product, 'StratusTexting', 'Beetexting'],
  commpeak: ['CommPeak'],
  'sms-extension': [SMS_EXTENSION],
};

async function main(): Promise<void> {
  let failed = 0;
  for (const key of providerKeys) {
    const definition = integrationLoaders[key]() as unknown as Definition;
    const subject = { key, names: names[key], definition };
    const outcome = await runChecks(subject, checks);
    console.log(report(subject, checks, outcome));
    failed += outcome.failed.length;
  }
  if (failed > 0) process.exitCode = 1;
}

void main();
