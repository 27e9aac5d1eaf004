import { handleRelay, type RelayEnv } from './relay';

/** The Cloudflare Workers entry point (wrangler.toml's `main`). */
export default {
  fetch: (request: Request, env: RelayEnv): Promise<Response> => handleRelay(request, env),
};
