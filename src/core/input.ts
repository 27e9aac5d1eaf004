import type { InferInputData, InputField } from 'zapier-platform-core';
import { z as schema, type ZodType, type ZodTypeAny, type ZodTypeDef } from 'zod';
import { inputError } from './input-error';
import { splitNumbers } from './phone';

interface LabelledField {
  key: string;
  label?: string;
}

/** An operation's inputFields: labelled fields, and functions that compute more of them. */
type FieldList = readonly (LabelledField | ((...args: never[]) => unknown))[];

/**
 * The zod shape of an operation's input: one schema for each of its input fields, keyed by the
 * field's own key. Written `schema.object({ ... } satisfies InputShape<typeof inputFields>)`, a
 * misspelt key, or a field left out, fails to compile.
 */
export type InputShape<Fields extends readonly InputField[]> = Record<keyof InferInputData<Fields>, ZodTypeAny>;

/**
 * Validates a step's input with `shape`; the first problem becomes a Zapier error that names
 * the field by the label the user sees.
 */
export function parseInput<T>(shape: ZodType<T, ZodTypeDef, unknown>, inputData: unknown, fields: FieldList): T {
  const result = shape.safeParse(inputData);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const field = fields.find((candidate): candidate is LabelledField => typeof candidate !== 'function' && candidate.key === key);
  const label = field?.label ?? (key || 'Input');
  throw inputError(label, issue?.message ?? 'is not valid.');
}

/** A required text field: present and not only blanks. */
export const requiredText = (what: string) =>
  schema
    .string({ required_error: `${what} is required.`, invalid_type_error: `${what} is required.` })
    .trim()
    .min(1, { message: `${what} is required.` });

/** An optional text field: blank counts as absent. */
export const optionalText = () =>
  schema
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value));

/** Phone numbers typed in one field or given as line items: split, at least one, at most `max`. */
export const phoneNumberList = (max: number) =>
  schema
    .union([schema.string(), schema.array(schema.string())], { errorMap: () => ({ message: 'At least one phone number is required.' }) })
    .transform(splitNumbers)
    .refine((numbers) => numbers.length > 0, { message: 'At least one phone number is required.' })
    .refine((numbers) => numbers.length <= max, {
      message: max === 1 ? 'Give one phone number only.' : `Give at most ${max} phone numbers.`,
    });

/** A Zapier boolean field: `true`/`false` or the strings Zapier sends for them (`yes`, `no`, ...); blank is false. */
export const optionalBoolean = () =>
  schema
    .union([schema.boolean(), schema.string(), schema.undefined(), schema.null()], {
      errorMap: () => ({ message: 'must be yes or no.' }),
    })
    .transform((value, context) => {
      if (typeof value === 'boolean') return value;
      const word = (value ?? '').trim().toLowerCase();
      if (['', 'false', 'no', '0', 'off'].includes(word)) return false;
      if (['true', 'yes', '1', 'on'].includes(word)) return true;
      context.addIssue({ code: 'custom', message: `"${value}" is not yes or no.` });
      return schema.NEVER;
    });

/**
 * An optional whole number of at least 1: a number, or its digits as typed or mapped (blanks around
 * them are ignored); blank is absent. Only plain digits count: `0x10`, `0b11`, `1e3`, `1.0` or
 * `+3` are refused, though JavaScript's Number() would read them.
 */
export const optionalPositiveInteger = () =>
  schema
    .union([schema.number(), schema.string(), schema.undefined(), schema.null()], {
      errorMap: () => ({ message: 'must be a whole number.' }),
    })
    .transform((value, context) => {
      const typed = typeof value === 'string' ? value.trim() : value;
      if (typed === undefined || typed === null || typed === '') return undefined;
      const number = typeof typed === 'number' ? typed : /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
      if (!Number.isInteger(number) || number < 1) {
        context.addIssue({ code: 'custom', message: `"${value}" is not a whole number of at least 1: write it in digits only, e.g. 2.` });
        return schema.NEVER;
      }
      return number;
    });
