import {
  ANSWERS,
  configureEnvironment,
  invocations,
  operationsOf,
  runCase,
  SENDS_NOTHING,
  type CaseResult,
} from '../../tools/reliability/error-matrix';
import { integrationLoaders, providerKeys } from '../../index';

configureEnvironment();

const cases = invocations().flatMap((invocation) => ANSWERS.map((answer) => ({ invocation, answer })));

describe('error matrix', () => {
  it('has valid inputs for every operation of every integration', () => {
    const covered = new Set(cases.map(({ invocation }) => `${invocation.provider}:${invocation.method.split('.operation.')[0]}`));
    const all = providerKeys.flatMap((provider) => operationsOf(provider).map((operation) => `${provider}:${operation}`));
    expect(all.filter((operation) => !covered.has(operation))).toEqual([]);
  });

  it('leaves out only List Countries, which every integration has and which sends no request', () => {
    expect(SENDS_NOTHING).toEqual(['triggers.country_list']);
    for (const provider of providerKeys) expect(integrationLoaders[provider]()).toHaveProperty(['triggers', 'country_list']);
  });

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
