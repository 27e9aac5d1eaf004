import { splitNumbers, toE164, toInternationalDigits } from '../../src/core/phone';
import { appError, inputProblem, thrown } from '../support/errors';

const MISSING_COUNTRY_HINT = ' Include the country code (for example +1 for the US) or set Default Country.';

describe('toE164', () => {
  describe('turns numbers as people type them into E.164', () => {
    it.each([
      ['a US number with brackets and a dash, default US', '(949) 555-0100', 'US', '+19495550100'],
      ['a US number with dots, default US', '949.555.0100', 'US', '+19495550100'],
      ['a US number with dashes, default US', '949-555-0100', 'US', '+19495550100'],
      ['a US number with spaces, default US', '949 555 0100', 'US', '+19495550100'],
      ['a UK mobile with its country code and spaces', '+44 7400 900123', undefined, '+447400900123'],
      ['a UK mobile with its country code, default US (the + wins)', '+44 7400 900123', 'US', '+447400900123'],
      ['a UK mobile in national form, default GB', '07400900123', 'GB', '+447400900123'],
      ['a UK mobile with the 00 international prefix', '0044 7400 900123', undefined, '+447400900123'],
      ['a UK mobile with the 00 prefix and no spaces', '00447400900123', undefined, '+447400900123'],
      ['a US number with +1, dashes and brackets', '+1 (949) 555-0100', undefined, '+19495550100'],
      ['a number with blanks around it', '  +1 949 555 0100  ', undefined, '+19495550100'],
    ])('%s', (_what, typed, defaultCountry, expected) => {
      expect(toE164(typed, { field: 'To', defaultCountry })).toBe(expected);
    });

    it('reads the default country in any case and with blanks around it', () => {
      expect(toE164('07400900123', { field: 'To', defaultCountry: ' gb ' })).toBe('+447400900123');
    });

    it('treats a blank default country as none', () => {
      expect(toE164('+44 7400 900123', { field: 'To', defaultCountry: '  ' })).toBe('+447400900123');
    });

    it('accepts an extension typed after the number and leaves it out', () => {
      expect(toE164('+1 949 555 0100 ext. 12', { field: 'To' })).toBe('+19495550100');
      expect(toE164('+1 949 555 0100 x12', { field: 'To' })).toBe('+19495550100');
    });
  });

  describe('refuses what cannot be a phone number, naming the field and quoting the input', () => {
    it.each([
      {
        name: 'refuses words, and asks for a country code when none was given',
        typed: 'call me',
        options: { field: 'To' },
        problem: `To: "call me" is not a phone number.${MISSING_COUNTRY_HINT}`,
      },
      {
        name: 'refuses a national number when no default country says whose it is',
        typed: '949 555 0100',
        options: { field: 'Mobile' },
        problem: `Mobile: "949 555 0100" is not a phone number.${MISSING_COUNTRY_HINT}`,
      },
      {
        name: 'refuses a number too short for its country, without the country hint when a default country is set',
        typed: '12345',
        options: { field: 'To', defaultCountry: 'US' },
        problem: 'To: "12345" is not a phone number.',
      },
      {
        name: 'refuses a number with letters in it, without the country hint when it starts with +',
        typed: '+1 949 555 01OO',
        options: { field: 'To' },
        problem: 'To: "+1 949 555 01OO" is not a phone number.',
      },
      {
        name: 'refuses a vanity number spelled with letters',
        typed: '1-800-FLOWERS',
        options: { field: 'To', defaultCountry: 'US' },
        problem: 'To: "1-800-FLOWERS" is not a phone number.',
      },
      {
        name: 'refuses a number followed by other words',
        typed: '949-555-0100 after 5pm',
        options: { field: 'To', defaultCountry: 'US' },
        problem: 'To: "949-555-0100 after 5pm" is not a phone number.',
      },
      {
        // libphonenumber alone reads the number out of this text: only the letters check refuses it.
        name: 'refuses a valid number with a word after it',
        typed: '9495550100 please',
        options: { field: 'To', defaultCountry: 'US' },
        problem: 'To: "9495550100 please" is not a phone number.',
      },
      {
        // libphonenumber alone reads a tel: URI (RFC 3966) as its number: only the letters check refuses it.
        name: 'refuses a tel: link',
        typed: 'tel:+44 7400 900123',
        options: { field: 'To', defaultCountry: 'US' },
        problem: 'To: "tel:+44 7400 900123" is not a phone number.',
      },
      {
        name: 'refuses an unknown country calling code',
        typed: '+999 123 4567',
        options: { field: 'To' },
        problem: 'To: "+999 123 4567" is not a phone number.',
      },
      {
        name: 'asks for a number when the field is blank',
        typed: '   ',
        options: { field: 'To' },
        problem: 'To: a phone number is required.',
      },
    ])('$name', ({ typed, options, problem }) => {
      expect(appError(thrown(() => toE164(typed, options)))).toEqual(inputProblem(problem));
    });
  });

  describe('default country', () => {
    it.each(['USA', 'U', '1', 'United Kingdom'])('refuses "%s", which is not a two-letter code, naming Default Country', (code) => {
      expect(appError(thrown(() => toE164('(949) 555-0100', { field: 'To', defaultCountry: code })))).toEqual(
        inputProblem(`Default Country: "${code}" is not a two-letter country code (for example US or GB).`),
      );
    });
  });

  describe('onlyCountry', () => {
    it('reads a national number as a number of that country', () => {
      expect(toE164('(949) 555-0100', { field: 'To', onlyCountry: 'US' })).toBe('+19495550100');
    });

    it('accepts an international number of that country, whatever the case of the code', () => {
      expect(toE164('+1 212 555 0100', { field: 'To', onlyCountry: 'us' })).toBe('+12125550100');
    });

    it('prefers the default country for reading national numbers', () => {
      expect(toE164('07400 123456', { field: 'To', defaultCountry: 'GB', onlyCountry: 'GB' })).toBe('+447400123456');
    });

    it('accepts a possible number of that country outside its assigned ranges', () => {
      expect(toE164('+44 7700 900123', { field: 'To', onlyCountry: 'GB' })).toBe('+447700900123');
      expect(toE164('+1 555 555 0100', { field: 'To', onlyCountry: 'US' })).toBe('+15555550100');
    });

    it.each([
      {
        name: 'refuses a number of another country, naming the country',
        typed: '+44 7400 123456',
        options: { field: 'To', onlyCountry: 'US' },
        problem: 'To: "+44 7400 123456" is not a US phone number.',
      },
      {
        name: 'refuses a number of a country that shares the calling code (Canada for the US)',
        typed: '+1 416 555 0100',
        options: { field: 'To', onlyCountry: 'US' },
        problem: 'To: "+1 416 555 0100" is not a US phone number.',
      },
      {
        name: 'refuses a two-letter code that is no country, naming the default country',
        typed: '07400900123',
        options: { field: 'To', defaultCountry: 'XX' },
        problem: 'Default Country: "XX" is not a two-letter country code (for example US or GB).',
      },
      {
        name: 'refuses a malformed country code, naming the field',
        typed: '+1 212 555 0100',
        options: { field: 'To', onlyCountry: 'USA' },
        problem: 'To: "USA" is not a two-letter country code (for example US or GB).',
      },
    ])('$name', ({ typed, options, problem }) => {
      expect(appError(thrown(() => toE164(typed, options)))).toEqual(inputProblem(problem));
    });
  });
});

describe('assignedOnly', () => {
  it('accepts a number in an assigned range', () => {
    expect(toE164('07400 900123', { field: 'To', defaultCountry: 'GB', assignedOnly: true })).toBe('+447400900123');
  });

  it('refuses a possible number outside the assigned ranges (the UK drama range 07700 900xxx), quoting it', () => {
    expect(appError(thrown(() => toE164('07700 900123', { field: 'To', defaultCountry: 'GB', assignedOnly: true })))).toEqual(
      inputProblem('To: "07700 900123" is not a number in use: no carrier is assigned its range. Check the number.'),
    );
  });
});

describe('toInternationalDigits', () => {
  it('gives E.164 without the plus', () => {
    expect(toInternationalDigits('(949) 555-0100', { field: 'To', defaultCountry: 'US' })).toBe('19495550100');
    expect(toInternationalDigits('+44 7400 900123', { field: 'To' })).toBe('447400900123');
    expect(toInternationalDigits('0044 7400 900123', { field: 'To' })).toBe('447400900123');
  });

  it('refuses what toE164 refuses, with the same message', () => {
    expect(appError(thrown(() => toInternationalDigits('n/a', { field: 'To', defaultCountry: 'US' })))).toEqual(
      inputProblem('To: "n/a" is not a phone number.'),
    );
  });
});

describe('splitNumbers', () => {
  it('splits on commas, semicolons and new lines, trimming each number', () => {
    expect(splitNumbers('+1 949 555 0100, +44 7400 900123;07400900124\n(949) 555-0101\r\n949.555.0102')).toEqual([
      '+1 949 555 0100',
      '+44 7400 900123',
      '07400900124',
      '(949) 555-0101',
      '949.555.0102',
    ]);
  });

  it('keeps a single number whole, spaces and all', () => {
    expect(splitNumbers(' +44 7400 900123 ')).toEqual(['+44 7400 900123']);
  });

  it('takes line items, splitting any item that holds several numbers', () => {
    expect(splitNumbers(['+1 949 555 0100', '+44 7400 900123, 07400900124', '949-555-0101'])).toEqual([
      '+1 949 555 0100',
      '+44 7400 900123',
      '07400900124',
      '949-555-0101',
    ]);
  });

  it('drops blanks and empty separators', () => {
    expect(splitNumbers(' , ;\n+1 949 555 0100,,;\n ')).toEqual(['+1 949 555 0100']);
    expect(splitNumbers(['', '  ', '+1 949 555 0100', ' ,; '])).toEqual(['+1 949 555 0100']);
  });

  it('gives no numbers for an empty field or an empty list', () => {
    expect(splitNumbers('')).toEqual([]);
    expect(splitNumbers('  \n ')).toEqual([]);
    expect(splitNumbers([])).toEqual([]);
  });
});
