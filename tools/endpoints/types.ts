/**
 * The one list of every request an integration sends: each is documented (the public source's
 * short name in docs/providers.md, and its words) or rests on assumptions only. Tags name the
 * `ASSUMPTION: [tag]` markers in the code and the rows of docs/providers.md; test/docs keeps the
 * three in step, the sandbox's documented-only mode withholds what is not documented, and the
 * probe (tools/probe) reports each request against a real account.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint {
  /** Method and path under the provider's base URL; `{name}` is a path parameter. */
  request: `${Method} /${string}`;
  /** The Zap operations that send it, as a user sees them. */
  usedBy: readonly string[];
  /** `<source>: "<its words>"` when a public document shows this request; absent when none does. */
  documented?: string;
  /** The tags of the assumptions this request rests on: its path, its body, its answer's shape. */
  assumptions: readonly string[];
}

/** The regular expression matching a concrete path against an endpoint's path. */
export function pathPattern(endpoint: Endpoint): RegExp {
  const path = endpoint.request.split(' ')[1] ?? '';
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

export function methodOf(endpoint: Endpoint): Method {
  return endpoint.request.split(' ')[0] as Method;
}

/** The endpoint a request went to, by method and path under the base URL: a literal path (`/contact/all`) before a pattern (`/contact/{id}`). */
export function endpointOf(endpoints: readonly Endpoint[], method: string, path: string): Endpoint | undefined {
  const candidates = endpoints.filter((endpoint) => methodOf(endpoint) === method.toUpperCase() && pathPattern(endpoint).test(path));
  return candidates.find((endpoint) => !endpoint.request.includes('{')) ?? candidates[0];
}

/** The table docs/providers.md carries for a provider, as test/docs/ expects it verbatim. */
export function requestTable(endpoints: readonly Endpoint[]): string {
  const rows = endpoints.map((endpoint) => {
    const status = endpoint.documented ? `documented: ${endpoint.documented}` : '**ASSUMPTION**';
    const tags = endpoint.assumptions.map((tag) => `\`[${tag}]\``).join(' ');
    return `| \`${endpoint.request}\` | ${endpoint.usedBy.join('; ')} | ${status} | ${tags || '—'} |`;
  });
  return ['| request | used by | documented? | assumptions it rests on |', '|---|---|---|---|', ...rows].join('\n');
}
