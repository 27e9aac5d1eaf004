import { describeText } from '../../src/core/message-text';

describe('describeText', () => {
  it('describes an empty text as GSM-7 costing no segments', () => {
    expect(describeText('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0 });
  });

  it('sends plain text, accents of the GSM alphabet and new lines as GSM-7, one unit per character', () => {
    expect(describeText('Hi Sam, your order #1042 is ready.')).toEqual({ encoding: 'GSM-7', segments: 1, units: 34 });
    expect(describeText('Café à 5 £, Ñoño!\nØre')).toEqual({ encoding: 'GSM-7', segments: 1, units: 21 });
  });

  describe('GSM-7 extension characters count two', () => {
    it.each(['€', '[', ']', '{', '}', '^', '~', '|', '\\'])('counts "%s" as two units', (character) => {
      expect(describeText(`a${character}`)).toEqual({ encoding: 'GSM-7', segments: 1, units: 3 });
    });

    it('fits 80 euro signs in one segment and 81 in two', () => {
      expect(describeText('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
      expect(describeText('€'.repeat(81))).toEqual({ encoding: 'GSM-7', segments: 2, units: 162 });
    });

    it('lets one [ push 159 letters over a single segment', () => {
      expect(describeText(`[${'a'.repeat(159)}`)).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    });
  });

  describe('UCS-2 for anything outside the GSM alphabet', () => {
    it('sends an emoji as UCS-2, counting its two UTF-16 units', () => {
      expect(describeText('😀')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2 });
      expect(describeText('Thanks 👍')).toEqual({ encoding: 'UCS-2', segments: 1, units: 9 });
    });

    it('sends an accented letter outside the GSM alphabet as UCS-2', () => {
      expect(describeText('Olá')).toEqual({ encoding: 'UCS-2', segments: 1, units: 3 });
    });

    it('sends a Chinese character as UCS-2', () => {
      expect(describeText('你好')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2 });
    });

    it('turns the whole message into UCS-2 for one such character, where extension characters count one', () => {
      expect(describeText(`€[${'a'.repeat(67)}中`)).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
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
      expect(describeText('a'.repeat(length))).toEqual({ encoding: 'GSM-7', segments, units: length });
    });

    it.each([
      [70, 1],
      [71, 2],
      [134, 2],
      [135, 3],
      [201, 3],
      [202, 4],
    ])('UCS-2: %i characters cost %i segments', (length, segments) => {
      expect(describeText('中'.repeat(length))).toEqual({ encoding: 'UCS-2', segments, units: length });
    });
  });
});
