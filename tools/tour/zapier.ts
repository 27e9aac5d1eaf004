import { join } from 'node:path';
import type { ProviderKey } from '../../index';
import { ranOperation } from './transcript';

type AppHandler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;
// Untyped in core's declarations; it is what `zapier-platform invoke` calls.
const { createAppHandler } = require('zapier-platform-core') as { createAppHandler: (app: unknown) => AppHandler };

/**
 * An integration as Zapier loads it (the staged `apps/<key>/index.js`), run through Zapier's own
 * runtime with the event `zapier-platform invoke` sends: `run('creates.send_sms.operation.perform', bundle)`.
 */
export function deployable(key: ProviderKey) {
  const root = join(__dirname, '..', '..', '..');
  const definition: unknown = require(join(root, 'apps', key, 'index.js'));
  const handler = createAppHandler(definition);
  return {
    async run<T = unknown>(method: string, bundle: Record<string, unknown>): Promise<T> {
      ranOperation(method);
      const response = await handler({ command: 'execute', method, bundle, calledFromCli: true });
      return response.results as T;
    },
  };
}
