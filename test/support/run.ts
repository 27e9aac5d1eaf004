import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';

/**
 * The one way tests reach an integration's code: through Zapier's runtime (`createAppTester`),
 * naming the operation by its key, as Zapier does. A key or method the definition lacks fails the
 * test with that name, not with "undefined is not a function".
 */

/** The parts of a bundle a test sets; the runtime fills the rest. */
export type TestBundle = Partial<Record<keyof Bundle, unknown>>;

type Kind = 'triggers' | 'creates' | 'searches';
type Method = 'perform' | 'performList' | 'performSubscribe' | 'performUnsubscribe';
type Step = (z: ZObject, bundle: Bundle) => unknown;

/** Runs a step with a fresh `z.cache`, as a new Zap run would find it. */
export interface RunOptions {
  freshCache?: boolean;
  /**
   * Runs the step against Zapier's cache service (its RPC, which the test answers with nock: see
   * `test/support/zapier-cache.ts`) rather than the runtime's in-memory stand-in, which ignores a
   * cache scope and "store only if absent".
   */
  zapierCache?: boolean;
}

export interface Runner {
  create<T = unknown>(key: string, bundle?: TestBundle, options?: RunOptions): Promise<T>;
  search<T = unknown>(key: string, bundle?: TestBundle, options?: RunOptions): Promise<T>;
  /** A trigger's `perform`: a poll, or an instant trigger's handling of a delivered event. */
  trigger<T = unknown>(key: string, bundle?: TestBundle, options?: RunOptions): Promise<T>;
  /** An instant trigger's `performList`: the samples and the poll that backs it. */
  triggerList<T = unknown>(key: string, bundle?: TestBundle, options?: RunOptions): Promise<T>;
  subscribe<T = unknown>(key: string, bundle?: TestBundle, options?: RunOptions): Promise<T>;
  unsubscribe<T = unknown>(key: string, bundle?: TestBundle, options?: RunOptions): Promise<T>;
  /** The connection test. */
  connectionTest<T = unknown>(bundle?: TestBundle): Promise<T>;
  /** The connection label, when it is a function. */
  connectionLabel<T = unknown>(bundle?: TestBundle): Promise<T>;
  authorizeUrl(bundle?: TestBundle): Promise<string>;
  getAccessToken<T = unknown>(bundle?: TestBundle): Promise<T>;
  refreshAccessToken<T = unknown>(bundle?: TestBundle): Promise<T>;
  /** A session-auth integration's token exchange (`sessionConfig.perform`). */
  startSession<T = unknown>(bundle?: TestBundle): Promise<T>;
  /** A function of the test's own, run inside this integration's runtime (its middleware included). */
  inZap<T = unknown>(step: (z: ZObject, bundle: Bundle) => T | Promise<T>, bundle?: TestBundle): Promise<T>;
}

type Definition = Record<string, unknown> & { flags?: Record<string, unknown> };

/** Every place in `node` that holds `target`, as dotted paths. */
function placesOf(node: unknown, target: unknown, path: string[] = [], ancestors: unknown[] = []): string[] {
  if (node === target) return [path.join('.')];
  if (!node || typeof node !== 'object' || ancestors.includes(node)) return [];
  return Object.entries(node).flatMap(([key, child]) => placesOf(child, target, [...path, key], [...ancestors, node]));
}

/**
 * The function at `path`. appTester finds a function's place again by looking for it in the
 * definition, so a function that also sits at another key would run as that key: refused.
 */
function functionAt(definition: Definition, path: string[]): Step {
  let node: unknown = definition;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'function') throw new Error(`The integration has no function at ${path.join('.')}.`);
  const places = placesOf(definition, node);
  if (places.length > 1)
    throw new Error(
      `The function at ${path.join('.')} also sits at ${places.filter((place) => place !== path.join('.')).join(', ')}: give each its own function.`,
    );
  return node as Step;
}

/**
 * A runner for `definition`. Core's logging patch of http(s).request outlives a test file and
 * captures its nock; it only logs, so the runner turns it off.
 */
export function runner(definition: object): Runner {
  const app: Definition = { ...(definition as Definition), flags: { ...(definition as Definition).flags, skipHttpPatch: true } };
  const appTester = createAppTester(app);
  // The definition does not change: each path is looked up, and checked for a twin, once.
  const found = new Map<string, Step>();
  const stepAt = (path: string[]) => {
    const step = found.get(path.join('.')) ?? functionAt(app, path);
    found.set(path.join('.'), step);
    return step;
  };
  // The runtime reads the stand-in when a step starts: without it, the step calls Zapier's RPC.
  const inMemoryCache = appTester as unknown as { zcacheTestObj?: object };
  const run = async <T>(path: string[], bundle: TestBundle = {}, options: RunOptions = {}) => {
    if (!options.zapierCache) return appTester(stepAt(path), bundle as never, options.freshCache ?? false) as Promise<T>;
    const standIn = inMemoryCache.zcacheTestObj;
    inMemoryCache.zcacheTestObj = undefined;
    try {
      return (await appTester(stepAt(path), bundle as never)) as T;
    } finally {
      inMemoryCache.zcacheTestObj = standIn;
    }
  };
  const operation =
    (kind: Kind, method: Method) =>
    <T>(key: string, bundle?: TestBundle, options?: RunOptions) =>
      run<T>([kind, key, 'operation', method], bundle, options);

  return {
    create: operation('creates', 'perform'),
    search: operation('searches', 'perform'),
    trigger: operation('triggers', 'perform'),
    triggerList: operation('triggers', 'performList'),
    subscribe: operation('triggers', 'performSubscribe'),
    unsubscribe: operation('triggers', 'performUnsubscribe'),
    connectionTest: (bundle) => run(['authentication', 'test'], bundle),
    connectionLabel: (bundle) => run(['authentication', 'connectionLabel'], bundle),
    authorizeUrl: (bundle) => run<string>(['authentication', 'oauth2Config', 'authorizeUrl'], bundle),
    getAccessToken: (bundle) => run(['authentication', 'oauth2Config', 'getAccessToken'], bundle),
    refreshAccessToken: (bundle) => run(['authentication', 'oauth2Config', 'refreshAccessToken'], bundle),
    startSession: (bundle) => run(['authentication', 'sessionConfig', 'perform'], bundle),
    inZap: (step, bundle = {}) => appTester(step, bundle as never),
  };
}
