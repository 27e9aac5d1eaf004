import { z as schema, type ZodType } from 'zod';
import { inputError } from './input-error';

interface LabelledField {
  key: string;
  label?: string;
}

/**
 * Validates a step's input with `shape`; the first problem becomes a Zapier error that names
 * the field by the label the user sees.
 */
export function parseInput<T>(shape: ZodType<T>, inputData: unknown, fields: readonly LabelledField[]): T {
  const result = shape.safeParse(inputData);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const label = fields.find((field) => field.key === key)?.label ?? (key || 'Input');
  throw inputError(label, issue?.message ?? 'is not valid.');
}

/** A required text field: present and not only blanks. */
export const requiredText = (what: string) =>
  schema.string({ error: `${what} is required.` }).trim().min(1, { error: `${what} is required.` });

/** An optional text field: blank counts as absent. */
export const optionalText = () =>
  schema
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value));
