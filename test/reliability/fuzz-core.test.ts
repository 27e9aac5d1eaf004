import fc from 'fast-check';
import { describeText } from '../../src/core/message-text';
import { splitNumbers, toE164 } from '../../src/core/phone';
import { fuzzRuns } from '../support/fuzz';
import { PropertyTally, recordFigure } from './figures';

const RUNS = 2000;

/** Zapier's `errors.Error` for a field: JSON naming the field's label first. */
function namesField(error: unknown, label: string): boolean {
  if (!(error instanceof Error) || error.name !== 'AppError') return false;
  const { message, code } = JSON.parse(error.message) as { message: string; code: string };
  return code === 'invalid_input' && (message.startsWith(`${label}: `) || message.startsWith('Default Country: '));
}

const phoneLike = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[+0-9 ()\-.x]{0,24}$/),
  fc.constantFrom('+44 7400 900123', '(949) 555-0100', '0044 7400 900123', '+1 949 555 0100 ext 12', '++1', '00', '+', 'abc'),
);

describe('phone normalisation, fuzzed', () => {
  const tally = new PropertyTally();
  let checked = 0;
  let rejected = 0;
  afterAll(() =>
    recordFigure(
      `fuzz: phone normalisation and list splitting — ${tally.perProperty} generated inputs per property, ${tally.runs.length} properties, ` +
        `${tally.counterexamples} counterexamples; ${rejected} of ${checked} phone inputs rejected, each with a Zapier error naming the field`,
    ),
  );

  it.each([
    {
      name: 'either returns E.164 or throws a Zapier error naming the field, for any text and country',
      options: fc
        .option(fc.oneof(fc.constantFrom('US', 'GB', 'DE', 'gb', 'XX', ''), fc.string({ maxLength: 3 })), { nil: undefined })
        .map((country) => ({ field: 'To', defaultCountry: country })),
      accepted: /^\+[1-9]\d{1,14}$/,
    },
    {
      name: 'accepts only numbers of the one country a field allows',
      options: fc.constant({ field: 'Number to Call', defaultCountry: 'GB', onlyCountry: 'GB' }),
      accepted: /^\+44/,
    },
  ])('$name', ({ options, accepted }) => {
    fc.assert(
      fc.property(
        phoneLike,
        options,
        tally.counted((input, fieldOptions) => {
          checked += 1;
          try {
            expect(toE164(input, fieldOptions)).toMatch(accepted);
          } catch (error) {
            expect(namesField(error, fieldOptions.field)).toBe(true);
            rejected += 1;
          }
        }),
      ),
      fuzzRuns(RUNS),
    );
  });

  it('keeps a number it accepted stable: normalising its own output gives it back', () => {
    fc.assert(
      fc.property(
        phoneLike,
        tally.counted((input) => {
          let first: string;
          try {
            first = toE164(input, { field: 'To', defaultCountry: 'US' });
          } catch {
            return;
          }
          expect(toE164(first, { field: 'To' })).toBe(first);
        }),
      ),
      fuzzRuns(RUNS),
    );
  });

  it('splits any list into trimmed, non-empty parts without losing a number', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.array(fc.string())),
        tally.counted((input) => {
          const parts = splitNumbers(input);
          for (const part of parts) expect(part).toBe(part.trim());
          expect(parts).not.toContain('');
        }),
      ),
      fuzzRuns(RUNS),
    );
  });
});

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmText = fc
  .array(fc.constantFrom(...GSM_BASIC, '€', '[', ']', '{', '}', '^', '~', '|', '\\', '\f'), { maxLength: 700 })
  .map((chars) => chars.join(''));
const anyText = fc.oneof(gsmText, fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }));

describe('message encoding and segments, fuzzed', () => {
  const tally = new PropertyTally();
  afterAll(() =>
    recordFigure(
      `fuzz: message encoding and segments — ${tally.perProperty} generated inputs per property, ${tally.runs.length} properties, ${tally.counterexamples} counterexamples`,
    ),
  );

  it('never throws, and the segments cover the text within the encoding limits', () => {
    fc.assert(
      fc.property(
        anyText,
        tally.counted((text) => {
          const shape = describeText(text);
          const [single, multipart] = shape.encoding === 'GSM-7' ? [160, 153] : [70, 67];
          if (shape.units === 0) expect(shape.segments).toBe(0);
          else if (shape.units <= single) expect(shape.segments).toBe(1);
          else {
            expect(shape.segments * multipart).toBeGreaterThanOrEqual(shape.units);
            // A segment may end one unit short: an escape or surrogate pair is never split.
            expect((shape.segments - 1) * (multipart - 1)).toBeLessThan(shape.units);
          }
        }),
      ),
      fuzzRuns(RUNS),
    );
  });

  it('counts GSM-7 text in GSM units (extension characters twice) and anything else in UTF-16 units', () => {
    fc.assert(
      fc.property(
        anyText,
        tally.counted((text) => {
          const shape = describeText(text);
          if (shape.encoding === 'UCS-2') expect(shape.units).toBe(text.length);
          else expect(shape.units).toBe([...text].reduce((sum, char) => sum + ('€[]{}^~|\\\f'.includes(char) ? 2 : 1), 0));
        }),
      ),
      fuzzRuns(RUNS),
    );
  });

  it('never needs fewer segments after a character is added', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }),
        tally.counted((text, more) => {
          expect(describeText(text + more).segments).toBeGreaterThanOrEqual(describeText(text).segments);
        }),
      ),
      fuzzRuns(RUNS),
    );
  });
});
