import { join, resolve } from 'node:path';
import { integrationLoaders, providerKeys } from '../../index';

// The rule CONTRIBUTING.md gives a newcomer: an operation with Zapier key `some_key` of kind
// `creates` in integration `p` is exported by `creates/p/some-key.ts`.
const ROOT = resolve(__dirname, '..', '..');
const KINDS = ['triggers', 'creates', 'searches'] as const;

const operations = providerKeys.flatMap((provider) => {
  const app = integrationLoaders[provider]() as unknown as Record<string, Record<string, unknown> | undefined>;
  return KINDS.flatMap((kind) => Object.entries(app[kind] ?? {}).map(([key, operation]) => ({ provider, kind, key, operation })));
});

describe('where an operation lives', () => {
  // Pinned: a new operation raises it (and a loader that found none would not pass unnoticed).
  it('finds every operation of the three integrations', () => {
    expect(operations.length).toBe(35);
  });

  it.each(operations.map((entry) => [`${entry.kind}/${entry.provider}/${entry.key.replace(/_/g, '-')}.ts`, entry] as const))(
    '%s holds the operation its name says, as its default export',
    async (file, { key, operation }) => {
      const module = (await import(join(ROOT, file))) as { default?: { key?: string } };
      expect(module.default?.key).toBe(key);
      expect(module.default).toBe(operation);
    },
  );
});
