import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { stageApp } from '../../tools/scripts/stage-apps';

const ROOT = resolve(__dirname, '..', '..');
const SHIPPED = ['src', 'triggers', 'creates', 'searches'];
const PROVIDERS = ['stratustexting', 'commpeak', 'sms-extension'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative module a file imports or requires, as a path from the repository root. */
function relativeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|require\()\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1] as string);
  return specifiers.map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)));
}

const shippedFiles = SHIPPED.flatMap(sourceFiles);

describe('what ships', () => {
  it('finds the shipped code', () => {
    expect(shippedFiles.length).toBeGreaterThan(40);
  });

  it.each(shippedFiles)('%s imports nothing from tools/ or test/', (file) => {
    const outside = relativeImports(file).filter((target) => !SHIPPED.some((part) => target.startsWith(`${part}/`)));
    expect(outside).toEqual([]);
  });

  it.each(shippedFiles.filter((file) => PROVIDERS.some((key) => file.includes(`/${key}/`))))(
    "%s imports no other provider's code",
    (file) => {
      const own = PROVIDERS.find((key) => file.includes(`/${key}/`));
      const foreign = relativeImports(file).filter((target) => PROVIDERS.some((key) => key !== own && target.includes(`/${key}/`)));
      expect(foreign).toEqual([]);
    },
  );
});

describe('what each apps/<key>/dist/integration.js bundles (npm run build)', () => {
  let apps: string;
  beforeAll(() => {
    apps = mkdtempSync(join(tmpdir(), 'apps-'));
  });
  afterAll(() => rmSync(apps, { recursive: true, force: true }));

  it.each(PROVIDERS)('%s: its own code, the core and its packages; no other provider, no tooling, not zapier-platform-core', (key) => {
    const bundled = stageApp(ROOT, key, apps);
    const ours = bundled.filter((file) => !file.startsWith('node_modules/'));
    expect(ours.filter((file) => !SHIPPED.some((part) => file.startsWith(`${part}/`)))).toEqual([]);
    expect(ours.filter((file) => PROVIDERS.some((other) => other !== key && file.includes(`/${other}/`)))).toEqual([]);
    expect(ours).toEqual(expect.arrayContaining([`src/providers/${key}/integration.ts`, 'src/core/time-zones.json']));
    const packages = new Set(bundled.map((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1]).filter(Boolean));
    expect([...packages].sort()).toEqual(['grapheme-splitter', 'libphonenumber-js', 'sms-segments-calculator', 'zod']);
  });

  it.each(PROVIDERS)(
    '%s: one copy of libphonenumber-js (its ES modules), the full metadata only as the JSON Quiet Hours requires',
    (key) => {
      const phoneFiles = stageApp(ROOT, key, apps).filter((file) => file.startsWith('node_modules/libphonenumber-js/'));
      expect(
        phoneFiles.filter(
          (file) =>
            !/^node_modules\/libphonenumber-js\/(es6|core|min)\//.test(file) && !file.endsWith('.json') && !file.endsWith('.json.js'),
        ),
      ).toEqual([]);
      expect(phoneFiles.filter((file) => file.endsWith('.json'))).toEqual(['node_modules/libphonenumber-js/metadata.max.json']);
    },
  );
});
