import { errors } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { withoutRuntimeContext } from './provider-errors';

/**
 * What a credential sent in an HTTP header may hold: tab, space and visible ASCII. RFC 9110
 * (§5.5) also tolerates bytes 0x80-0xFF ("obs-text"), but no API key or token holds them, and
 * servers read them differently (Latin-1 or UTF-8); any other character makes the HTTP client
 * refuse the request with an error that quotes the whole value.
 */
const HEADER_SAFE = /^[\t\x20-\x7e]$/u;

/** Names of the characters a paste most often brings along unseen. */
const NAMES: Record<string, string> = {
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\u00a0': 'a no-break space',
  '\u200b': 'a zero-width space',
  '\u200c': 'a zero-width non-joiner',
  '\u200d': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\ufeff': 'a zero-width no-break space',
};

/**
 * Where `value` first holds a character an HTTP header cannot carry, said without quoting the
 * value: `at position 13 (a zero-width space, U+200B)`, counting characters from 1. Blanks at
 * either end are skipped when the caller trims them off before sending (`trimmed`), but still
 * counted, so the position is where the user finds it in what they pasted.
 */
export function unsendableCharacter(value: string, { trimmed = false } = {}): string | undefined {
  const sent = trimmed ? value.trim() : value;
  const skipped = trimmed ? Array.from(value.slice(0, value.length - value.trimStart().length)).length : 0;
  const characters = Array.from(sent);
  const index = characters.findIndex((character) => !HEADER_SAFE.test(character));
  if (index === -1) return undefined;
  const character = characters[index] ?? '';
  const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[character];
  return `at position ${skipped + index + 1} (${name ? `${name}, ${code}` : code})`;
}

/** A token a provider issues, which later goes into an Authorization header. */
export const headerToken = schema
  .string()
  .min(1)
  .superRefine((token, context) => {
    const where = unsendableCharacter(token);
    if (where) context.addIssue({ code: 'custom', message: `has a character an HTTP header cannot carry ${where}` });
  });

/**
 * `Bearer <token>`. A stored token a header cannot carry is refused with a RefreshAuthError, so
 * Zapier obtains a new one (checked by `headerToken` as it arrives) and runs the step again.
 */
export function bearerHeader(accessToken: string, provider: string): string {
  const where = unsendableCharacter(accessToken);
  if (where) {
    throw withoutRuntimeContext(
      new errors.RefreshAuthError(
        `The access token of this ${provider} connection has a character an HTTP header cannot carry ${where}, so nothing was sent: Zapier gets a new token and runs the step again.`,
      ),
    );
  }
  return `Bearer ${accessToken}`;
}
