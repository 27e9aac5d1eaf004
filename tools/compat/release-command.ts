import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { providerKeys, type ProviderKey } from '../../index';
import { prepareRelease } from './release';
import { readCompatInput } from './repository';

/** `npm run release -- <key|all> <version> [--replace]`: see release.ts; `all` releases every integration under that version. */
const root = join(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const replace = args.includes('--replace');
const [named, version] = args.filter((arg) => arg !== '--replace');

/** Writes each file (path relative to root), JSON formatted by the project's Prettier settings so `format:check` passes. */
async function writeFiles(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, path.endsWith('.json') ? await format(text, { ...(await resolveConfig(target)), filepath: target }) : text);
  }
}

async function release(key: ProviderKey, version: string): Promise<void> {
  const outcome = prepareRelease({
    ...readCompatInput(root, key),
    version,
    packageJson: readFileSync(join(root, 'apps', key, 'package.json'), 'utf8'),
    date: new Date().toISOString().slice(0, 10),
    replace,
  });
  if ('refused' in outcome) throw new Error(`${key}: ${outcome.refused}`);
  await writeFiles(outcome.files);
  console.log(`Released ${key} ${version}: wrote ${Object.keys(outcome.files).join(', ')}.`);
}

async function main(): Promise<void> {
  const keys = named === 'all' ? providerKeys : providerKeys.filter((key) => key === named);
  if (keys.length === 0 || version === undefined) {
    throw new Error(`Usage: npm run release -- <${providerKeys.join('|')}|all> <MAJOR.MINOR.PATCH> [--replace]`);
  }
  for (const key of keys) await release(key, version);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
