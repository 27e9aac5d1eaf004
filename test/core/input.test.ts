import { z as schema } from 'zod';
import { optionalText, parseInput, requiredText } from '../../src/core/input';
import { appError, inputProblem, thrown } from '../support/errors';

const fields = [{ key: 'mobile', label: 'Mobile Number' }, { key: 'first_name', label: 'First Name' }, { key: 'notes' }] as const;

const contactShape = schema.object({
  mobile: requiredText('The mobile number'),
  first_name: optionalText(),
  notes: optionalText(),
});

describe('parseInput', () => {
  it('returns the parsed input', () => {
    expect(parseInput(contactShape, { mobile: ' +1 949 555 0100 ', first_name: ' Sam ', extra: 'ignored' }, fields)).toEqual({
      mobile: '+1 949 555 0100',
      first_name: 'Sam',
      notes: undefined,
    });
  });

  it('names the field by the label the user sees', () => {
    expect(appError(thrown(() => parseInput(contactShape, { first_name: 'Sam' }, fields)))).toEqual(
      inputProblem('Mobile Number: The mobile number is required.'),
    );
  });

  it('reports only the first problem', () => {
    expect(appError(thrown(() => parseInput(contactShape, { mobile: '', first_name: 7 }, fields)))).toEqual(
      inputProblem('Mobile Number: The mobile number is required.'),
    );
  });

  it('names a field without a label by its key', () => {
    expect(appError(thrown(() => parseInput(contactShape, { mobile: '+1 949 555 0100', notes: ['a'] }, fields)))).toEqual(
      inputProblem('notes: Expected string, received array'),
    );
  });

  it("passes on the schema's own message", () => {
    const shape = schema.object({ mobile: schema.string().regex(/^\+/, { message: 'must start with +.' }) });
    expect(appError(thrown(() => parseInput(shape, { mobile: '949' }, fields)))).toEqual(inputProblem('Mobile Number: must start with +.'));
  });
});

describe('requiredText', () => {
  const text = requiredText('The message');

  it('trims the text', () => {
    expect(text.parse('  Hello there \n')).toBe('Hello there');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['only blanks', ' \n\t '],
    ['not text', 42],
  ])('refuses a value that is %s, saying what is required', (_what, value) => {
    const result = text.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['The message is required.']);
  });
});

describe('optionalText', () => {
  const text = optionalText();

  it('trims the text', () => {
    expect(text.parse(' Sam ')).toBe('Sam');
  });

  it('treats a missing, empty or blank value as absent', () => {
    expect(text.parse(undefined)).toBeUndefined();
    expect(text.parse('')).toBeUndefined();
    expect(text.parse('   ')).toBeUndefined();
  });

  it('refuses a value that is not text', () => {
    expect(text.safeParse(42).success).toBe(false);
  });
});
