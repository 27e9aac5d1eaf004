/**
 * Prints the error matrix: every operation of every integration × every failed answer → the
 * Zapier error class it becomes, run through Zapier's runtime with nock standing in for the
 * providers (no network). `!` marks a cell that differs from the decided class; `?` a message
 * that does not name the provider, the operation and the reason.
 */
import nock from 'nock';
import { ANSWERS, configureEnvironment, invocations, runCase, summarise, type CaseResult } from '../reliability/error-matrix';

const SHORT: Record<string, string> = {
  success: 'ok',
  Error: 'Error',
  RefreshAuthError: 'Refresh',
  ExpiredAuthError: 'Expired',
  HaltedError: 'Halted',
};

function cell(result: CaseResult): string {
  const throttled = /^ThrottledError\((\d+)s\)$/.exec(result.outcome);
  const label = throttled ? `Thr${throttled[1]}s` : (SHORT[result.outcome] ?? result.outcome);
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
      `${summary.asExpected} of ${summary.cases} mapped as decided; ${summary.messagesComplete} of ${errors} error messages name provider, operation and reason; ` +
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
