/**
 * The parts of a Zapier integration definition the checks read, and ways to walk them. Loose on
 * purpose: a check must be able to report on a definition that is wrong, not only on one that types.
 */

export interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  required?: boolean;
  default?: string;
  list?: boolean;
  dynamic?: string;
  search?: string;
  choices?: unknown;
  children?: Field[];
  inputFormat?: string;
}

export interface OutputField {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
}

export type OperationKind = 'trigger' | 'create' | 'search';

export interface Operation {
  key: string;
  noun?: string;
  display?: { label?: string; description?: string; hidden?: boolean };
  operation?: {
    type?: string;
    inputFields?: unknown[];
    outputFields?: unknown[];
    sample?: Record<string, unknown>;
    perform?: unknown;
    performList?: unknown;
    performSubscribe?: unknown;
    performUnsubscribe?: unknown;
    canPaginate?: boolean;
  };
}

export interface Authentication {
  type?: string;
  fields?: unknown[];
  connectionLabel?: unknown;
}

export interface Definition {
  authentication?: Authentication;
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
  searchOrCreates?: Record<string, { key: string; display?: { label?: string; description?: string }; search?: string; create?: string }>;
}

/** One integration to check: its key, the names it goes by (which descriptions must not repeat) and its definition. */
export interface Subject {
  key: string;
  names: string[];
  definition: Definition;
}

export interface Finding {
  code: string;
  where: string;
  message: string;
}

export interface Check {
  /** Zapier's code for the check (D001…), or the section of the publishing requirements (PR-5.3). */
  code: string;
  title: string;
  /** The published document (and section) the check comes from. */
  source: string;
  run(subject: Subject): Finding[] | Promise<Finding[]>;
}

export interface Located<T> {
  kind: OperationKind;
  where: string;
  item: T;
}

const GROUPS = [
  ['trigger', 'triggers'],
  ['create', 'creates'],
  ['search', 'searches'],
] as const;

export function operations(
  definition: Definition,
  kinds: readonly OperationKind[] = ['trigger', 'create', 'search'],
): Located<Operation>[] {
  return GROUPS.filter(([kind]) => kinds.includes(kind)).flatMap(([kind, group]) =>
    Object.values(definition[group] ?? {}).map((item) => ({ kind, where: `${group}.${item.key}`, item })),
  );
}

const isField = (value: unknown): value is Field => typeof value === 'object' && value !== null && 'key' in value;

/** The static input fields of an operation, line-item children included (fields computed by a function are out of reach offline). */
export function inputFields(operation: Located<Operation>): Located<Field>[] {
  const walk = (fields: unknown[], where: string): Located<Field>[] =>
    fields.filter(isField).flatMap((field) => {
      const here = `${where}.${field.key}`;
      return [{ kind: operation.kind, where: here, item: field }, ...walk(field.children ?? [], here)];
    });
  return walk(operation.item.operation?.inputFields ?? [], `${operation.where}.inputFields`);
}

export function outputFields(operation: Operation): OutputField[] {
  return (operation.operation?.outputFields ?? []).filter(isField) as OutputField[];
}

export function authFields(definition: Definition): Field[] {
  return (definition.authentication?.fields ?? []).filter(isField);
}

/** Text with Markdown code spans and links taken out: what is left is plain prose. */
export function prose(text: string): string {
  return text.replace(/`[^`]*`/g, '').replace(/\[[^\]]*\]\([^)\s]*\)/g, '');
}

export const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');
