import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerKeys } from '../../index';

// Builds each app's build.zip with Zapier's CLI, as `zapier push` would (it installs the app's
// dependencies from the npm registry, so it needs the network), without the remote style check.
// The CLI then loads the zip it made; this script also runs Quiet Hours from inside the zip, the
// one feature that reads a data file from disk.
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'node_modules', '.bin', 'zapier-platform');
const env = { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' };
const quietHoursProbe = `
const q = require('./dist/src/core/quiet-hours.js');
q.quietHolds(['+12125550100'], q.parseQuietHours('21:00-08:00'), new Date('2026-11-30T03:15:00Z'))
  .then((holds) => console.log(JSON.stringify(holds)));`;

let failed = 0;
for (const key of providerKeys) {
  const cwd = join(root, 'apps', key);
  const unpacked = mkdtempSync(join(tmpdir(), `zip-${key}-`));
  try {
    execFileSync(cli, ['build', '--skip-validation'], { cwd, stdio: 'inherit', env });
    execFileSync('unzip', ['-q', join(cwd, 'build', 'build.zip'), '-d', unpacked]);
    const holds = execFileSync(process.execPath, ['-e', quietHoursProbe], { cwd: unpacked, encoding: 'utf8' }).trim();
    console.log(`apps/${key}/build/build.zip: loads, and Quiet Hours reads its table from the zip: ${holds}`);
  } catch (error) {
    failed += 1;
    console.error(`apps/${key}: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}
if (failed > 0) process.exit(1);
