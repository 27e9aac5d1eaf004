/**
 * The relay's address for one Zap: `<relay URL>/v1/<target>/<signature>`, where
 * - target is the Zap's hook URL (UTF-8), base64url without padding, and
 * - signature is HMAC-SHA256 of that hook URL (UTF-8) keyed with RELAY_SECRET, base64url without
 *   padding (43 characters).
 * The integration builds the same address with node:crypto (src/providers/stratustexting/hook-relay.ts);
 * test/relay checks both sides against each other.
 */

export const RELAY_PATH = /\/v1\/([A-Za-z0-9_-]{1,4096})\/([A-Za-z0-9_-]{43})$/;

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

async function signature(secret: string, target: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(target)));
}

/** Compares every byte whatever the first difference, so the time taken says nothing about the signature. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= (a[index] as number) ^ (b[index] as number);
  return difference === 0;
}

/** The hook URL a relay path carries when this relay's secret signed it; null otherwise. */
export async function verifiedTarget(secret: string, encodedTarget: string, encodedSignature: string): Promise<string | null> {
  const targetBytes = fromBase64url(encodedTarget);
  if (targetBytes === null) return null;
  let target: string;
  try {
    target = new TextDecoder('utf-8', { fatal: true }).decode(targetBytes);
  } catch {
    return null;
  }
  // The signature's text is compared, not its decoded bytes: only the one canonical spelling is accepted.
  const expected = base64url(await signature(secret, target));
  return sameBytes(encoder.encode(expected), encoder.encode(encodedSignature)) ? target : null;
}
