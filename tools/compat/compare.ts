import { OPERATION_GROUPS, type InputFieldSnapshot, type OperationSnapshot, type Snapshot } from './snapshot';

/** What one operation of each group is called in a message. */
const OPERATION_KIND = { triggers: 'trigger', creates: 'action', searches: 'search' } as const;

/**
 * Every difference between a released snapshot and the current one, classed as Zapier's versioning
 * matrix classes it (https://docs.zapier.com/integrations/manage/planning-changes) and as its
 * promotion check detects it since 2026-05-12
 * (https://docs.zapier.com/integrations/news/2026/version-promotion-guardrails): a breaking change
 * stops live Zaps and needs a new major version; anything else is compatible.
 */

export type ChangeClass = 'breaking' | 'compatible';

export interface Change {
  class: ChangeClass;
  rule: string;
  where: string;
  message: string;
}

const breaking = (rule: string, where: string, message: string): Change => ({ class: 'breaking', rule, where, message });
const compatible = (rule: string, where: string, message: string): Change => ({ class: 'compatible', rule, where, message });

const describeType = (field: InputFieldSnapshot) => (field.list ? `a list of ${field.type}` : field.type);

function compareInputFields(where: string, before: InputFieldSnapshot[], after: InputFieldSnapshot[]): Change[] {
  const changes: Change[] = [];
  const previous = new Map(before.map((field) => [field.key, field]));
  const current = new Map(after.map((field) => [field.key, field]));
  const added = after.filter((field) => !previous.has(field.key)).map((field) => field.key);
  for (const field of before) {
    if (current.has(field.key)) continue;
    const renamed = added.length > 0 ? ` (renamed to ${added.map((key) => `\`${key}\``).join(' or ')}?)` : '';
    changes.push(
      breaking(
        'removed-input-field',
        `${where}.${field.key}`,
        `input field \`${field.key}\` is gone${renamed}: live Zaps lose the value mapped into it`,
      ),
    );
  }
  for (const field of after) {
    const here = `${where}.${field.key}`;
    const old = previous.get(field.key);
    if (!old) {
      changes.push(
        field.required && field.default === undefined
          ? breaking(
              'new-required-input-field',
              here,
              `new input field \`${field.key}\` is required without a default: live Zaps have no value for it`,
            )
          : compatible('added-input-field', here, `new input field \`${field.key}\``),
      );
      continue;
    }
    if (old.type !== field.type || old.list !== field.list) {
      changes.push(
        breaking('changed-input-type', here, `input field \`${field.key}\` changed from ${describeType(old)} to ${describeType(field)}`),
      );
    }
    if (!old.required && field.required) {
      changes.push(
        field.default === undefined
          ? breaking('input-field-now-required', here, `input field \`${field.key}\` became required without a default`)
          : compatible(
              'input-field-now-required-with-default',
              here,
              `input field \`${field.key}\` became required, defaulting to "${field.default}"`,
            ),
      );
    }
    if (old.required && !field.required)
      changes.push(compatible('input-field-now-optional', here, `input field \`${field.key}\` became optional`));
    if (old.default !== field.default) {
      changes.push(
        compatible('changed-default', here, `default of \`${field.key}\`: ${old.default ?? '(none)'} -> ${field.default ?? '(none)'}`),
      );
    }
    if (old.dynamic !== field.dynamic) {
      changes.push(
        compatible('changed-dropdown', here, `dropdown of \`${field.key}\`: ${old.dynamic ?? '(none)'} -> ${field.dynamic ?? '(none)'}`),
      );
    }
    if (old.label !== field.label) changes.push(compatible('changed-label', here, `label "${old.label}" -> "${field.label}"`));
    changes.push(...compareInputFields(`${here}.children`, old.children ?? [], field.children ?? []));
  }
  return changes;
}

function compareOperation(where: string, before: OperationSnapshot, after: OperationSnapshot, isTrigger: boolean): Change[] {
  const changes: Change[] = [];
  if (before.triggerType !== after.triggerType) {
    changes.push(breaking('changed-trigger-type', where, `trigger type changed from ${before.triggerType} to ${after.triggerType}`));
  }
  if (before.label !== after.label) changes.push(compatible('changed-label', where, `label "${before.label}" -> "${after.label}"`));
  if (before.hidden !== after.hidden) changes.push(compatible('changed-hidden', where, after.hidden ? 'now hidden' : 'now shown'));
  changes.push(...compareInputFields(`${where}.inputFields`, before.inputFields, after.inputFields));
  if ((before.computedInputFields ?? 0) !== (after.computedInputFields ?? 0)) {
    changes.push(
      compatible(
        'changed-computed-fields',
        `${where}.inputFields`,
        `fields computed at run time: ${before.computedInputFields ?? 0} -> ${after.computedInputFields ?? 0} (their keys cannot be compared offline: review them by hand)`,
      ),
    );
  }
  for (const key of before.outputFields.filter((key) => !after.outputFields.includes(key))) {
    changes.push(
      breaking(
        'removed-output-field',
        `${where}.outputFields.${key}`,
        `output field \`${key}\` is gone: later steps mapping it get nothing`,
      ),
    );
  }
  for (const key of after.outputFields.filter((key) => !before.outputFields.includes(key))) {
    changes.push(compatible('added-output-field', `${where}.outputFields.${key}`, `new output field \`${key}\``));
  }
  if (before.sampleIdType !== after.sampleIdType) {
    const message = `the id's type changed from ${before.sampleIdType} to ${after.sampleIdType}`;
    // A polling trigger deduplicates on the id: ids of a new shape are all new, and each fires again.
    changes.push(isTrigger ? breaking('changed-id-type', where, message) : compatible('changed-id-type', where, message));
  }
  return changes;
}

export function compare(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  if (before.authentication.type !== after.authentication.type) {
    changes.push(
      breaking(
        'changed-auth-type',
        'authentication',
        `authentication changed from ${before.authentication.type} to ${after.authentication.type}`,
      ),
    );
  }
  const authBefore = new Map(before.authentication.fields.map((field) => [field.key, field]));
  const authAfter = new Map(after.authentication.fields.map((field) => [field.key, field]));
  for (const field of before.authentication.fields.filter((field) => !authAfter.has(field.key))) {
    changes.push(breaking('removed-auth-field', `authentication.fields.${field.key}`, `connection field \`${field.key}\` is gone`));
  }
  for (const field of after.authentication.fields) {
    const where = `authentication.fields.${field.key}`;
    const old = authBefore.get(field.key);
    if (field.required && !old?.required) {
      const what = old ? `connection field \`${field.key}\` became required` : `new required connection field \`${field.key}\``;
      changes.push(breaking('new-required-auth-field', where, `${what}: every existing connection must be reconnected`));
    } else if (!old) {
      changes.push(compatible('added-auth-field', where, `new optional connection field \`${field.key}\``));
    }
    if (old && old.type !== field.type)
      changes.push(breaking('changed-auth-field-type', where, `connection field \`${field.key}\`: ${old.type} -> ${field.type}`));
  }

  for (const group of OPERATION_GROUPS) {
    const kind = OPERATION_KIND[group];
    for (const [key, operation] of Object.entries(before[group])) {
      const now = after[group][key];
      if (now) changes.push(...compareOperation(`${group}.${key}`, operation, now, group === 'triggers'));
      else changes.push(breaking('removed-operation', `${group}.${key}`, `${kind} \`${key}\` is gone: Zaps using it stop`));
    }
    for (const key of Object.keys(after[group]).filter((key) => !(key in before[group]))) {
      changes.push(compatible('added-operation', `${group}.${key}`, `new ${kind} \`${key}\``));
    }
  }

  for (const [key, pair] of Object.entries(before.searchOrCreates)) {
    const now = after.searchOrCreates[key];
    if (!now) changes.push(breaking('removed-search-or-create', `searchOrCreates.${key}`, `search-or-create \`${key}\` is gone`));
    else if (now.search !== pair.search || now.create !== pair.create) {
      changes.push(
        breaking(
          'changed-search-or-create',
          `searchOrCreates.${key}`,
          `search-or-create \`${key}\` now pairs ${now.search} with ${now.create} (was ${pair.search} with ${pair.create})`,
        ),
      );
    }
  }
  for (const key of Object.keys(after.searchOrCreates).filter((key) => !(key in before.searchOrCreates))) {
    changes.push(compatible('added-search-or-create', `searchOrCreates.${key}`, `new search-or-create \`${key}\``));
  }
  return changes;
}
