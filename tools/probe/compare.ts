import { z as schema } from 'zod';

/** How a raw answer differs from the schema the operation parses it with; all empty when it fits. */
export interface Difference {
  /** Fields the schema needs and the answer lacks, or a rule the answer breaks. */
  missing: string[];
  /** `field (expected X, received Y)`. */
  wrongType: string[];
  /** Fields the answer has that neither the schema nor `known` names. */
  extra: string[];
}

const where = (path: (string | number)[]) =>
  path.map((part, index) => (typeof part === 'number' ? '[]' : index === 0 ? part : `.${part}`)).join('') || '(the answer)';

/** The issue list of the union option that got furthest: the one a provider's answer was meant to be. */
function flatIssues(issues: schema.ZodIssue[]): schema.ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const options = issue.unionErrors.map((error) => flatIssues(error.issues));
    const depth = (list: schema.ZodIssue[]) => Math.max(...list.map((inner) => inner.path.length));
    return options.sort((a, b) => depth(b) - depth(a))[0] ?? [issue];
  });
}

function unwrap(type: schema.ZodTypeAny): schema.ZodTypeAny {
  if (type instanceof schema.ZodOptional || type instanceof schema.ZodNullable) return unwrap(type.unwrap());
  if (type instanceof schema.ZodDefault) return unwrap(type._def.innerType);
  if (type instanceof schema.ZodEffects) return unwrap(type.innerType());
  if (type instanceof schema.ZodPipeline) return unwrap(type._def.in);
  return type;
}

/** The fields of `value` that `type` does not name, walking objects, arrays and the union option that fits. */
function extraFields(type: schema.ZodTypeAny, value: unknown, known: ReadonlySet<string>, path: (string | number)[]): string[] {
  const inner = unwrap(type);
  if (value === null || value === undefined) return [];
  if (inner instanceof schema.ZodUnion) {
    const options = inner.options as schema.ZodTypeAny[];
    const kind = (type: schema.ZodTypeAny) =>
      type instanceof schema.ZodArray ? 'array' : type instanceof schema.ZodObject ? 'object' : 'value';
    const valueKind = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : 'value';
    const fitting =
      options.find((option) => option.safeParse(value).success) ?? options.find((option) => kind(unwrap(option)) === valueKind);
    return fitting ? extraFields(fitting, value, known, path) : [];
  }
  if (inner instanceof schema.ZodArray && Array.isArray(value)) {
    return value.slice(0, 20).flatMap((item, index) => extraFields(inner.element as schema.ZodTypeAny, item, known, [...path, index]));
  }
  if (inner instanceof schema.ZodObject && typeof value === 'object' && !Array.isArray(value)) {
    const shape = inner.shape as Record<string, schema.ZodTypeAny>;
    return Object.entries(value as Record<string, unknown>).flatMap(([key, field]) => {
      const declared = shape[key];
      if (declared) return extraFields(declared, field, known, [...path, key]);
      return known.has(key) ? [] : [where([...path, key])];
    });
  }
  return [];
}

/** Parses `raw` with the operation's own schema and compares its fields. */
export function compareAnswer(answerSchema: schema.ZodTypeAny, raw: unknown, known: readonly string[] = []): Difference {
  const parsed = answerSchema.safeParse(raw);
  const missing: string[] = [];
  const wrongType: string[] = [];
  if (!parsed.success) {
    for (const issue of flatIssues(parsed.error.issues)) {
      if (issue.code === 'invalid_type' && issue.received === 'undefined') missing.push(where(issue.path));
      else if (issue.code === 'invalid_type')
        wrongType.push(`${where(issue.path)} (expected ${issue.expected}, received ${issue.received})`);
      else missing.push(`${where(issue.path)}: ${issue.message}`);
    }
  }
  const unique = (list: string[]) => [...new Set(list)];
  return { missing: unique(missing), wrongType: unique(wrongType), extra: unique(extraFields(answerSchema, raw, new Set(known), [])) };
}

export const fits = (difference: Difference) => difference.missing.length + difference.wrongType.length + difference.extra.length === 0;
