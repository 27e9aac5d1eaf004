import { describeText, replaceOutsideGsm7 } from '../../src/core/message-text';

const gsm7 = (segments: number, units: number) => ({ encoding: 'GSM-7', segments, units, nonGsmCharacters: [] });

describe('describeText', () => {
  it('describes an empty text as GSM-7 costing no segments', () => {
    expect(describeText('')).toEqual(gsm7(0, 0));
  });

  it('sends plain text, accents of the GSM alphabet and new lines as GSM-7, one unit per character', () => {
    expect(describeText('Hi Sam, your order #1042 is ready.')).toEqual(gsm7(1, 34));
    expect(describeText('Café à 5 £, Ñoño!\nØre')).toEqual(gsm7(1, 21));
    expect(describeText('Line one\r\nLine two')).toEqual(gsm7(1, 18));
  });

  describe('GSM-7 extension characters count two', () => {
    it.each(['€', '[', ']', '{', '}', '^', '~', '|', '\\'])('counts "%s" as two units', (character) => {
      expect(describeText(`a${character}`)).toEqual(gsm7(1, 3));
    });

    it('fits 80 euro signs in one segment and 81 in two', () => {
      expect(describeText('€'.repeat(80))).toEqual(gsm7(1, 160));
      expect(describeText('€'.repeat(81))).toEqual(gsm7(2, 162));
    });

    it('lets one [ push 159 letters over a single segment', () => {
      expect(describeText(`[${'a'.repeat(159)}`)).toEqual(gsm7(2, 161));
    });

    it('never splits an escape pair across segments: 153 euro signs (306 units) cost 3 segments, not 2', () => {
      expect(describeText('€'.repeat(153))).toEqual(gsm7(3, 306));
    });

    it('fits 152 letters and a euro sign (154 units) in 2 segments, but a euro sign at unit 153 moves to the next', () => {
      expect(describeText(`${'a'.repeat(305)}€`)).toEqual(gsm7(3, 307));
      expect(describeText(`${'a'.repeat(152)}€${'a'.repeat(151)}`)).toEqual(gsm7(2, 305));
      expect(describeText(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual(gsm7(3, 306));
    });
  });

  describe('UCS-2 for anything outside the GSM alphabet', () => {
    it('sends an emoji as UCS-2, counting its two UTF-16 units, and names it', () => {
      expect(describeText('😀')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2, nonGsmCharacters: ['😀'] });
      expect(describeText('Thanks 👍')).toEqual({ encoding: 'UCS-2', segments: 1, units: 9, nonGsmCharacters: ['👍'] });
    });

    it('never splits a surrogate pair across segments: 67 emoji (134 units) cost 3 segments, not 2', () => {
      expect(describeText('😀'.repeat(67))).toEqual({ encoding: 'UCS-2', segments: 3, units: 134, nonGsmCharacters: ['😀'] });
    });

    it('sends an accented letter outside the GSM alphabet as UCS-2', () => {
      expect(describeText('Olá')).toEqual({ encoding: 'UCS-2', segments: 1, units: 3, nonGsmCharacters: ['á'] });
    });

    it('sends a Chinese character as UCS-2', () => {
      expect(describeText('你好')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2, nonGsmCharacters: ['你', '好'] });
    });

    it('turns the whole message into UCS-2 for one such character, where extension characters count one', () => {
      expect(describeText(`€[${'a'.repeat(67)}中`)).toEqual({ encoding: 'UCS-2', segments: 1, units: 70, nonGsmCharacters: ['中'] });
    });

    it('names each character that forced UCS-2 once, in order of first appearance', () => {
      expect(describeText('It’s “done” — ok’ 😀 “').nonGsmCharacters).toEqual(['’', '“', '”', '—', '😀']);
    });
  });

  describe('segment counts at the boundaries', () => {
    it.each([
      [160, 1],
      [161, 2],
      [306, 2],
      [307, 3],
      [459, 3],
      [460, 4],
    ])('GSM-7: %i characters cost %i segments', (length, segments) => {
      expect(describeText('a'.repeat(length))).toEqual(gsm7(segments, length));
    });

    it.each([
      [70, 1],
      [71, 2],
      [134, 2],
      [135, 3],
      [201, 3],
      [202, 4],
    ])('UCS-2: %i characters cost %i segments', (length, segments) => {
      expect(describeText('中'.repeat(length))).toEqual({ encoding: 'UCS-2', segments, units: length, nonGsmCharacters: ['中'] });
    });
  });
});

describe('replaceOutsideGsm7', () => {
  // Twilio's table as the calculator ships it writes a non-breaking space as two spaces.
  it('replaces smart quotes, dashes, ellipses and non-breaking spaces, listing each once', () => {
    expect(replaceOutsideGsm7('It’s “done” — see you…\u00a0soon ’')).toEqual({
      text: 'It\'s "done" - see you...  soon \'',
      replaced: [
        { from: '’', to: "'" },
        { from: '“', to: '"' },
        { from: '”', to: '"' },
        { from: '—', to: '-' },
        { from: '…', to: '...' },
        { from: '\u00a0', to: '  ' },
      ],
    });
  });

  it('drops zero-width characters', () => {
    expect(replaceOutsideGsm7('a\u200bb')).toEqual({ text: 'ab', replaced: [{ from: '\u200b', to: '' }] });
  });

  it('leaves GSM-7 text, emoji and other scripts as they are', () => {
    expect(replaceOutsideGsm7('Café € [ok] 😀 你好')).toEqual({ text: 'Café € [ok] 😀 你好', replaced: [] });
  });
});
