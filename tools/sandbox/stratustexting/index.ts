import { methodOf } from '../../endpoints';
import { STRATUSTEXTING_ENDPOINTS } from '../../endpoints/stratustexting';
import { json, Router, type SandboxRequest, type Reply } from '../http';
import { addApiRoutes, addSandboxRoutes } from './api';
import { addOAuthRoutes, signedInTokens } from './oauth';
import { StratusTextingState } from './state';
import { WebhookDelivery } from './webhooks';

export const STRATUSTEXTING_PREFIX = '/stratustexting';
/** STRATUSTEXTING_BASE_URL is the sandbox URL plus this. */
export const STRATUSTEXTING_API_PREFIX = `${STRATUSTEXTING_PREFIX}/api`;

export interface StratusTextingSandbox {
  state: StratusTextingState;
  delivery: WebhookDelivery;
  handle(request: Omit<SandboxRequest, 'params'>): Promise<Reply>;
  signedInTokens(): { access_token: string; refresh_token: string };
}

/**
 * The requests no public document shows (tools/endpoints: the one list). In documented-only mode
 * they answer as the real gateway answers a path it lacks.
 */
const ASSUMED_ENDPOINTS: [method: string, path: string][] = STRATUSTEXTING_ENDPOINTS.filter((endpoint) => !endpoint.documented).map(
  (endpoint) => [methodOf(endpoint), (endpoint.request.split(' ')[1] ?? '').replace(/\{([^}]+)\}/g, ':$1')],
);

/** API Gateway's answer for a resource or method it does not have, given before any credential check. */
const missingAuthenticationToken = () => json(403, { message: 'Missing Authentication Token' });

export function stratusTextingSandbox(options: { documentedOnly?: boolean } = {}): StratusTextingSandbox {
  const assumed = new Router();
  for (const [method, path] of ASSUMED_ENDPOINTS) assumed.add(method, `${STRATUSTEXTING_API_PREFIX}${path}`, missingAuthenticationToken);
  const state = new StratusTextingState();
  const delivery = new WebhookDelivery(state);
  const router = new Router();
  addOAuthRoutes(router, STRATUSTEXTING_PREFIX, state);
  addApiRoutes(router, STRATUSTEXTING_API_PREFIX, state, delivery);
  addSandboxRoutes(router, STRATUSTEXTING_PREFIX, state, delivery);
  return {
    state,
    delivery,
    signedInTokens: () => signedInTokens(state),
    async handle(request) {
      const withheld = options.documentedOnly ? assumed.match(request.method, request.path) : undefined;
      if (withheld && 'handler' in withheld) return missingAuthenticationToken();
      const match = router.match(request.method, request.path);
      if (match && 'handler' in match) return match.handler({ ...request, params: match.params });
      // API Gateway answers an unknown resource or method this way, before any credential check.
      if (request.path.startsWith(`${STRATUSTEXTING_API_PREFIX}/`)) return missingAuthenticationToken();
      return json(match ? 405 : 404, { message: match ? 'Method Not Allowed' : 'Not Found' });
    },
  };
}
