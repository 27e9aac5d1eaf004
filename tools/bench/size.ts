import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { providerKeys } from '../../index';
import { appPath, ROOT } from './fixtures';
import { mb, type Row } from './report';

const SIZE_BOUND_BYTES = 5_000_000;

const REQUIRE = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;
const BUILTIN = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** The folder of package `name` as Node would find it from `from` (node_modules up the tree). */
function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** zapier-platform-core and every package it depends on, transitively: Zapier's runtime, not the integration's. */
function runtimePackages(): string[] {
  const core = packageDir('zapier-platform-core', ROOT) as string;
  const found = new Set<string>([core]);
  const queue = [core];
  while (queue.length > 0) {
    const dir = queue.pop() as string;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      const dependency = packageDir(name, dir);
      if (dependency && !found.has(dependency)) {
        found.add(dependency);
        queue.push(dependency);
      }
    }
  }
  return [...found].map((dir) => dir + sep);
}

/**
 * The files a build ships for `entry`: every file reachable through `require('literal')`, as
 * `zapier-platform build` finds them, without the runtime packages.
 */
function requiredFiles(entry: string, excluded: readonly string[]): string[] {
  const files = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file) || excluded.some((dir) => file.startsWith(dir))) continue;
    files.add(file);
    if (!/\.[cm]?js$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(REQUIRE)) {
      const specifier = match[2];
      if (BUILTIN.has(specifier)) continue;
      try {
        queue.push(require.resolve(specifier, { paths: [dirname(file)] }));
      } catch {
        // a require in a comment or string, or an optional module: not shipped
      }
    }
  }
  return [...files];
}

/**
 * Size of each deployable: its definition and the files it requires, without zapier-platform-core's
 * own tree. Beside it, for information, the definition as JSON: what Zapier's runtime deep-copies
 * and freezes twice on every step.
 */
export function measureSize(): Row[] {
  const excluded = runtimePackages();
  const definitions = providerKeys.map((key) => ({
    figure: `definition: apps/${key} as JSON (copied twice per step by the runtime)`,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, loaded as Zapier loads it
    value: `${(JSON.stringify(require(appPath(key))).length / 1000).toFixed(1)} kB`,
    bound: 'information',
  }));
  const deployables = providerKeys.map((key) => {
    const files = requiredFiles(appPath(key), excluded);
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    const byPackage = new Map<string, number>();
    for (const file of files) {
      const inPackage = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1] ?? 'own code';
      byPackage.set(inPackage, (byPackage.get(inPackage) ?? 0) + statSync(file).size);
    }
    const parts = [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .map(([name, size]) => `${name} ${mb(size)}`)
      .join(', ');
    return {
      figure: `size: apps/${key} (${files.length} files: ${parts})`,
      value: mb(bytes),
      bound: `< ${mb(SIZE_BOUND_BYTES)}`,
      pass: bytes < SIZE_BOUND_BYTES,
    };
  });
  return [...deployables, ...definitions];
}
