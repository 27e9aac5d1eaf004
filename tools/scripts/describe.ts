import { join } from 'node:path';
import { providerKeys } from '../../index';

interface Operation {
  key: string;
  display: { label: string; hidden?: boolean };
  operation: { type?: string };
}

interface Definition {
  version: string;
  platformVersion: string;
  authentication?: { type: string };
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
}

function list(title: string, operations: Record<string, Operation> | undefined): string[] {
  const visible = Object.values(operations ?? {}).filter((operation) => !operation.display.hidden);
  if (visible.length === 0) return [];
  return [
    `  ${title}:`,
    ...visible.map((operation) => {
      const kind = operation.operation.type === 'hook' ? ' (instant)' : '';
      return `    ${operation.key.padEnd(24)} ${operation.display.label}${kind}`;
    }),
  ];
}

// What each deployable integration offers, loaded the way Zapier loads it: through apps/<key>/index.js.
const root = join(__dirname, '..', '..', '..');
for (const key of providerKeys) {
  const definition = require(join(root, 'apps', key, 'index.js')) as Definition;
  console.log(
    [
      `${key} ${definition.version} (zapier-platform-core ${definition.platformVersion}), auth: ${definition.authentication?.type ?? 'none'}`,
      ...list('triggers', definition.triggers),
      ...list('creates', definition.creates),
      ...list('searches', definition.searches),
      '',
    ].join('\n'),
  );
}
