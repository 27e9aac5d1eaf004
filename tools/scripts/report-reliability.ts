/**
 * Prints the reliability figures for the README: runs the tests in test/reliability (jest, in a
 * child process) with RELIABILITY_FIGURES naming a file where each test records what it measured,
 * and the error matrix (tools/scripts/report-errors), then prints the figures, the matrix's summary line
 * and jest's "Tests:" line. Exits non-zero when a test failed, a figure is missing, a figure counts
 * a problem (a leak, a crash, a counterexample…), or the matrix differs from the decided outcomes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The figures in the README's order, by how each begins; every one must be recorded. */
const FIGURES = [
  'fuzz: phone',
  'fuzz: message',
  'fuzz: input',
  'webhooks:',
  'verified triggers:',
  'secrets:',
  'nothing lost:',
  'lost answers:',
];
const PROBLEM =
  /\b[1-9]\d* (counterexamples?|crash(es)?|double fires?|false fires?|missed fires?|outputs? taken from the event|leaks?|messages? unaccounted|reported not sent)\b/;

interface Finished {
  code: number | null;
  output: string;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function figuresIn(file: string): string[] {
  let recorded: string[];
  try {
    recorded = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    recorded = [];
  }
  const rank = (line: string) => FIGURES.findIndex((start) => line.startsWith(start));
  return recorded.sort((a, b) => rank(a) - rank(b));
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'reliability-'));
  const file = path.join(folder, 'figures.txt');
  try {
    const [jest, matrix] = await Promise.all([
      run([path.join('node_modules', '.bin', 'jest'), 'test/reliability', '--silent'], { ...process.env, RELIABILITY_FIGURES: file }),
      run([path.join(__dirname, 'report-errors.js')], process.env),
    ]);
    const figures = figuresIn(file);
    const problems: string[] = [];

    figures.forEach((line) => console.log(line));
    const matrixLines = matrix.output.split('\n');
    const summaryAt = matrixLines.findIndex((line) => line.startsWith('Error matrix:'));
    if (summaryAt === -1) problems.push(`the error matrix printed no summary:\n${matrix.output}`);
    else
      matrixLines
        .slice(summaryAt)
        .filter(Boolean)
        .forEach((line) => console.log(line));
    const testsLine = jest.output.split('\n').find((line) => line.startsWith('Tests:'));
    console.log(testsLine ?? 'Tests: jest printed no summary');

    if (jest.code !== 0) problems.push(`jest failed (exit code ${jest.code}):\n${jest.output}`);
    if (matrix.code !== 0) problems.push('the error matrix differs from the decided outcomes (see above, or run npm run report:errors)');
    for (const start of FIGURES) if (!figures.some((line) => line.startsWith(start))) problems.push(`no figure recorded for "${start}"`);
    for (const line of figures) if (PROBLEM.test(line)) problems.push(`a problem was found: ${line}`);
    if (problems.length > 0) {
      console.log('');
      problems.forEach((problem) => console.log(`FAILED: ${problem}`));
      process.exitCode = 1;
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
