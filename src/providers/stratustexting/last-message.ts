import type { ZObject } from 'zapier-platform-core';
import type { Direction } from './api';

// The editor offers, as a trigger's sample, the last message a department's Zap fired for, for a month.
const LAST_MESSAGE_SECONDS = 30 * 24 * 60 * 60;
/** z.cache scope: the connected account, so one account's last message is never another's sample. */
const PER_CONNECTION = ['auth'];

type ScopedCache = {
  get(key: string, scope: string[]): Promise<unknown>;
  set(key: string, value: unknown, ttl: number, scope: string[]): Promise<unknown>;
};
// zapier-platform-core's z.cache.get takes a scope, although its type does not say so.
const cacheOf = (z: ZObject) => z.cache as unknown as ScopedCache;
const keyOf = (direction: Direction, departmentId: string) => `last-message:${direction}:${departmentId}`;

/**
 * Remembers the id (not the content) of the message a department's Zap just fired for; the sample
 * is fetched again when shown. Without Zapier's cache only the sample is lost.
 */
export async function rememberLastMessage(z: ZObject, direction: Direction, departmentId: unknown, messageId: string): Promise<void> {
  if (typeof departmentId !== 'string' || departmentId === '') return;
  await cacheOf(z)
    .set(keyOf(direction, departmentId), messageId, LAST_MESSAGE_SECONDS, PER_CONNECTION)
    .catch(() => undefined);
}

/** The id of the last message a department's Zap fired for, or null. */
export async function lastMessageId(z: ZObject, direction: Direction, departmentId: unknown): Promise<string | null> {
  if (typeof departmentId !== 'string' || departmentId === '') return null;
  const id = await cacheOf(z)
    .get(keyOf(direction, departmentId), PER_CONNECTION)
    .catch(() => null);
  return typeof id === 'string' && id !== '' ? id : null;
}
