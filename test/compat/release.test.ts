import { prepareRelease } from '../../tools/compat/release';
import { snapshotOf } from '../../tools/compat/snapshot';
import { changed, CHANGELOG, RELEASED } from './fixtures';

const PACKAGE_JSON = '{\n  "name": "zapier-demo",\n  "version": "1.0.0",\n  "private": true\n}\n';
const withNewTrigger = changed((d) => (d.triggers.new_sender_id = { ...(d.triggers.new_sms as object), key: 'new_sender_id' }));
const request = (version: string, current = withNewTrigger, replace = false) => ({
  key: 'demo',
  releases: [{ version: '1.0.0', snapshot: snapshotOf(RELEASED) }],
  current: snapshotOf(current),
  version,
  changelog: CHANGELOG,
  packageJson: PACKAGE_JSON,
  date: '2026-12-03',
  replace,
});

describe('npm run release', () => {
  it("writes the snapshot, the app's version and its CHANGELOG heading, and nothing else", () => {
    const outcome = prepareRelease(request('1.1.0'));
    expect(outcome).toEqual({
      files: {
        'releases/demo/1.1.0.json': JSON.stringify(snapshotOf(withNewTrigger)),
        'apps/demo/package.json': '{\n  "name": "zapier-demo",\n  "version": "1.1.0",\n  "private": true\n}\n',
        'CHANGELOG.md': CHANGELOG.replace('### Unreleased', '### 1.1.0 (2026-12-03)'),
      },
    });
  });

  it('rewrites an existing snapshot with --replace, leaving its CHANGELOG heading as it is', () => {
    expect(prepareRelease(request('1.0.0', withNewTrigger, true))).toEqual({
      files: {
        'releases/demo/1.0.0.json': JSON.stringify(snapshotOf(withNewTrigger)),
        'apps/demo/package.json': PACKAGE_JSON,
        'CHANGELOG.md': CHANGELOG,
      },
    });
  });

  it.each([
    ['an existing release without --replace', request('1.0.0'), 'releases/demo/1.0.0.json exists: pass --replace to rewrite it.'],
    ['a version older than the last release', request('0.9.0'), '0.9.0 is older than the release 1.0.0.'],
    [
      'a breaking change under a minor version',
      request(
        '1.1.0',
        changed((d) => delete d.triggers.new_sms),
      ),
      'Breaking changes since 1.0.0 (removed-operation): release demo as a new major version.',
    ],
    ['a version that is not MAJOR.MINOR.PATCH', request('1.1'), '"1.1" is not a MAJOR.MINOR.PATCH version.'],
    [
      'an app without an Unreleased heading',
      { ...request('1.1.0'), changelog: CHANGELOG.replace('### Unreleased\n\n- New', '- New') },
      'CHANGELOG.md has no "### Unreleased" heading under apps/demo: write there what changed first.',
    ],
  ])('refuses %s', (_case, asked, refused) => {
    expect(prepareRelease(asked)).toEqual({ refused });
  });
});
