import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { providerKeys } from '../index';

// Each apps/<key> must be self-contained for `zapier-platform build|push`, which zips only that
// folder: copy the compiled integration code into it (not the sandbox, tour or test tooling).
const root = join(__dirname, '..', '..');
for (const key of providerKeys) {
  const target = join(root, 'apps', key, 'dist');
  rmSync(target, { recursive: true, force: true });
  for (const part of ['src/core', 'src/providers', 'triggers', 'creates', 'searches']) {
    cpSync(join(root, 'dist', part), join(target, part), { recursive: true });
  }
}
console.log(`Staged the build into ${providerKeys.map((key) => `apps/${key}`).join(', ')}.`);
