import { operations, outputFields, type Check, type Finding, type OutputField } from '../definition';
import { CHECKS_REFERENCE, PUBLISHING } from '../sources';

/** A sample's value under an output field key: `a__b` is nested, `a[]b` is a line item (its first line), `a[]` is a list. */
export function sampleValue(sample: Record<string, unknown>, key: string): unknown {
  const [head = '', ...rest] = key.split(/__|\[\]/);
  let value: unknown = sample[head];
  for (const part of rest) {
    if (Array.isArray(value)) value = value[0];
    if (part === '') break;
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return Array.isArray(value) && key.endsWith('[]') ? value[0] : value;
}

const D010: Check = {
  code: 'D010',
  title: 'Missing "ID" Field in Static Sample Data',
  source: `${CHECKS_REFERENCE}#D010`,
  run: (subject) =>
    operations(subject.definition, ['trigger'])
      .filter(({ item }) => item.operation?.type !== 'hook' && item.operation?.sample !== undefined && !('id' in item.operation.sample))
      .map(({ where }) => ({
        code: 'D010',
        where: `${where}.operation.sample`,
        message: 'a polling trigger\'s sample needs an "id" (Zapier dedupes on it).',
      })),
};

const D012: Check = {
  code: 'D012',
  title: 'Static Sample Is Required',
  source: `${CHECKS_REFERENCE}#D012`,
  run: (subject) =>
    operations(subject.definition)
      .filter(
        ({ item }) => typeof item.operation?.sample !== 'object' || item.operation.sample === null || Array.isArray(item.operation.sample),
      )
      .map(({ where }) => ({ code: 'D012', where: `${where}.operation.sample`, message: 'the sample is missing (or is not one object).' })),
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOOKS_LIKE_A_DATE = /^\d{4}-\d{2}-\d{2}[T ]|^\d{1,2}[ /-][A-Za-z]{3}[ /-]\d{4}|^\d{1,2}\/\d{1,2}\/\d{2,4}/;
const DATE_KEY = /(^|_)(at|date|time|timestamp)$|updated$|created$/i;

function dateFindings(where: string, value: unknown, key: string, declaredDateTime: boolean): Finding[] {
  if (typeof value === 'number' && (declaredDateTime || DATE_KEY.test(key))) {
    return [{ code: 'D023', where, message: `"${key}" is a number (${value}): dates are ISO-8601 strings, not epoch timestamps.` }];
  }
  if (typeof value !== 'string') return [];
  if (!(declaredDateTime || LOOKS_LIKE_A_DATE.test(value))) return [];
  return ISO_DATE.test(value) || ISO_DATE_TIME.test(value)
    ? []
    : [{ code: 'D023', where, message: `"${key}" is "${value}": use ISO-8601 with a time zone, e.g. 2023-09-15T09:59:59Z.` }];
}

function walk(value: unknown, path: string, visit: (key: string, value: unknown, path: string) => void): void {
  if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      visit(key, inner, `${path}.${key}`);
      walk(inner, `${path}.${key}`, visit);
    }
  }
}

const D023: Check = {
  code: 'D023',
  title: 'ISO-8601 Date/Time Format in Static Sample',
  source: `${CHECKS_REFERENCE}#D023; ${PUBLISHING} §4.6.3`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }) => {
      const declared = new Set(
        outputFields(item)
          .filter((field) => field.type === 'datetime')
          .map((field) => field.key),
      );
      const findings: Finding[] = [];
      walk(item.operation?.sample, `${where}.operation.sample`, (key, value, path) =>
        findings.push(...dateFindings(path, value, key, declared.has(key))),
      );
      return findings;
    }),
};

function typeMismatch(field: OutputField, value: unknown): string | null {
  if (value === undefined || value === null || field.type === undefined) return null;
  const fits: Record<string, (v: unknown) => boolean> = {
    string: (v) => typeof v === 'string',
    text: (v) => typeof v === 'string',
    integer: (v) => Number.isInteger(v),
    number: (v) => typeof v === 'number',
    boolean: (v) => typeof v === 'boolean',
    datetime: (v) => typeof v === 'string',
  };
  const fit = fits[field.type];
  return fit && !fit(value) ? `is ${JSON.stringify(value)}, not of type ${field.type}` : null;
}

const D024: Check = {
  code: 'D024',
  title: 'Static Sample Respects Output Field Definition',
  source: `${CHECKS_REFERENCE}#D024`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }) => {
      const sample = item.operation?.sample ?? {};
      return outputFields(item).flatMap((field): Finding[] => {
        const value = sampleValue(sample, field.key);
        if (field.required && value === undefined)
          return [
            { code: 'D024', where: `${where}.operation.sample`, message: `the required output field "${field.key}" is not in the sample.` },
          ];
        const mismatch = typeMismatch(field, value);
        return mismatch ? [{ code: 'D024', where: `${where}.operation.sample`, message: `"${field.key}" ${mismatch}.` }] : [];
      });
    }),
};

/** Output fields label what a Zap builder maps (§4.8, §5.5, §6.6), line items included; and each sample key has one. */
const PR_5_5: Check = {
  code: 'PR-5.5',
  title: 'Every output field and sample key has a label',
  source: `${PUBLISHING} §4.8, §5.5 and §6.6`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }) => {
      const fields = outputFields(item);
      const unlabelled = fields.filter((field) => (field.label ?? '').trim() === '').map((field) => field.key);
      const labelled = new Set(fields.map((field) => field.key.split(/__|\[\]/)[0]));
      const bare = Object.keys(item.operation?.sample ?? {}).filter((key) => !labelled.has(key));
      return [...unlabelled, ...bare].map((key) => ({
        code: 'PR-5.5',
        where: `${where}.operation.outputFields`,
        message: `"${key}" has no output field with a label.`,
      }));
    }),
};

const REFERENCE_KEY = /(^|_)(id|uuid|reference)$/i;

function hasReference(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasReference);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => REFERENCE_KEY.test(key) || hasReference(inner));
}

/** "Return information about the resource … not just a 'success' message. At a minimum, return an ID" (§5.3): an id, or a status. */
const PR_5_3: Check = {
  code: 'PR-5.3',
  title: 'Actions return an id, or a status',
  source: `${PUBLISHING} §5.3`,
  run: (subject) =>
    operations(subject.definition, ['create'])
      .filter(({ item }) => !hasReference(item.operation?.sample) && !('status' in (item.operation?.sample ?? {})))
      .map(({ where }) => ({
        code: 'PR-5.3',
        where: `${where}.operation.sample`,
        message: 'the action returns neither an id nor a status to map in later steps.',
      })),
};

/** Stand-ins where a real value belongs: "don't set a 'first name' key to a value of 'string' or '1234'; set it to something like 'Bob'". */
const PLACEHOLDER = /^(string|text|value|test|testing|foo|bar|baz|xxx+|lorem ipsum.*|placeholder|todo|tbd|n\/a|1234|12345|123456)$/i;

const PR_5_4: Check = {
  code: 'PR-5.4',
  title: 'Samples hold representative values, not placeholders',
  source: `${PUBLISHING} §4.7, §5.4 and §6.5`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }) => {
      const findings: Finding[] = [];
      walk(item.operation?.sample, `${where}.operation.sample`, (key, value, path) => {
        if ((typeof value === 'string' || typeof value === 'number') && PLACEHOLDER.test(String(value).trim()))
          findings.push({
            code: 'PR-5.4',
            where: path,
            message: `"${key}" is "${value}": use a value a real answer would hold, e.g. "Bob" for a first name.`,
          });
      });
      return findings;
    }),
};

export const sampleChecks = [D010, D012, D023, D024, PR_5_5, PR_5_3, PR_5_4];
