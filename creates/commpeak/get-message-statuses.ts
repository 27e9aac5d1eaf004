import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { parseInput, type InputShape } from '../../src/core/input';
import { PROVIDER } from '../../src/providers/commpeak/api';
import { checkedUuids, statusesOf, UUID_EXAMPLE, uuidList } from '../../src/providers/commpeak/message-status';

/**
 * Get Message Statuses (CommPeak only): many messages in one request, one line item each. Kept as an
 * action because a search gives a Zap only its first result: after Send Bulk SMS, this checks every
 * message of the batch in one step and one request.
 */

/** UUIDs per step: one request. ASSUMPTION: CommPeak's limit per request is UNKNOWN. */
export const MAX_MESSAGE_UUIDS = 100;

const FIELD_LABEL = 'Message UUIDs';

const inputFields = defineInputFields([
  {
    key: 'message_uuids',
    label: FIELD_LABEL,
    required: true,
    list: true,
    helpText:
      `The \`message_uuid\` of each message, as Send SMS or Send Bulk SMS returned it (map Send Bulk SMS's "Message: UUID" to check a whole batch). ` +
      `Up to ${MAX_MESSAGE_UUIDS}, one per line or separated by commas. Each gets a line in the output, in this order, with "Found" false when ${PROVIDER} does not know it.`,
  },
]);

const inputShape = schema.object({
  message_uuids: uuidList('At least one message UUID is required.'),
} satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'get_message_statuses',
  noun: 'Status',
  display: {
    label: 'Get Message Statuses',
    description: 'Looks up the delivery status of many sent messages at once, one line item per message.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const uuids = checkedUuids(parseInput(inputShape, bundle.inputData, inputFields).message_uuids, FIELD_LABEL);
      if (uuids.length > MAX_MESSAGE_UUIDS)
        throw inputError(FIELD_LABEL, `give at most ${MAX_MESSAGE_UUIDS} UUIDs (${uuids.length} given).`);
      const records = await statusesOf(z, uuids, 'get message statuses');
      const statuses = uuids.map((uuid) => {
        const record = records.get(uuid.toLowerCase());
        return record ? { ...record, message_uuid: uuid, found: true } : { message_uuid: uuid, found: false };
      });
      return { total_count: statuses.length, found_count: statuses.filter((status) => status.found).length, statuses };
    },
    sample: {
      total_count: 1,
      found_count: 1,
      statuses: [{ message_uuid: UUID_EXAMPLE, found: true, status: 'DELIVERED' }],
    },
    outputFields: [
      { key: 'total_count', label: 'Messages Asked About', type: 'integer' },
      { key: 'found_count', label: 'Messages Found', type: 'integer' },
      { key: 'statuses[]message_uuid', label: 'Status: Message UUID' },
      { key: 'statuses[]found', label: 'Status: Found', type: 'boolean' },
      { key: 'statuses[]status', label: `Status: Delivery Status (as ${PROVIDER} reports it)` },
    ],
  },
});
