import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerKeys } from '../../index';
import { ANSWERS, configureEnvironment, invocations, operationsOf } from '../../tools/reliability/error-matrix';
import { TOKEN_INVOCATIONS } from '../../tools/reliability/token-requests';

configureEnvironment();

/**
 * docs/reliability.md quotes `npm run report:reliability`. The figures that follow from the list of
 * operations are recomputed here, so adding an operation without rerunning the report fails by name.
 */
const DOCS = readFileSync(join(__dirname, '..', '..', 'docs', 'reliability.md'), 'utf8').split('\n');
const quoted = (start: string) => DOCS.filter((line) => line.startsWith(start));

describe('docs/reliability.md quotes the current operations (when this fails: npm run report:reliability, and paste its output)', () => {
  const all = invocations();
  const operations = providerKeys.flatMap((provider) => operationsOf(provider)).length;

  it("the error matrix's size", () => {
    const size = `Error matrix: ${all.length * ANSWERS.length} cases (${all.length} invocations of ${operations} operations × ${ANSWERS.length} answers);`;
    expect(quoted('Error matrix:').map((line) => line.slice(0, size.length))).toEqual([size]);
  });

  it('the invocations scanned for secrets', () => {
    const scanned = new RegExp(
      `^secrets: \\d+ runs scanned \\(${all.length} invocations and ${TOKEN_INVOCATIONS.length} token requests × `,
    );
    expect(quoted('secrets:')).toEqual([expect.stringMatching(scanned)]);
  });
});
