import nock from 'nock';

/** One call a step made to Zapier's cache: `params` are a get's key and scope, or a set's key, value (JSON), ttl, scope and "only if absent". */
export interface CacheCall {
  method: string;
  params: unknown[];
}

/**
 * Zapier's cache service (the RPC behind `z.cache`) as nock answers it for steps run with
 * `{ zapierCache: true }`: it keeps a value per key and scope, honours "store only if absent"
 * (answering false when the key was taken), and records every call with its exact parameters.
 */
export function zapierCacheService(): CacheCall[] {
  // The runtime calls the RPC only with a deploy key (or a run's token).
  process.env.ZAPIER_DEPLOY_KEY ??= 'test-deploy-key';
  const calls: CacheCall[] = [];
  const store = new Map<string, unknown>();
  nock('https://rpc.zapier.com')
    .persist()
    .post('/cli')
    .reply(200, (_path, body) => {
      // The runtime sends the JSON without a content type, so nock hands it over as text.
      const { id, method, params } = JSON.parse(String(body)) as { id: string; method: string; params: unknown[] };
      calls.push({ method, params });
      if (method === 'zcache_get') {
        const [key, scope] = params;
        return { id, result: store.get(JSON.stringify([scope ?? null, key])) ?? null };
      }
      if (method !== 'zcache_set') return { id, error: `unexpected method ${method}` };
      const [key, value, , scope, onlyIfAbsent] = params;
      const slot = JSON.stringify([scope ?? null, key]);
      if (onlyIfAbsent === true && store.has(slot)) return { id, result: false };
      store.set(slot, value);
      return { id, result: true };
    });
  return calls;
}
