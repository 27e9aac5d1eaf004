import { authFields, outputFields, type Definition, type Field, type Operation } from '../check-zapier/definition';

/**
 * What of an integration's definition a live Zap depends on, as kept for each release in
 * releases/<key>/<version>.json: the keys, types, required-ness and defaults of the fields, each
 * trigger's type, the connection's type and fields, output keys, search-or-creates and the type of
 * the sample's id. Labels are kept so that a relabelling shows up (as compatible).
 */

export interface InputFieldSnapshot {
  key: string;
  label: string;
  type: string;
  required: boolean;
  list: boolean;
  default?: string;
  dynamic?: string;
  children?: InputFieldSnapshot[];
}

export interface OperationSnapshot {
  label: string;
  hidden: boolean;
  /** Triggers only: how Zapier learns of new items. */
  triggerType?: 'polling' | 'hook';
  inputFields: InputFieldSnapshot[];
  /** Input fields computed by a function at run time: their keys cannot be read offline. */
  computedInputFields?: number;
  outputFields: string[];
  /** typeof the sample's `id` ('none' without one); a polling trigger deduplicates on it. */
  sampleIdType: string;
}

export interface AuthFieldSnapshot {
  key: string;
  type: string;
  required: boolean;
}

export interface Snapshot {
  authentication: { type: string; fields: AuthFieldSnapshot[] };
  triggers: Record<string, OperationSnapshot>;
  creates: Record<string, OperationSnapshot>;
  searches: Record<string, OperationSnapshot>;
  searchOrCreates: Record<string, { search: string; create: string }>;
}

export const OPERATION_GROUPS = ['triggers', 'creates', 'searches'] as const;

const isStaticField = (value: unknown): value is Field => typeof value === 'object' && value !== null && 'key' in value;

function inputFieldSnapshot(field: Field): InputFieldSnapshot {
  return {
    key: field.key,
    label: field.label ?? field.key,
    // Zapier's default type is string.
    type: field.type ?? 'string',
    required: field.required === true,
    list: field.list === true,
    ...(field.default === undefined ? {} : { default: field.default }),
    ...(field.dynamic === undefined ? {} : { dynamic: field.dynamic }),
    ...(field.children === undefined ? {} : { children: field.children.filter(isStaticField).map(inputFieldSnapshot) }),
  };
}

function operationSnapshot(operation: Operation, group: (typeof OPERATION_GROUPS)[number]): OperationSnapshot {
  const fields = operation.operation?.inputFields ?? [];
  const computed = fields.filter((field) => !isStaticField(field)).length;
  const id = operation.operation?.sample?.id;
  return {
    label: operation.display?.label ?? operation.key,
    hidden: operation.display?.hidden === true,
    ...(group === 'triggers' ? { triggerType: operation.operation?.type === 'hook' ? 'hook' : 'polling' } : {}),
    inputFields: fields.filter(isStaticField).map(inputFieldSnapshot),
    ...(computed > 0 ? { computedInputFields: computed } : {}),
    outputFields: outputFields(operation).map((field) => field.key),
    sampleIdType: id === undefined || id === null ? 'none' : typeof id,
  };
}

const byKey = <T>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function snapshotOf(definition: Definition): Snapshot {
  const group = (name: (typeof OPERATION_GROUPS)[number]) =>
    byKey(Object.values(definition[name] ?? {}).map((operation) => [operation.key, operationSnapshot(operation, name)]));
  return {
    authentication: {
      type: definition.authentication?.type ?? 'none',
      fields: authFields(definition).map((field) => ({ key: field.key, type: field.type ?? 'string', required: field.required === true })),
    },
    triggers: group('triggers'),
    creates: group('creates'),
    searches: group('searches'),
    searchOrCreates: byKey(
      Object.values(definition.searchOrCreates ?? {}).map((pair) => [pair.key, { search: pair.search ?? '', create: pair.create ?? '' }]),
    ),
  };
}
