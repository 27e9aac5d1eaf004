import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { providerKeys } from '../../index';
import { appConfigIncluding, moduleSyncFiles } from './app-config';

/**
 * Stages apps/<key> for `zapier-platform build|push`, which zips only that folder: its `dist/`
 * is emptied, then gets one file, `integration.js`, bundling that provider's definition with all
 * it imports (the core, zod, libphonenumber-js, the segment calculator, the time-zone table),
 * nothing of the other providers or of the tooling. `zapier-platform-core` stays outside: Zapier
 * requires the app to depend on it, and installs it. Returns the files bundled, relative to
 * `root`.
 */
export function stageApp(root: string, key: string, apps = join(root, 'apps')): string[] {
  const target = join(apps, key, 'dist');
  rmSync(target, { recursive: true, force: true });
  const { metafile } = buildSync({
    entryPoints: [join(root, 'src', 'providers', key, 'integration.ts')],
    outfile: join(target, 'integration.js'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['zapier-platform-core'],
    legalComments: 'inline',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: root,
  });
  return Object.keys(metafile.inputs);
}

if (require.main === module) {
  const root = join(__dirname, '..', '..', '..');
  const includeInBuild = moduleSyncFiles(join(root, 'node_modules'));
  for (const key of providerKeys) {
    stageApp(root, key);
    const appConfig = join(root, 'apps', key, '.zapierapprc');
    writeFileSync(appConfig, appConfigIncluding(existsSync(appConfig) ? readFileSync(appConfig, 'utf8') : undefined, includeInBuild));
  }
  console.log(`Bundled each integration into ${providerKeys.map((key) => `apps/${key}/dist/integration.js`).join(', ')}.`);
}
