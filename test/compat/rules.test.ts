import type { Definition } from '../../tools/check-zapier/definition';
import { compare } from '../../tools/compat/compare';
import { snapshotOf } from '../../tools/compat/snapshot';
import { judge } from '../../tools/compat/versions';
import { changed, CHANGELOG, fieldsOf, RELEASED } from './fixtures';

const withHeading = (version: string) => CHANGELOG.replace('### 1.0.0', `### ${version} (2026-12-03)\n\n### 1.0.0`);
const changesFrom = (definition: Definition) =>
  compare(snapshotOf(RELEASED), snapshotOf(definition)).map(({ class: kind, rule, where }) => ({ class: kind, rule, where }));
const judged = (definition: Definition, version = '1.0.0', changelog = CHANGELOG) =>
  judge({
    key: 'demo',
    releases: [{ version: '1.0.0', snapshot: snapshotOf(RELEASED) }],
    current: snapshotOf(definition),
    version,
    changelog,
  });

const BREAKING: [string, Definition, string, string][] = [
  ['a trigger removed', changed((d) => delete d.triggers.new_sms), 'removed-operation', 'triggers.new_sms'],
  [
    'an action removed',
    changed((d) => {
      delete d.creates.send_sms;
    }),
    'removed-operation',
    'creates.send_sms',
  ],
  ['a search removed', changed((d) => delete d.searches.find_sender_id), 'removed-operation', 'searches.find_sender_id'],
  [
    'a search-or-create removed',
    changed((d) => delete d.searchOrCreates.find_sender_id),
    'removed-search-or-create',
    'searchOrCreates.find_sender_id',
  ],
  [
    'a search-or-create paired with another action',
    changed((d) => ((d.searchOrCreates.find_sender_id as { create: string }).create = 'send_sms')),
    'changed-search-or-create',
    'searchOrCreates.find_sender_id',
  ],
  [
    'an input removed',
    changed((d) => fieldsOf(d, 'triggers', 'new_sms').pop()),
    'removed-input-field',
    'triggers.new_sms.inputFields.sender',
  ],
  [
    'an optional input made required without a default',
    changed((d) => ((fieldsOf(d, 'creates', 'send_sms')[2] as { required: boolean }).required = true)),
    'input-field-now-required',
    'creates.send_sms.inputFields.sender_id',
  ],
  [
    'a new required input without a default',
    changed((d) => fieldsOf(d, 'triggers', 'new_sms').push({ key: 'inbox', label: 'Inbox', required: true })),
    'new-required-input-field',
    'triggers.new_sms.inputFields.inbox',
  ],
  [
    'an input type changed',
    changed((d) => ((fieldsOf(d, 'creates', 'send_sms')[3] as { type: string }).type = 'string')),
    'changed-input-type',
    'creates.send_sms.inputFields.max_segments',
  ],
  [
    'a list input made single',
    changed((d) => ((fieldsOf(d, 'creates', 'send_sms')[0] as { list: boolean }).list = false)),
    'changed-input-type',
    'creates.send_sms.inputFields.to',
  ],
  [
    'a polling trigger made a hook',
    changed((d) => ((d.triggers.new_sms?.operation as { type: string }).type = 'hook')),
    'changed-trigger-type',
    'triggers.new_sms',
  ],
  [
    'the auth type changed',
    changed((d) => ((d.authentication as { type: string }).type = 'oauth2')),
    'changed-auth-type',
    'authentication',
  ],
  ['an auth field removed', changed((d) => d.authentication?.fields?.splice(1, 1)), 'removed-auth-field', 'authentication.fields.region'],
  [
    'a new required auth field',
    changed((d) => d.authentication?.fields?.push({ key: 'account_id', label: 'Account ID', required: true })),
    'new-required-auth-field',
    'authentication.fields.account_id',
  ],
  [
    'an optional auth field made required',
    changed((d) => ((d.authentication?.fields?.[1] as { required: boolean }).required = true)),
    'new-required-auth-field',
    'authentication.fields.region',
  ],
  [
    'an auth field type changed',
    changed((d) => ((d.authentication?.fields?.[0] as { type: string }).type = 'string')),
    'changed-auth-field-type',
    'authentication.fields.api_key',
  ],
  [
    'an output field removed',
    changed((d) => d.creates.send_sms?.operation?.outputFields?.splice(1, 1)),
    'removed-output-field',
    'creates.send_sms.outputFields.status',
  ],
  [
    "a trigger's id turned from text to a number",
    changed((d) => ((d.triggers.new_sms?.operation?.sample as { id: unknown }).id = 1001)),
    'changed-id-type',
    'triggers.new_sms',
  ],
];

describe('check:compat: each breaking rule catches its bad fixture', () => {
  it.each(BREAKING)('%s: breaking, %s', (_case, definition, rule, where) => {
    expect(changesFrom(definition)).toEqual([{ class: 'breaking', rule, where }]);
  });

  it.each(BREAKING)('%s: fails without a major version, naming the rule', (_case, definition, rule) => {
    expect(judged(definition).failures).toEqual([
      `demo: breaking changes since 1.0.0 (${rule}) need a major version: \`npm run release -- demo 2.0.0\`, or keep the old key beside the new one and hide it.`,
    ]);
  });

  it.each(BREAKING)('%s: passes once released as 2.0.0 with its CHANGELOG heading', (_case, definition) => {
    const releases = [
      { version: '1.0.0', snapshot: snapshotOf(RELEASED) },
      { version: '2.0.0', snapshot: snapshotOf(definition) },
    ];
    expect(judge({ key: 'demo', releases, current: snapshotOf(definition), version: '2.0.0', changelog: withHeading('2.0.0') })).toEqual({
      since: '2.0.0',
      changes: [],
      failures: [],
    });
  });

  it('names the likely new key of a renamed input', () => {
    const renamed = changed((d) => ((fieldsOf(d, 'creates', 'send_sms')[1] as { key: string }).key = 'message'));
    expect(compare(snapshotOf(RELEASED), snapshotOf(renamed)).filter((change) => change.class === 'breaking')).toEqual([
      {
        class: 'breaking',
        rule: 'removed-input-field',
        where: 'creates.send_sms.inputFields.text',
        message: 'input field `text` is gone (renamed to `message`?): live Zaps lose the value mapped into it',
      },
      {
        class: 'breaking',
        rule: 'new-required-input-field',
        where: 'creates.send_sms.inputFields.message',
        message: 'new input field `message` is required without a default: live Zaps have no value for it',
      },
    ]);
  });
});

describe('check:compat: compatible changes pass without a new version', () => {
  it.each([
    [
      'a new trigger',
      changed((d) => (d.triggers.new_sender_id = { ...(d.triggers.new_sms as object), key: 'new_sender_id' })),
      'added-operation',
    ],
    [
      'a new search-or-create',
      changed((d) => (d.searchOrCreates.find_sms = { key: 'find_sms', search: 'find_sender_id', create: 'send_sms' })),
      'added-search-or-create',
    ],
    [
      'a new optional input',
      changed((d) => fieldsOf(d, 'creates', 'send_sms').push({ key: 'flash', label: 'Flash', type: 'boolean' })),
      'added-input-field',
    ],
    [
      'a new required input with a default',
      changed((d) => fieldsOf(d, 'creates', 'send_sms').push({ key: 'encoding', label: 'Encoding', required: true, default: 'auto' })),
      'added-input-field',
    ],
    [
      'an optional input made required with a default',
      changed((d) => Object.assign(fieldsOf(d, 'creates', 'send_sms')[3] as object, { required: true, default: '1' })),
      'input-field-now-required-with-default, changed-default',
    ],
    [
      'a required input made optional',
      changed((d) => ((fieldsOf(d, 'creates', 'send_sms')[1] as { required: boolean }).required = false)),
      'input-field-now-optional',
    ],
    ['a new output field', changed((d) => d.creates.send_sms?.operation?.outputFields?.push({ key: 'segments' })), 'added-output-field'],
    ['a new optional auth field', changed((d) => d.authentication?.fields?.push({ key: 'tag', label: 'Tag' })), 'added-auth-field'],
    [
      'a relabelled action',
      changed((d) => ((d.creates.send_sms?.display as { label: string }).label = 'Send Text Message')),
      'changed-label',
    ],
    ['a hidden action', changed((d) => ((d.creates.add_sender_id?.display as { hidden: boolean }).hidden = true)), 'changed-hidden'],
    [
      'another dropdown',
      changed((d) => ((fieldsOf(d, 'creates', 'send_sms')[2] as { dynamic: string }).dynamic = 'sender_list.id.label')),
      'changed-dropdown',
    ],
  ])('%s: compatible (%s), and the check passes at 1.0.0', (_case, definition, rule) => {
    expect(changesFrom(definition).map((change) => `${change.class} ${change.rule}`)).toEqual(
      rule.split(', ').map((one) => `compatible ${one}`),
    );
    expect(judged(definition).failures).toEqual([]);
  });

  it('does not see help text at all', () => {
    const reworded = changed(
      (d) => ((fieldsOf(d, 'creates', 'send_sms')[0] as { helpText: string }).helpText = 'E.164, e.g. +447700900123'),
    );
    expect(changesFrom(reworded)).toEqual([]);
  });
});

describe('check:compat: versions and the CHANGELOG', () => {
  it('fails a bumped version without its CHANGELOG heading or its release snapshot', () => {
    expect(judged(RELEASED, '1.1.0').failures).toEqual([
      'apps/demo/package.json is at 1.1.0, but releases/demo/ has no 1.1.0.json to compare the next release with: `npm run release -- demo 1.1.0` writes it.',
      'apps/demo/package.json is at 1.1.0, but CHANGELOG.md has no "### 1.1.0" heading under apps/demo: `npm run release -- demo 1.1.0` writes it.',
    ]);
  });

  it('fails a minor bump that carries a breaking change', () => {
    const removed = changed((d) => delete d.triggers.new_sms);
    const releases = [
      { version: '1.0.0', snapshot: snapshotOf(RELEASED) },
      { version: '1.1.0', snapshot: snapshotOf(removed) },
    ];
    expect(
      judge({ key: 'demo', releases, current: snapshotOf(removed), version: '1.1.0', changelog: withHeading('1.1.0') }).failures,
    ).toEqual(['releases/demo/1.1.0.json: breaking changes since 1.0.0 (removed-operation) under the same major version.']);
  });

  it('fails a version older than the last release, a release without its heading, and no release at all', () => {
    expect(judged(RELEASED, '0.9.0').failures).toEqual(["apps/demo/package.json's version 0.9.0 is older than the last release, 1.0.0."]);
    expect(judged(RELEASED, '1.0.0', CHANGELOG.replace('### 1.0.0', '### 0.1.0')).failures).toEqual([
      'releases/demo/1.0.0.json: CHANGELOG.md has no "### 1.0.0" heading under apps/demo.',
    ]);
    expect(judge({ key: 'demo', releases: [], current: snapshotOf(RELEASED), version: '1.0.0', changelog: CHANGELOG }).failures).toEqual([
      'releases/demo/ holds no release: run `npm run release -- demo 1.0.0`.',
    ]);
  });

  it("reads only the app's own section of the CHANGELOG", () => {
    const otherApp = `${CHANGELOG}\n## Other (\`apps/other\`)\n\n### 1.1.0 (2026-12-01)\n`;
    expect(judged(RELEASED, '1.1.0', otherApp).failures).toContain(
      'apps/demo/package.json is at 1.1.0, but CHANGELOG.md has no "### 1.1.0" heading under apps/demo: `npm run release -- demo 1.1.0` writes it.',
    );
  });
});
