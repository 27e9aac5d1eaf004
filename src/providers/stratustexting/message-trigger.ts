import { defineTrigger, errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { getMessage, messageEventId } from './api';
import { brand } from './brand';
import { deliveryMemory, eventSourceFields, eventSubscription } from './event-hooks';
import { messageOutputFields, messageSample } from './samples';

/** New inbound or outbound message, delivered instantly by a webhook subscription. */
export function messageTrigger(direction: 'inbound' | 'outbound') {
  const inbound = direction === 'inbound';
  return defineTrigger({
    key: inbound ? 'new_inbound_message' : 'new_outbound_message',
    noun: 'Message',
    display: {
      label: inbound ? 'New Inbound Message' : 'New Outbound Message',
      description: inbound
        ? 'Triggers instantly when a text message arrives in the chosen department.'
        : 'Triggers instantly when the chosen department sends a text message.',
    },
    operation: {
      type: 'hook',
      inputFields: eventSourceFields,
      ...eventSubscription(direction),
      // The event names the message; its text and numbers come from one fetch. A body without a
      // message id (a validation ping, something malformed), or a repeat, starts nothing.
      perform: async (z: ZObject, bundle: Bundle) => {
        const messageId = messageEventId(bundle.cleanedRequest);
        const delivered = deliveryMemory(z, bundle);
        if (messageId === null || (await delivered.seen(messageId))) return [];
        const message = await getMessage(z, messageId);
        return message && (await delivered.remember(messageId)) ? [message] : [];
      },
      // No message-list endpoint is documented, so the editor cannot load past messages: it says
      // so and offers the sample instead of inventing one.
      performList: async () => {
        throw new errors.Error(
          `${brand().product} offers no way to list past messages. Send a text ${inbound ? 'to' : 'from'} the department to see a real one, or continue with the sample.`,
          'no_sample_source',
          404,
        );
      },
      sample: { ...messageSample, direction },
      outputFields: messageOutputFields,
    },
  });
}
