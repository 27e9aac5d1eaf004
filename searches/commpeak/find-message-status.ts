import { defineSearch, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { parseInput } from '../../src/core/input';
import { messagesStatus, statusRecords } from '../../src/providers/commpeak/api';

/**
 * Find Message Status (CommPeak only): `/messages_status/` for one or more message UUIDs.
 * The answer's shape is UNKNOWN, so each result keeps CommPeak's own fields as sent.
 */

/** Ids per step: one request. ASSUMPTION: CommPeak's limit per request is UNKNOWN. */
export const MAX_MESSAGE_IDS = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const inputFields = defineInputFields([
  {
    key: 'message_ids',
    label: 'Message UUIDs',
    required: true,
    list: true,
    helpText:
      'The `message_uuid` of each message, as the Send SMS or Send Bulk SMS step returned it (not the internal ID). ' +
      `Up to ${MAX_MESSAGE_IDS}, one per line or separated by commas. The step returns one result per UUID CommPeak reports on, in this order, ` +
      'with `found: false` for a UUID it does not; when it reports on none, the search finds nothing.',
  },
]);

const inputShape = schema.object({
  message_ids: schema
    .union([schema.string(), schema.array(schema.string())], { errorMap: () => ({ message: 'At least one message UUID is required.' }) })
    .transform((value) => (typeof value === 'string' ? [value] : value).flatMap((item) => item.split(/[,;\s]+/)).filter((id) => id !== ''))
    .refine((ids) => ids.length > 0, { message: 'At least one message UUID is required.' }),
});

function checkedIds(ids: readonly string[]): string[] {
  for (const id of ids) {
    if (!UUID.test(id)) throw inputError('Message UUIDs', `"${id}" is not a message UUID (like 0562f2aa-5945-4f41-824a-b774fc2e2b2a).`);
  }
  const seen = new Set<string>();
  const unique = ids.filter((id) => {
    const key = id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > MAX_MESSAGE_IDS) throw inputError('Message UUIDs', `give at most ${MAX_MESSAGE_IDS} UUIDs (${unique.length} given).`);
  return unique;
}

export default defineSearch({
  key: 'find_message_status',
  noun: 'Message Status',
  display: {
    label: 'Find Message Status',
    description: 'Finds the delivery status of one or more messages sent through CommPeak.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const ids = checkedIds(parseInput(inputShape, bundle.inputData, inputFields).message_ids);
      const answer = await messagesStatus(z, ids, 'find message status');
      const records = statusRecords(answer, ids);
      if (records.size === 0) return [];
      return ids.map((id) => {
        const record = records.get(id.toLowerCase());
        return record ? { ...record, message_uuid: id, found: true } : { message_uuid: id, found: false };
      });
    },
    sample: { message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a', found: true, status: 'DELIVERED' },
    outputFields: [
      { key: 'message_uuid', label: 'Message UUID' },
      { key: 'found', label: 'Found', type: 'boolean' },
      { key: 'status', label: 'Status (as CommPeak reports it)' },
    ],
  },
});
