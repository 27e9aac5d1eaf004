import { defineSearch, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { parseInput, type InputShape } from '../../src/core/input';
import { PROVIDER } from '../../src/providers/commpeak/api';
import { checkedUuids, statusesOf, UUID_EXAMPLE, uuidList } from '../../src/providers/commpeak/message-status';

/**
 * Find Message Status (CommPeak only): one message by its UUID. Zapier uses only a search's first
 * result (https://platform.zapier.com/build/response-types), so the search looks up one message and
 * finds nothing when CommPeak does not know it; Get Message Statuses looks up many at once.
 * The answer's shape is UNKNOWN, so the result keeps CommPeak's own fields as sent.
 */

const FIELD_LABEL = 'Message UUID';

const inputFields = defineInputFields([
  {
    key: 'message_uuid',
    label: FIELD_LABEL,
    required: true,
    helpText: `The \`message_uuid\` a Send SMS or Send Bulk SMS step returned (not its internal ID), e.g. \`${UUID_EXAMPLE}\`.`,
  },
]);

const inputShape = schema.object({ message_uuid: uuidList('The message UUID is required.') } satisfies InputShape<typeof inputFields>);

export default defineSearch({
  key: 'find_message_status',
  noun: 'Message',
  display: {
    label: 'Find Message Status',
    description: 'Finds the delivery status of a sent message by its UUID.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const uuids = checkedUuids(parseInput(inputShape, bundle.inputData, inputFields).message_uuid, FIELD_LABEL);
      const [uuid, ...others] = uuids;
      if (uuid === undefined || others.length > 0) {
        throw inputError(
          FIELD_LABEL,
          `give one message UUID (${uuids.length} given). To look up many at once, use the Get Message Statuses action.`,
        );
      }
      const record = (await statusesOf(z, [uuid], 'find message status')).get(uuid.toLowerCase());
      return record ? [{ ...record, message_uuid: uuid }] : [];
    },
    sample: { message_uuid: UUID_EXAMPLE, status: 'DELIVERED' },
    outputFields: [
      { key: 'message_uuid', label: 'Message UUID' },
      { key: 'status', label: `Status (as ${PROVIDER} reports it)` },
    ],
  },
});
