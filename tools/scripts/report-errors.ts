/**
 * Prints the error matrix: every operation of every integration × every failed answer → the
 * Zapier error it becomes (class, code, retry delay, 403 hint), run through Zapier's runtime with
 * nock standing in for the providers (no network). `!` marks a cell that differs from the decided outcome; `?` a message
 * that does not name the provider, the operation and the reason.
 */
import nock from 'nock';
import { ANSWERS, configureEnvironment, invocations, runCase, summarise, type CaseResult } from '../reliability/error-matrix';

const SHORT: Record<string, string> = {
  success: 'ok',
  RefreshAuthError: 'Refresh',
  ExpiredAuthError: 'Expired',
  HaltedError: 'Halted',
};

/** `Thr30s` for ThrottledError(30s), `rejected` for Error(provider_rejected), `forbidden+hint` for Error(forbidden, hint). */
function shortOutcome(outcome: string): string {
  const throttled = /^ThrottledError\((\d+)s\)$/.exec(outcome);
  if (throttled) return `Thr${throttled[1]}s`;
  const appError = /^Error\(([\w ]+)(, hint)?\)$/.exec(outcome);
  if (appError) return `${(appError[1] ?? '').replace(/^provider_/, '')}${appError[2] ? '+hint' : ''}`;
  return SHORT[outcome] ?? outcome;
}

function cell(result: CaseResult): string {
  const label = shortOutcome(result.outcome);
  return `${label}${result.outcome === result.expected ? '' : '!'}${result.messageProblem ? '?' : ''}`;
}

async function main(): Promise<void> {
  configureEnvironment();
  nock.disableNetConnect();
  const results: CaseResult[] = [];
  const rows: string[][] = [];
  for (const invocation of invocations()) {
    const row = [`${invocation.provider} ${invocation.label}`];
    for (const answer of ANSWERS) {
      const result = await runCase(invocation, answer);
      results.push(result);
      row.push(cell(result));
    }
    rows.push(row);
  }
  const header = ['operation', ...ANSWERS.map((answer) => answer.name)];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  rows.forEach((row) => console.log(line(row)));

  const summary = summarise(results);
  const errors = results.filter((result) => result.outcome !== 'success').length;
  console.log('');
  console.log(
    `Error matrix: ${summary.cases} cases (${summary.invocations} invocations of ${summary.operations} operations × ${ANSWERS.length} answers); ` +
      `${summary.asExpected} of ${summary.cases} as decided (class, code, retry delay, 403 hint); ${summary.messagesComplete} of ${errors} error messages name provider, operation and reason; ` +
      `classes covered: ${summary.classes.join(', ')}.`,
  );
  const wrong = results.filter((result) => result.outcome !== result.expected || result.messageProblem);
  for (const result of wrong) {
    console.log(
      `  ${result.invocation.provider} ${result.invocation.method} × ${result.answer.name}: ${result.outcome} (decided ${result.expected}) ${result.messageProblem ?? ''}`,
    );
  }
  process.exitCode = wrong.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
