import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENDPOINTS, pathPattern, requestTable } from '../../tools/endpoints';

/**
 * One list, three places: the code's `ASSUMPTION: [tag]` markers, the rows of docs/providers.md,
 * and the list of requests in tools/endpoints. Each test names what is out of step.
 */

const ROOT = join(__dirname, '..', '..');
const SHIPPED = ['src', 'creates', 'searches', 'triggers'];
const docs = readFileSync(join(ROOT, 'docs', 'providers.md'), 'utf8');

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const shippedFiles = SHIPPED.flatMap((directory) => filesUnder(join(ROOT, directory)));
const markers = shippedFiles.flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(/ASSUMPTION:\s*(\[([a-z0-9-]+)\])?/g)].map((match) => ({
    file: path.slice(ROOT.length + 1),
    tag: match[2],
  })),
);
const codeTags = new Set(markers.flatMap((marker) => (marker.tag ? [marker.tag] : [])));
/** The tag that opens each row of an assumptions table. */
const docRows = [...docs.matchAll(/^\| `\[([a-z0-9-]+)\]`/gm)].map((match) => match[1] ?? '');

describe('the ASSUMPTION markers and docs/providers.md', () => {
  it('tags every marker in shipped code, `ASSUMPTION: [tag]`, so the docs row can be found', () => {
    expect(markers.filter((marker) => !marker.tag).map((marker) => marker.file)).toEqual([]);
    expect(markers.length).toBeGreaterThan(40);
  });

  it('gives each tag in the code exactly one row in docs/providers.md', () => {
    expect([...codeTags].filter((tag) => !docRows.includes(tag))).toEqual([]);
    expect(docRows.filter((tag, index) => docRows.indexOf(tag) !== index)).toEqual([]);
  });

  it('has no row for an assumption the code no longer makes', () => {
    expect(docRows.filter((tag) => !codeTags.has(tag))).toEqual([]);
  });
});

describe('the list of requests (tools/endpoints)', () => {
  it.each(Object.entries(ENDPOINTS))('%s: docs/providers.md shows it, each request once', (_key, endpoints) => {
    expect(docs).toContain(requestTable(endpoints));
    const requests = endpoints.map((endpoint) => endpoint.request);
    expect(requests.filter((request, index) => requests.indexOf(request) !== index)).toEqual([]);
  });

  it.each(Object.entries(ENDPOINTS))('%s: names only assumptions the code marks', (_key, endpoints) => {
    expect(endpoints.flatMap((endpoint) => endpoint.assumptions).filter((tag) => !codeTags.has(tag))).toEqual([]);
  });

  it.each(Object.entries(ENDPOINTS))('%s: holds every path its api.ts writes', (key, endpoints) => {
    const source = readFileSync(join(ROOT, 'src', 'providers', key, 'api.ts'), 'utf8');
    // Quoted paths; `${…}` becomes a parameter. Event filters (`/orgId/…`) are strings sent, not requests.
    const paths = [...source.matchAll(/['`](\/[a-z_][^'`]*)['`]/g)]
      .map((match) => (match[1] ?? '').replace(/\$\{[^}]*\}/g, '{param}'))
      .filter((path) => !path.startsWith('/orgId/'));
    expect(paths.length).toBeGreaterThan(1);
    const unlisted = paths.filter((path) => !endpoints.some((endpoint) => pathPattern(endpoint).test(path)));
    expect(unlisted).toEqual([]);
  });
});
