import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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
