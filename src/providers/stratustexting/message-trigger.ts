import { defineTrigger, errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput } from '../../core/input';
import { directionOf, getMessage, messageEvent, type Direction, type Message } from './api';
import { brand } from './brand';
import { deliveryMemory, eventSourceFields, eventSubscription } from './event-hooks';
import { lastMessageId, rememberLastMessage } from './last-message';
import { isReaction } from './reactions';
import { messageOutputFields, messageSample, outboundMessageSample } from './samples';

const ignoreReactionsField = {
  key: 'ignore_reactions',
  label: 'Ignore Reactions',
  type: 'boolean',
  required: false,
  default: 'true',
  helpText:
    'Skip iPhone reactions, which arrive as texts such as `Liked “See you at 7”` or `Loved “Thanks!”`. Choose False to start the Zap for them too.',
} as const;

// Zaps made before the option existed hold no value, and keep firing for reactions as they did.
const ignoreReactionsInput = schema.object({
  ignore_reactions: schema
    .preprocess(
      (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
      schema.union([schema.boolean(), schema.enum(['true', 'false', 'yes', 'no', ''])], {
        errorMap: () => ({ message: 'must be True or False.' }),
      }),
    )
    .optional()
    .transform((value) => value === true || value === 'true' || value === 'yes'),
});

/** Whether the fetched message is one this trigger fires for: its direction, where stated, is the trigger's. */
function directionMatches(trigger: Direction, stated: (Direction | null)[]): boolean {
  return stated.every((direction) => direction === null || direction === trigger);
}

/** New inbound or outbound message, delivered instantly by a webhook subscription. */
export function messageTrigger(direction: Direction) {
  const inbound = direction === 'inbound';
  const inputFields = inbound ? [...eventSourceFields, ignoreReactionsField] : eventSourceFields;

  /** Whether to fire for a message the event named: fetched, the same message, and the trigger's direction. */
  const wanted = (message: Message, messageId: string, eventDirection: Direction | null, ignoreReactions: boolean) =>
    message.id === messageId &&
    directionMatches(direction, [eventDirection, directionOf(message.direction)]) &&
    !(ignoreReactions && isReaction(message.text));

  return defineTrigger({
    key: inbound ? 'new_inbound_message' : 'new_outbound_message',
    noun: 'Message',
    display: {
      label: inbound ? 'New Inbound Message' : 'New Outbound Message',
      description: inbound
        ? 'Triggers when a text message arrives in the chosen department.'
        : 'Triggers when the chosen department sends a text message.',
    },
    operation: {
      type: 'hook',
      inputFields,
      ...eventSubscription(direction),
      // The event only names a message: the trigger fires for what it fetches by that id, not for
      // what it is told. A body without a message id (a validation ping, something malformed), a
      // repeat, a message going the other way or, when asked, a reaction starts nothing; all but
      // the first are remembered as handled.
      perform: async (z: ZObject, bundle: Bundle) => {
        const { ignore_reactions: ignoreReactions } = parseInput(ignoreReactionsInput, bundle.inputData, inputFields);
        const event = messageEvent(bundle.cleanedRequest);
        const delivered = deliveryMemory(z, bundle);
        if (event === null || (await delivered.seen(event.messageId))) return [];
        const message = await getMessage(z, event.messageId);
        if (message === null || !(await delivered.remember(event.messageId))) return [];
        if (!wanted(message, event.messageId, event.direction, ignoreReactions)) return [];
        await rememberLastMessage(z, direction, bundle.inputData.department_id, message.id);
        return [message];
      },
      // ASSUMPTION: [st-no-message-list] no message-list endpoint is documented, so the editor cannot load past messages. It offers
      // the last message this department's Zap fired for, fetched again; else it says why not.
      performList: async (z: ZObject, bundle: Bundle) => {
        const lastId = await lastMessageId(z, direction, bundle.inputData.department_id);
        const last = lastId === null ? null : await getMessage(z, lastId);
        if (last !== null) return [last];
        throw new errors.Error(
          `${brand().product} offers no way to list past messages. Send a text ${inbound ? 'to' : 'from'} the department to see a real one, or continue with the sample.`,
          'no_sample_source',
          404,
        );
      },
      sample: inbound ? messageSample : outboundMessageSample,
      outputFields: messageOutputFields,
    },
  });
}
