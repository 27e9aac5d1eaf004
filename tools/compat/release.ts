import { compare } from './compare';
import { releaseFile } from './repository';
import { changelogSection, compareVersions, parseVersion, type CompatInput } from './versions';

/**
 * `npm run release -- <key> <version> [--replace]` (or `all` for every integration): records the current definition as released
 * under <version> (releases/<key>/<version>.json), sets apps/<key>/package.json's version, and
 * turns the app's "### Unreleased" CHANGELOG heading into "### <version> (<date>)". It refuses a
 * version that is not newer than the last release, and a breaking change without a major bump.
 * --replace rewrites an existing release's snapshot (for regenerating the first, 1.0.0, snapshots).
 */

export interface ReleaseRequest extends CompatInput {
  packageJson: string;
  /** The release date, YYYY-MM-DD. */
  date: string;
  replace: boolean;
}

export type ReleaseOutcome = { files: Record<string, string> } | { refused: string };

function releasedChangelog(changelog: string, key: string, version: string, date: string): string | { refused: string } {
  const section = changelogSection(changelog, key);
  if (!section) return { refused: `CHANGELOG.md has no section for apps/${key}.` };
  const lines = changelog.split('\n');
  const within = (line: string, index: number) => index > section.start && index < section.end && line.startsWith('### ');
  if (lines.some((line, index) => within(line, index) && line.startsWith(`### ${version} `))) return changelog;
  const unreleased = lines.findIndex((line, index) => within(line, index) && line.trim() === '### Unreleased');
  if (unreleased === -1)
    return { refused: `CHANGELOG.md has no "### Unreleased" heading under apps/${key}: write there what changed first.` };
  lines[unreleased] = `### ${version} (${date})`;
  return lines.join('\n');
}

export function prepareRelease(request: ReleaseRequest): ReleaseOutcome {
  const { key, version, releases, current, replace } = request;
  if (!parseVersion(version)) return { refused: `"${version}" is not a MAJOR.MINOR.PATCH version.` };
  const exists = releases.some((release) => release.version === version);
  if (exists && !replace) return { refused: `${releaseFile(key, version)} exists: pass --replace to rewrite it.` };
  const earlier = releases.filter((release) => compareVersions(release.version, version) < 0);
  const later = releases.filter((release) => compareVersions(release.version, version) > 0);
  if (later.length > 0) return { refused: `${version} is older than the release ${later.map((release) => release.version).join(', ')}.` };
  const previous = earlier.sort((a, b) => compareVersions(a.version, b.version)).at(-1);
  if (previous) {
    const rules = [
      ...new Set(
        compare(previous.snapshot, current)
          .filter((change) => change.class === 'breaking')
          .map((change) => change.rule),
      ),
    ];
    if (rules.length > 0 && parseVersion(version)?.[0] === parseVersion(previous.version)?.[0]) {
      return { refused: `Breaking changes since ${previous.version} (${rules.join(', ')}): release ${key} as a new major version.` };
    }
  }
  const changelog = releasedChangelog(request.changelog, key, version, request.date);
  if (typeof changelog !== 'string') return changelog;
  const packageJson = request.packageJson.replace(/("version"\s*:\s*)"[^"]*"/, `$1"${version}"`);
  return {
    files: {
      [releaseFile(key, version)]: JSON.stringify(current),
      [`apps/${key}/package.json`]: packageJson,
      'CHANGELOG.md': changelog,
    },
  };
}
