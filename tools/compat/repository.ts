import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { integrationLoaders, type ProviderKey } from '../../index';
import type { Definition } from '../check-zapier/definition';
import { snapshotOf, type Snapshot } from './snapshot';
import type { CompatInput, Release } from './versions';

/** Where the compatibility check reads and the release writes (release-command.ts): releases/<key>/<version>.json, apps/<key>/package.json, CHANGELOG.md. */

export const releaseFile = (key: string, version: string) => join('releases', key, `${version}.json`);

function readReleases(root: string, key: string): Release[] {
  const folder = join(root, 'releases', key);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      version: name.slice(0, -'.json'.length),
      snapshot: JSON.parse(readFileSync(join(folder, name), 'utf8')) as Snapshot,
    }));
}

export const packageVersion = (packageJson: string): string => (JSON.parse(packageJson) as { version: string }).version;

/** What `npm run check:compat` judges for one integration, read from the repository at root. */
export function readCompatInput(root: string, key: ProviderKey): CompatInput {
  return {
    key,
    releases: readReleases(root, key),
    current: snapshotOf(integrationLoaders[key]() as unknown as Definition),
    version: packageVersion(readFileSync(join(root, 'apps', key, 'package.json'), 'utf8')),
    changelog: readFileSync(join(root, 'CHANGELOG.md'), 'utf8'),
  };
}
