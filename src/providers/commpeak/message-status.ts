import type { ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../core/input-error';
import { messagesStatus, statusRecords } from './api';

/** What Send SMS and Send Bulk SMS return as `message_uuid`. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const UUID_EXAMPLE = '0562f2aa-5945-4f41-824a-b774fc2e2b2a';

/** One or more UUIDs, typed or mapped: a list, or text separated by commas, semicolons or spaces. */
export const uuidList = (message: string) =>
  schema
    .union([schema.string(), schema.array(schema.string())], { errorMap: () => ({ message }) })
    .transform((value) => (typeof value === 'string' ? [value] : value).flatMap((item) => item.split(/[,;\s]+/)).filter((id) => id !== ''))
    .refine((ids) => ids.length > 0, { message });

/** The UUIDs, each checked, without repeats (compared case-insensitively), in the order given. */
export function checkedUuids(ids: readonly string[], field: string): string[] {
  for (const id of ids) {
    if (!UUID.test(id)) throw inputError(field, `"${id}" is not a message UUID (like ${UUID_EXAMPLE}).`);
  }
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** CommPeak's record of each message, by its lower-cased UUID: one request for all of them. */
export async function statusesOf(z: ZObject, uuids: readonly string[], action: string): Promise<Map<string, Record<string, unknown>>> {
  return statusRecords(await messagesStatus(z, uuids, action), uuids);
}
