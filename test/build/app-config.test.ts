import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appConfigIncluding, moduleSyncFiles } from '../../tools/scripts/app-config';

/** What `zapier-platform build` does with `includeInBuild`: each entry is a case-insensitive regular expression tried on each file's path. */
const shipped = (config: string, path: string) =>
  (JSON.parse(config).includeInBuild as string[]).some((pattern) => new RegExp(pattern, 'i').test(path));

describe("each app's .zapierapprc, as staged", () => {
  const staged = appConfigIncluding(undefined, moduleSyncFiles(join(__dirname, '..', '..', 'node_modules')));

  it("ships the file Node 22 requires for core's async-function (its module-sync entry), which the build's tracer misses", () => {
    expect(shipped(staged, '/tmp/b/node_modules/async-function/require.mjs')).toBe(true);
    expect(shipped(staged, '/tmp/b/node_modules/async-function/index.mjs')).toBe(false);
  });

  it('keeps the app id and key that `zapier register` wrote, and patterns already listed, once each', () => {
    const registered = JSON.stringify({ id: 231874, key: 'App231874', includeInBuild: ['extra\\.json$'] });
    expect(JSON.parse(appConfigIncluding(appConfigIncluding(registered, ['a\\.bson$']), ['a\\.bson$']))).toEqual({
      id: 231874,
      key: 'App231874',
      includeInBuild: ['extra\\.json$', 'a\\.bson$'],
    });
  });
});

describe('the module-sync entries of installed packages', () => {
  let nodeModules: string;
  beforeEach(() => {
    nodeModules = mkdtempSync(join(tmpdir(), 'node-modules-'));
  });
  afterEach(() => rmSync(nodeModules, { recursive: true, force: true }));

  const install = (name: string, manifest: object) => {
    mkdirSync(join(nodeModules, name), { recursive: true });
    writeFileSync(join(nodeModules, name, 'package.json'), JSON.stringify(manifest));
  };

  it('lists each module-sync target, nested conditions and scoped packages included, as a path pattern', () => {
    install('plain', { main: 'index.js' });
    install('dual', { exports: { '.': [{ 'module-sync': './require.mjs', import: './index.mjs', default: './index.js' }, './index.js'] } });
    install('@scope/deep', { exports: { '.': { node: { 'module-sync': './lib/sync.mjs', default: './lib/index.js' } } } });
    const patterns = moduleSyncFiles(nodeModules).sort();
    expect(patterns).toEqual([
      String.raw`node_modules[\\/]@scope[\\/]deep[\\/]lib[\\/]sync\.mjs$`,
      String.raw`node_modules[\\/]dual[\\/]require\.mjs$`,
    ]);
    expect(new RegExp(patterns[1] as string, 'i').test('C:\\build\\node_modules\\dual\\require.mjs')).toBe(true);
  });
});
