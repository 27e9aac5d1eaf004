import { createHmac, randomBytes, randomUUID } from 'node:crypto';

/** Tokens and ids shaped like the real ones: the sandbox recognises its tokens by lookup, not by signature. */

const SIGNING_KEY = randomBytes(32);

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT-shaped string (`header.payload.signature`, HS256 over a per-process key). */
export function jwtShaped(claims: Record<string, unknown>): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', SIGNING_KEY).update(unsigned).digest('base64url')}`;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** A 24-hex id like a MongoDB ObjectId (StratusTexting's ids look like these). */
export function objectId(): string {
  return randomHex(12);
}

export const uuid = (): string => randomUUID();

export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);
