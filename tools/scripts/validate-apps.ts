import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { providerKeys } from '../../index';

// Schema validation of every integration, offline (style checks need Zapier's servers).
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'node_modules', '.bin', 'zapier-platform');
let failed = 0;
for (const key of providerKeys) {
  const cwd = join(root, 'apps', key);
  try {
    execFileSync(cli, ['validate', '--without-style'], { cwd, stdio: 'inherit', env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' } });
  } catch {
    failed += 1;
    console.error(`apps/${key}: validation failed`);
  }
}
if (failed > 0) process.exit(1);
