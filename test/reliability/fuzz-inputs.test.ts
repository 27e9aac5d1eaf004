import fc from 'fast-check';
import type { ZObject } from 'zapier-platform-core';
import { AUTH_DATA, appOf, configureEnvironment } from '../../tools/reliability/error-matrix';
import { providerKeys } from '../../index';
import { fuzzRuns } from '../support/fuzz';
import { PropertyTally, recordFigure } from './figures';

configureEnvironment();

interface Field {
  key: string;
  label?: string;
  children?: Field[];
}
type Perform = (z: ZObject, bundle: object) => Promise<unknown>;
interface Operation {
  operation: { inputFields?: Field[]; perform: Perform; performSubscribe?: Perform };
}

/**
 * A z whose every request fails as an unreachable network would: input that passes validation ends there.
 * This file alone calls `perform` with a z of its own instead of going through the runner
 * (test/support/run.ts): 22 operations × 1000 inputs through Zapier's runtime take two minutes
 * instead of twenty seconds, and what it tests (validation, before any request) needs no runtime.
 */
const offlineZ = {
  request: async () => {
    const error = new Error('request failed, reason: connect ECONNREFUSED') as Error & { type: string; code: string };
    error.name = 'FetchError';
    error.type = 'system';
    error.code = 'ECONNREFUSED';
    throw error;
  },
  console: { log() {}, error() {} },
} as unknown as ZObject;

const value = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '+44 7400 900123',
    '(949) 555-0111',
    'ACMESHOP',
    'https://files.example.com/a.jpg',
    'active',
    'add',
    'GB',
    'US',
    '0562f2aa-5945-4f41-824a-b774fc2e2b2a',
    '2026-11-25T10:00:00Z',
  ),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);

// Every create and search, and every trigger with fields: an instant trigger reads its fields
// when it subscribes, a polling one when it polls.
const operations = providerKeys.flatMap((provider) => {
  const app = appOf(provider) as unknown as Record<string, Record<string, Operation> | undefined>;
  return (['creates', 'searches', 'triggers'] as const).flatMap((kind) =>
    Object.entries(app[kind] ?? {})
      .filter(([, definition]) => kind !== 'triggers' || (definition.operation.inputFields ?? []).length > 0)
      .map(([key, definition]) => ({
        provider,
        name: `${provider} ${kind}.${key}`,
        definition,
        run: definition.operation.performSubscribe ?? definition.operation.perform,
      })),
  );
});

async function rejection(run: () => Promise<unknown>): Promise<{ message: string; code: string } | null> {
  try {
    await run();
    return null;
  } catch (error) {
    expect((error as Error).name).toBe('AppError');
    return JSON.parse((error as Error).message) as { message: string; code: string };
  }
}

function labelsOf(fields: Field[]): string[] {
  return fields.flatMap((field) => [field.label ?? field.key, ...labelsOf(field.children ?? [])]);
}

const tally = new PropertyTally();
const outcomes = { rejected: 0, passed: 0 };
afterAll(() =>
  recordFigure(
    `fuzz: input validation — ${tally.runs.length} operations × ${tally.perProperty} generated inputs, ${tally.counterexamples} counterexamples; ` +
      `${outcomes.rejected} rejected, every rejection a Zapier error naming a field of the step; ${outcomes.passed} valid, passed on to the (offline) provider`,
  ),
);

describe.each(operations.map((operation) => [operation.name, operation] as const))(
  '%s input validation, fuzzed',
  (_name, { provider, definition, run }) => {
    const fields = definition.operation.inputFields ?? [];
    // A label's short form (before its parenthesis) names the field too: "To" for "To (one or more numbers)".
    const labels = [...labelsOf(fields), 'Default Country'].flatMap((label) => [label, label.replace(/\s*\(.*\)$/, '')]);
    const keys = fields.flatMap((field) => [field.key, ...(field.children ?? []).map((child) => child.key)]);
    const inputData = fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] });
    const perform = (input: object) => () =>
      run(offlineZ, {
        inputData: input,
        authData: AUTH_DATA[provider],
        meta: {},
        targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/',
      });

    it('rejects only with a Zapier error naming a field of the step, and never crashes', async () => {
      await fc.assert(
        fc.asyncProperty(
          inputData,
          tally.countedAsync(async (input) => {
            const refused = await rejection(perform(input));
            // Valid input goes on to the (offline) provider.
            if (refused === null || refused.code === 'provider_unreachable') {
              outcomes.passed += 1;
              return;
            }
            expect(refused.code).toBe('invalid_input');
            // "Line item 2: To: …" names the line item's "Line Item: To" field.
            const message = refused.message.replace(/^Line item \d+: /, 'Line Item: ');
            const namesAField = labels.some((label) => message.startsWith(`${label}: `));
            expect({ message, namesAField }).toEqual({ message, namesAField: true });
            outcomes.rejected += 1;
          }),
        ),
        fuzzRuns(1000, { examples: [[{}]] }),
      );
    });
  },
);
