import type * as Calculator from 'sms-segments-calculator';

/**
 * What the network will make of a message body, counted by Twilio's `sms-segments-calculator`
 * (MIT): it splits segments as networks do (a GSM-7 escape pair or a UTF-16 surrogate pair never
 * straddles two segments) and names the characters that force UCS-2. It is required inside the
 * functions, so loading an integration does not pay for it; only a send does.
 */
export interface TextShape {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Characters as the encoding counts them: GSM-7 extension characters count two, UCS-2 counts UTF-16 units. */
  units: number;
  /** The distinct characters that forced UCS-2, in order of first appearance; empty for GSM-7. */
  nonGsmCharacters: string[];
}

/** One character swapped for its GSM-7 equivalent ('' where it is dropped, such as a zero-width space). */
export interface Replacement {
  from: string;
  to: string;
}

/**
 * What a provider counts against its length limit: Unicode code points (an emoji such as 😀 is one,
 * as PHP's mb_strlen counts) or UTF-16 code units (😀 is two, as JavaScript's and Java's length count).
 */
export type TextCount = 'code points' | 'UTF-16 units';

/** A provider's limit on a message's length, and what it counts. */
export interface TextLimit {
  limit: number;
  counts: TextCount;
}

export function textLength(text: string, counts: TextCount): number {
  return counts === 'UTF-16 units' ? text.length : [...text].length;
}

export function describeText(text: string): TextShape {
  if (text === '') return { encoding: 'GSM-7', segments: 0, units: 0, nonGsmCharacters: [] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first send, not at cold start
  const { SegmentedMessage } = require('sms-segments-calculator') as typeof Calculator;
  const message = new SegmentedMessage(text);
  const encoding = message.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7';
  return {
    encoding,
    segments: message.segmentsCount,
    units: encoding === 'UCS-2' ? text.length : message.numberOfCharacters,
    nonGsmCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}

/**
 * Replaces smart quotes, dashes, ellipses, non-breaking spaces and the like with their GSM-7
 * equivalents, using Twilio's Smart Encoding table as the calculator ships it. Characters the
 * table does not know (emoji, other scripts) stay as they are.
 */
export function replaceOutsideGsm7(text: string): { text: string; replaced: Replacement[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the step asks for it
  const table = (require('sms-segments-calculator/dist/libs/SmartEncodingMap') as { default: Record<string, string> }).default;
  const replaced = new Map<string, string>();
  const sent = [...text]
    .map((character) => {
      const replacement = table[character];
      if (replacement === undefined) return character;
      replaced.set(character, replacement);
      return replacement;
    })
    .join('');
  return { text: sent, replaced: [...replaced].map(([from, to]) => ({ from, to })) };
}
