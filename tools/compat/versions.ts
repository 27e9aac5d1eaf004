import { compare, type Change } from './compare';
import type { Snapshot } from './snapshot';

/** Versions, the CHANGELOG's release headings, and the verdict of `npm run check:compat` on one integration. */

export type Version = [major: number, minor: number, patch: number];

export function parseVersion(text: string): Version | null {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  if (!x || !y) throw new Error(`Not a MAJOR.MINOR.PATCH version: ${x ? b : a}`);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

const majorOf = (version: string) => (parseVersion(version) as Version)[0];

/** The lines of CHANGELOG.md's section for apps/<key>, from its `## ` heading to the next one. */
export function changelogSection(changelog: string, key: string): { start: number; end: number } | null {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith('## ') && line.includes(`(\`apps/${key}\`)`));
  if (start === -1) return null;
  const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return { start, end: next === -1 ? lines.length : next };
}

/** The versions released under apps/<key>'s section: each `### <version> (<date>)` heading. */
export function changelogVersions(changelog: string, key: string): string[] {
  const section = changelogSection(changelog, key);
  if (!section) return [];
  return changelog
    .split('\n')
    .slice(section.start, section.end)
    .map((line) => /^### (\d+\.\d+\.\d+)\b/.exec(line)?.[1])
    .filter((version): version is string => version !== undefined);
}

export interface Release {
  version: string;
  snapshot: Snapshot;
}

export interface CompatInput {
  key: string;
  /** releases/<key>/*.json, in any order. */
  releases: Release[];
  current: Snapshot;
  /** apps/<key>/package.json's version: the one `zapier push` would push. */
  version: string;
  changelog: string;
}

export interface Verdict {
  /** The last release the current definition is compared with. */
  since: string | null;
  changes: Change[];
  failures: string[];
}

const rulesOf = (changes: Change[]) => [...new Set(changes.filter((change) => change.class === 'breaking').map((change) => change.rule))];

export function judge({ key, releases, current, version, changelog }: CompatInput): Verdict {
  const failures: string[] = [];
  if (!parseVersion(version))
    return { since: null, changes: [], failures: [`apps/${key}/package.json: "${version}" is not a MAJOR.MINOR.PATCH version.`] };
  const invalid = releases.filter((release) => !parseVersion(release.version));
  if (invalid.length > 0) {
    return {
      since: null,
      changes: [],
      failures: invalid.map((release) => `releases/${key}/${release.version}.json: not a MAJOR.MINOR.PATCH version.`),
    };
  }
  const ordered = [...releases].sort((a, b) => compareVersions(a.version, b.version));
  const latest = ordered.at(-1);
  if (!latest) {
    return { since: null, changes: [], failures: [`releases/${key}/ holds no release: run \`npm run release -- ${key} ${version}\`.`] };
  }
  const released = changelogVersions(changelog, key);
  ordered.forEach((release, index) => {
    if (!released.includes(release.version)) {
      failures.push(`releases/${key}/${release.version}.json: CHANGELOG.md has no "### ${release.version}" heading under apps/${key}.`);
    }
    const previous = ordered[index - 1];
    const rules = previous ? rulesOf(compare(previous.snapshot, release.snapshot)) : [];
    if (previous && rules.length > 0 && majorOf(release.version) === majorOf(previous.version)) {
      failures.push(
        `releases/${key}/${release.version}.json: breaking changes since ${previous.version} (${rules.join(', ')}) under the same major version.`,
      );
    }
  });

  const changes = compare(latest.snapshot, current);
  const rules = rulesOf(changes);
  const order = compareVersions(version, latest.version);
  const nextMajor = `${majorOf(latest.version) + 1}.0.0`;
  if (order < 0) failures.push(`apps/${key}/package.json's version ${version} is older than the last release, ${latest.version}.`);
  if (order >= 0 && rules.length > 0 && majorOf(version) === majorOf(latest.version)) {
    failures.push(
      `${key}: breaking changes since ${latest.version} (${rules.join(', ')}) need a major version: ` +
        `\`npm run release -- ${key} ${nextMajor}\`, or keep the old key beside the new one and hide it.`,
    );
  }
  if (order > 0) {
    failures.push(
      `apps/${key}/package.json is at ${version}, but releases/${key}/ has no ${version}.json to compare the next release with: ` +
        `\`npm run release -- ${key} ${version}\` writes it.`,
    );
  }
  if (order > 0 && !released.includes(version)) {
    failures.push(
      `apps/${key}/package.json is at ${version}, but CHANGELOG.md has no "### ${version}" heading under apps/${key}: ` +
        `\`npm run release -- ${key} ${version}\` writes it.`,
    );
  }
  return { since: latest.version, changes, failures };
}
