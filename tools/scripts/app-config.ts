import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `zapier-platform build` ships only the files its tracer (esbuild) finds `index.js` and Zapier's
 * wrapper requiring, plus those matching the `includeInBuild` patterns of the app's `.zapierapprc`
 * (regular expressions, case-insensitive, tried on each file's path). Our own code and its
 * packages are bundled into one file, so the tracer finds all of it; what it misses is in
 * `zapier-platform-core`'s tree, which stays a package: a `module-sync` entry, which Node 22
 * `require`s while the tracer follows `default` (core's `form-data` → `get-intrinsic` →
 * `async-function`, for one), and the build's own check then stops with "Detected a missing file
 * in build.zip".
 */
const SEP = String.raw`[\\/]`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const packagePath = (name: string, file: string) =>
  ['node_modules', ...name.split('/'), ...file.replace(/^\.\//, '').split('/')].map(escape).join(SEP) + '$';

/** Every file a `module-sync` condition points at, in the packages under `nodeModules`. */
export function moduleSyncFiles(nodeModules: string): string[] {
  const names = readdirSync(nodeModules).flatMap((entry) =>
    entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((scoped) => `${entry}/${scoped}`) : [entry],
  );
  return names.flatMap((name) => {
    const manifest = join(nodeModules, name, 'package.json');
    if (!existsSync(manifest)) return [];
    const targets = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object')
        for (const [condition, value] of Object.entries(node)) {
          if (condition === 'module-sync' && typeof value === 'string') targets.add(value);
          else collect(value);
        }
    };
    collect((JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown }).exports);
    return [...targets].map((target) => packagePath(name, target));
  });
}

/**
 * The `.zapierapprc` to stage: the one already there (`zapier register` or `link` writes the app's
 * id and key into it) with `patterns` added to `includeInBuild`.
 */
export function appConfigIncluding(current: string | undefined, patterns: string[]): string {
  const config = current === undefined ? {} : (JSON.parse(current) as { includeInBuild?: string[] });
  const includeInBuild = [...new Set([...(config.includeInBuild ?? []), ...patterns])];
  return `${JSON.stringify({ ...config, includeInBuild }, null, 2)}\n`;
}
