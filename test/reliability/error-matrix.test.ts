import {
  ANSWERS,
  configureEnvironment,
  invocations,
  operationsOf,
  runCase,
  SENDS_NOTHING,
  type CaseResult,
} from '../../tools/reliability/error-matrix';
import { createAppTester } from 'zapier-platform-core';
import { integrationLoaders, providerKeys } from '../../index';

configureEnvironment();

const cases = invocations().flatMap((invocation) => ANSWERS.map((answer) => ({ invocation, answer })));

describe('error matrix', () => {
  it('has valid inputs for every operation of every integration', () => {
    const covered = new Set(cases.map(({ invocation }) => `${invocation.provider}:${invocation.method.split('.operation.')[0]}`));
    const all = providerKeys.flatMap((provider) => operationsOf(provider).map((operation) => `${provider}:${operation}`));
    expect(all.filter((operation) => !covered.has(operation))).toEqual([]);
  });

  it.each(providerKeys)(
    '%s: leaves out only operations it has that succeed with the network closed (they send nothing)',
    async (provider) => {
      const app = integrationLoaders[provider]();
      const appTester = createAppTester(app);
      const steps = app as unknown as Record<string, Record<string, { operation: { perform?: unknown } }> | undefined>;
      for (const operation of SENDS_NOTHING) {
        const [kind, key] = operation.split('.');
        const perform = steps[kind]?.[key]?.operation.perform as Parameters<typeof appTester>[0] | undefined;
        expect(perform).toBeDefined();
        await expect(appTester(perform as Parameters<typeof appTester>[0], {})).resolves.toBeDefined();
      }
    },
  );

  describe.each(invocations().map((invocation) => [`${invocation.provider} ${invocation.method}`, invocation] as const))(
    '%s',
    (_name, invocation) => {
      it.each(ANSWERS.map((answer) => [answer.name, answer] as const))(
        'answered %s: maps to the right Zapier error, naming provider, operation and reason',
        async (_answerName, answer) => {
          const result: CaseResult = await runCase(invocation, answer);
          expect({ outcome: result.outcome, messageProblem: result.messageProblem, message: result.message }).toEqual({
            outcome: result.expected,
            messageProblem: null,
            message: result.outcome === 'success' ? '' : expect.any(String),
          });
        },
      );
    },
  );
});
