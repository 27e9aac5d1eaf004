/**
 * `npm run mutation`: how many small faults in the shipped code the tests notice. Finds every
 * mutant of the shipped files (src/, creates/, searches/, triggers/; see mutants.ts), draws a
 * seeded sample, and runs each in a scratch copy of the repository against the tests jest relates
 * to its file (`--findRelatedTests`): first those of the file's own area, then the rest, stopping
 * at the first failure. A mutant is killed when a test
 * fails or the run exceeds the time limit; it survives when every related test passes. Prints
 * each mutant's fate, then the totals, the kill rate and the survivors.
 *
 * Options: --seed=N (default 12), --sample=N (default 40), --only=path-prefix, --timeout=seconds
 * (default 300) for a whole jest run, --test-timeout=seconds (default 60) for one test: the
 * config's 20 s fails slow tests unmutated when the two cores are busy, which left their mutants
 * uncounted. Not part of CI: a run of 80 mutants took 33 minutes on two cores shared with other work.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applied, mutantsOf, type Mutant } from './mutants';

const ROOT = path.resolve(__dirname, '../../..');
// The hook relay is deployed on its own (relay/), but it carries users' events just the same.
const MUTATED = ['src', 'creates', 'searches', 'triggers', 'relay/src'];
// The tests import the relay's source too: without it their files fail to load, unmutated.
const COPIED = [
  'src',
  'creates',
  'searches',
  'triggers',
  'index.ts',
  'relay',
  'test',
  'tools',
  'jest.config.js',
  'package.json',
  'tsconfig.json',
];

function option(name: string, fallback: string): string {
  const given = process.argv.find((argument) => argument.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3) : fallback;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return relative.endsWith('.ts') ? [relative] : [];
  });
}

/** A seeded generator (mulberry32): the same seed draws the same sample. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  const next = random(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled.slice(0, size);
}

function scratchCopy(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'mutation-'));
  for (const entry of COPIED) cpSync(path.join(ROOT, entry), path.join(folder, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'));
  return folder;
}

const testTimeoutSeconds = Number(option('test-timeout', '60'));

function jest(folder: string, args: string[], timeoutSeconds: number) {
  const bin = path.join(folder, 'node_modules', '.bin', 'jest');
  return spawnSync(process.execPath, [bin, '--ci', '--silent', `--testTimeout=${testTimeoutSeconds * 1000}`, ...args], {
    cwd: folder,
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    env: { ...process.env, NODE_ENV: 'test' },
  });
}

const related = new Map<string, string[]>();
/** The tests that import `file`, directly or not (the config's roots hold only test/: widen them). */
function relatedTests(folder: string, file: string): string[] {
  if (!related.has(file)) {
    const listed = jest(folder, [`--roots=${folder}`, '--listTests', '--findRelatedTests', file], 120);
    related.set(
      file,
      listed.stdout.split('\n').filter((line) => line.endsWith('.test.ts')),
    );
  }
  return related.get(file) as string[];
}

/**
 * The tests of the file's own area (test/core, test/<provider>), the file's namesake test first,
 * then the related contract tests over every integration's definition (test/architecture).
 */
function nearTests(file: string, tests: readonly string[]): string[][] {
  const area = /^src\/core\//.test(file)
    ? 'core'
    : /^relay\//.test(file)
      ? 'relay'
      : (/(?:providers|creates|searches|triggers)\/([^/]+)\//.exec(file)?.[1] ?? '');
  const inFolder = (folder: string) => (test: string) => test.includes(`${path.sep}test${path.sep}${folder}${path.sep}`);
  const near = tests.filter(inFolder(area));
  const namesake = near.filter((test) => path.basename(test) === `${path.basename(file, '.ts')}.test.ts`);
  if (near.length === 0) return [];
  const contracts = tests.filter(inFolder('architecture'));
  return [namesake, near.filter((test) => !namesake.includes(test)), contracts].filter((stage) => stage.length > 0);
}

type Fate = 'killed' | 'timed out' | 'survived' | 'no tests' | 'tests fail unmutated';

/** The tests a mutant of `file` runs, in stages: its namesake test, the rest of its area, the contract tests; else every related test. */
function testsFor(folder: string, file: string): string[][] {
  const tests = relatedTests(folder, file);
  const near = nearTests(file, tests);
  return near.length > 0 ? near : [tests].filter((stage) => stage.length > 0);
}

const passesUnmutated = new Map<string, boolean>();
function passes(folder: string, test: string, timeoutSeconds: number): boolean {
  if (!passesUnmutated.has(test)) passesUnmutated.set(test, jest(folder, ['--runTestsByPath', test], timeoutSeconds).status === 0);
  return passesUnmutated.get(test) as boolean;
}

/** The test files that failed in a run, from jest's JSON report; every file of the run if it has none. */
function failedTests(report: string, ran: readonly string[]): string[] {
  try {
    const results = (JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; status: string }[] }).testResults;
    const failed = results.filter((result) => result.status === 'failed').map((result) => result.name);
    return failed.length > 0 ? failed : [...ran];
  } catch {
    return [...ran];
  }
}

/**
 * Kills count only by a test file that passes unmutated (checked after the fact, once per file,
 * so a mutant costs one run of the file that killed it rather than of its whole area).
 */
function runMutant(folder: string, mutant: Mutant, timeoutSeconds: number): Fate {
  const stages = testsFor(folder, mutant.file);
  if (stages.length === 0) return 'no tests';
  const target = path.join(folder, mutant.file);
  const report = path.join(folder, 'mutant-report.json');
  const original = readFileSync(target, 'utf8');
  writeFileSync(target, applied(original, mutant));
  let failed: string[] = [];
  let timedOut = false;
  try {
    for (const stage of stages) {
      rmSync(report, { force: true });
      const result = jest(folder, ['--bail', '--json', `--outputFile=${report}`, '--runTestsByPath', ...stage], timeoutSeconds);
      timedOut = result.error !== undefined;
      if (timedOut || result.status !== 0) {
        failed = timedOut ? [...stage] : failedTests(report, stage);
        break;
      }
    }
  } finally {
    writeFileSync(target, original);
  }
  if (failed.length === 0) return 'survived';
  if (!failed.some((test) => passes(folder, test, timeoutSeconds))) return 'tests fail unmutated';
  return timedOut ? 'timed out' : 'killed';
}

function describe(mutant: Mutant): string {
  const flat = (text: string) => text.replace(/\s+/g, ' ').slice(0, 70);
  return `${mutant.file}:${mutant.line} ${mutant.operator}: ${flat(mutant.original)} → ${flat(mutant.replacement)}`;
}

function main(): void {
  const seed = Number(option('seed', '12'));
  const size = Number(option('sample', '40'));
  const only = option('only', '');
  const timeoutSeconds = Number(option('timeout', '300'));
  const files = MUTATED.flatMap(sourceFiles).filter((file) => file.startsWith(only));
  const all = files.flatMap((file) => mutantsOf(file, readFileSync(path.join(ROOT, file), 'utf8')));
  const chosen = sample(all, size, seed);
  console.log(`Mutation: ${all.length} mutants in ${files.length} shipped files; sample of ${chosen.length} with seed ${seed}.`);

  const folder = scratchCopy();
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  process.once('SIGINT', () => (cleanUp(), process.exit(130)));
  process.once('SIGTERM', () => (cleanUp(), process.exit(143)));
  try {
    const fates = new Map<Fate, Mutant[]>();
    chosen.forEach((mutant, index) => {
      const started = Date.now();
      const fate = runMutant(folder, mutant, timeoutSeconds);
      fates.set(fate, [...(fates.get(fate) ?? []), mutant]);
      console.log(`[${index + 1}/${chosen.length}] ${fate} (${Math.round((Date.now() - started) / 1000)} s) ${describe(mutant)}`);
    });
    const count = (fate: Fate) => fates.get(fate)?.length ?? 0;
    const tested = chosen.length - count('no tests') - count('tests fail unmutated');
    const killed = count('killed') + count('timed out');
    console.log(
      `Mutants: ${chosen.length}, killed: ${killed} (${count('timed out')} by time-out), survived: ${count('survived')}, ` +
        `without related tests: ${count('no tests')}, left out as their tests fail unmutated: ${count('tests fail unmutated')}. Kill rate: ${((100 * killed) / Math.max(1, tested)).toFixed(1)}%`,
    );
    for (const mutant of fates.get('survived') ?? []) console.log(`Survivor: ${describe(mutant)}`);
    for (const mutant of fates.get('no tests') ?? []) console.log(`Untested: ${describe(mutant)}`);
  } finally {
    cleanUp();
  }
}

main();
