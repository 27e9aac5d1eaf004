import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { listSenderIds } from '../../src/providers/sms-extension/api';
import { senderIdOutputFields, senderIdSample } from '../../src/providers/sms-extension/sender-id-output';

/** SMS Extension only. Also the source of Send SMS's Sender ID dropdown. */
export default defineTrigger({
  key: 'new_sender_id',
  noun: 'Sender ID',
  display: {
    label: 'New Sender ID',
    description: 'Triggers when a sender id is added to your account, with whether it is approved for sending yet.',
  },
  operation: {
    type: 'polling',
    perform: async (z: ZObject, bundle: Bundle) => {
      const senderIds = await listSenderIds(z, bundle);
      // The dropdown offers only sender ids that can send; ones whose state is unknown stay in.
      return bundle.meta?.isFillingDynamicDropdown ? senderIds.filter((sender) => sender.approved !== false) : senderIds;
    },
    sample: senderIdSample,
    outputFields: senderIdOutputFields,
  },
});
