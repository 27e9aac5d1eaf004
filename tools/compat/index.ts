import { join } from 'node:path';
import { providerKeys } from '../../index';
import { readCompatInput } from './repository';
import { judge } from './versions';

/**
 * `npm run check:compat`: each integration's current definition against its last release
 * (releases/<key>/), every change printed with its class; exits 1 when a breaking change comes
 * without a major version, or a version without its CHANGELOG heading and release snapshot.
 */
const root = join(__dirname, '..', '..', '..');
let failed = 0;
for (const key of providerKeys) {
  const input = readCompatInput(root, key);
  const { since, changes, failures } = judge(input);
  const breaking = changes.filter((change) => change.class === 'breaking').length;
  console.log(
    `${key} ${input.version}, since release ${since ?? '(none)'}: ${changes.length} change(s), ${breaking} breaking: ${failures.length === 0 ? 'pass' : 'FAIL'}`,
  );
  for (const change of changes) console.log(`  ${change.class} ${change.rule} ${change.where}: ${change.message}`);
  for (const failure of failures) console.log(`  FAIL ${failure}`);
  failed += failures.length;
}
if (failed > 0) {
  console.log('See CONTRIBUTING.md, "Release without breaking a live Zap".');
  process.exitCode = 1;
}
