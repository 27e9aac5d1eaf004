import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerKeys } from '../../index';
import { appConfigIncluding, DATA_FILES, moduleSyncFiles } from './app-config';

// Each apps/<key> must be self-contained for `zapier-platform build|push`, which zips only that
// folder: copy into it the compiled core and that provider's code, nothing of the other providers
// and none of the tooling (sandbox, tour, reliability harness, benchmark); and list in its
// `.zapierapprc` the files Zapier's build would miss (see app-config.ts).
const root = join(__dirname, '..', '..', '..');
const includeInBuild = [...DATA_FILES, ...moduleSyncFiles(join(root, 'node_modules'))];
for (const key of providerKeys) {
  const target = join(root, 'apps', key, 'dist');
  rmSync(target, { recursive: true, force: true });
  for (const part of ['src/core', `src/providers/${key}`, `triggers/${key}`, `creates/${key}`, `searches/${key}`]) {
    const built = join(root, 'dist', part);
    if (existsSync(built)) cpSync(built, join(target, part), { recursive: true });
  }
  const appConfig = join(root, 'apps', key, '.zapierapprc');
  writeFileSync(appConfig, appConfigIncluding(existsSync(appConfig) ? readFileSync(appConfig, 'utf8') : undefined, includeInBuild));
}
console.log(`Staged the build into ${providerKeys.map((key) => `apps/${key}`).join(', ')}.`);
