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

export function stratusTextingSandbox(): StratusTextingSandbox {
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
      const match = router.match(request.method, request.path);
      if (match && 'handler' in match) return match.handler({ ...request, params: match.params });
      // API Gateway answers an unknown resource or method this way, before any credential check.
      if (request.path.startsWith(`${STRATUSTEXTING_API_PREFIX}/`)) return json(403, { message: 'Missing Authentication Token' });
      return json(match ? 405 : 404, { message: match ? 'Method Not Allowed' : 'Not Found' });
    },
  };
}
