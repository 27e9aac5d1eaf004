import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { listSenderIds } from '../../src/providers/sms-extension/api';
import { senderIdOutputFields, senderIdSample } from '../../src/providers/sms-extension/sender-id-output';

/**
 * SMS Extension only. Zapier remembers the ids it has fired for: each approved sender id is given
 * one built from its own id and its approval, so a sender id that New Sender ID saw while it was
 * pending is new here once it is approved.
 */
export default defineTrigger({
  key: 'sender_id_approved',
  noun: 'Sender ID',
  display: {
    label: 'Sender ID Approved',
    description: 'Triggers when a sender id is approved (once per sender id), so it can send SMS from then on.',
  },
  operation: {
    type: 'polling',
    perform: async (z: ZObject, bundle: Bundle) => {
      const senderIds = await listSenderIds(z, bundle);
      // Pending ones, and ones whose approval the list does not show, wait until it shows approved.
      return senderIds
        .filter((sender) => sender.approved === true)
        .map((sender) => ({ ...sender, id: `${sender.id}-approved`, sender_id_record: sender.id }));
    },
    sample: { ...senderIdSample, id: `${senderIdSample.id}-approved`, sender_id_record: senderIdSample.id },
    outputFields: [
      { key: 'id', label: 'Approval ID (the sender id record and its approval)' },
      { key: 'sender_id_record', label: 'Sender ID Record' },
      ...senderIdOutputFields.filter((field) => field.key !== 'id'),
    ],
  },
});
