import type { App } from 'zapier-platform-core';

/** The catalogue: each integration by provider key, loaded only when asked for. */
export const integrationLoaders = {
  stratustexting: () => require('./src/providers/stratustexting/integration').default as App,
  commpeak: () => require('./src/providers/commpeak/integration').default as App,
  'sms-extension': () => require('./src/providers/sms-extension/integration').default as App,
};

export type ProviderKey = keyof typeof integrationLoaders;
export const providerKeys = Object.keys(integrationLoaders) as ProviderKey[];
