import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = join(__dirname, '..', '..', 'relay', 'src');
const files = readdirSync(SOURCE).filter((name) => name.endsWith('.ts'));

describe('the relay deploys to Cloudflare Workers unchanged', () => {
  it('finds its source', () => {
    expect(files.sort()).toEqual(['index.ts', 'relay.ts', 'signed-target.ts']);
  });

  it.each(files)('%s imports only the relay’s own files', (file) => {
    const text = readFileSync(join(SOURCE, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)'([^']+)'/g)].map((match) => match[1]);
    expect(specifiers.filter((specifier) => !/^\.\/[a-z-]+$/.test(specifier ?? ''))).toEqual([]);
  });

  it.each(files)('%s uses no Node-only global', (file) => {
    const text = readFileSync(join(SOURCE, file), 'utf8');
    expect(text.match(/\b(Buffer|process|require|__dirname|global)\b/g)).toBeNull();
  });
});
