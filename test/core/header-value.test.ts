import { headerToken, unsendableCharacter } from '../../src/core/header-value';

describe('unsendableCharacter: where a value holds a character an HTTP header cannot carry', () => {
  it.each([
    ['plain ASCII', 'cp-key-0123456789', undefined],
    ['tab, space and every visible ASCII character', 'a\tb c~!#"\'', undefined],
    ['a zero-width space', 'cp-key-\u200bX', 'at position 8 (a zero-width space, U+200B)'],
    ['a line break', 'ab\ncd', 'at position 3 (a line break, U+000A)'],
    ['a carriage return', 'ab\r\nX-Injected: 1', 'at position 3 (a carriage return, U+000D)'],
    ['a no-break space', 'ab\u00a0cd', 'at position 3 (a no-break space, U+00A0)'],
    ['a NUL, unnamed', 'abc\u0000', 'at position 4 (U+0000)'],
    ['a Latin-1 letter (obs-text)', 'clé', 'at position 3 (U+00E9)'],
    ['an emoji, counted as one character', '😀😀x\u200b', 'at position 1 (U+1F600)'],
    ['a character after an emoji, counted in characters', 'ab\u{1f600}', 'at position 3 (U+1F600)'],
    ['a line break at the end, when the value is sent as it is', 'key\n', 'at position 4 (a line break, U+000A)'],
  ])('%s', (_case, value, expected) => {
    expect(unsendableCharacter(value)).toBe(expected);
  });

  it.each([
    ['blanks at either end, which are trimmed off', '  \tkey-123\n ', undefined],
    ['a zero-width space inside, counted from the first character typed', ' \nke\u200by ', 'at position 5 (a zero-width space, U+200B)'],
    // String.prototype.trim does not remove U+200B: it would be sent.
    ['a zero-width space at the end, which trimming keeps', 'key\u200b', 'at position 4 (a zero-width space, U+200B)'],
  ])('trimmed: %s', (_case, value, expected) => {
    expect(unsendableCharacter(value, { trimmed: true })).toBe(expected);
  });
});

describe('headerToken: a token a provider issues', () => {
  it('accepts a token of visible ASCII', () => {
    expect(headerToken.parse('eyJ0eXAi.abc-_=')).toBe('eyJ0eXAi.abc-_=');
  });

  it('refuses one a header cannot carry, saying where without quoting it', () => {
    const result = headerToken.safeParse('tok-secret\u200bvalue');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'has a character an HTTP header cannot carry at position 11 (a zero-width space, U+200B)',
    ]);
  });

  it('refuses an empty token', () => {
    expect(headerToken.safeParse('').success).toBe(false);
  });
});
