import { defineTrigger, errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput } from '../../core/input';
import { directionOf, getMessage, messageDepartment, messageEvent, messageTime, type Direction, type Message } from './api';
import { brand } from './brand';
import { beforeSubscription, deliveryMemory, eventRecord, eventSourceFields, eventSubscription, startNothing } from './event-hooks';
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

  /** Why not to fire for a message the event named, or null to fire: it must be that message, going the trigger's way, in the Zap's department, not older than its subscription and, when asked, no reaction. */
  const whyNot = (
    message: Message,
    event: { messageId: string; direction: Direction | null },
    bundle: Bundle,
    ignoreReactions: boolean,
  ) => {
    if (message.id !== event.messageId) return 'the API answered with another message';
    if (!directionMatches(direction, [event.direction, directionOf(message.direction)])) return `the message is not ${direction}`;
    const [filed, subscribed] = [messageDepartment(message), bundle.inputData.department_id];
    if (filed !== null && typeof subscribed === 'string' && filed !== subscribed.trim()) return "the message is another department's";
    if (beforeSubscription(bundle, messageTime(message))) return "the message is older than this Zap's subscription";
    if (ignoreReactions && isReaction(message.text)) return 'the message is a reaction';
    return null;
  };

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
      // what it is told. A body without a well-formed message id makes no request; a repeat, or a
      // message this Zap does not want, starts nothing. Only a message the trigger fires for is
      // remembered, so a forged delivery cannot suppress the genuine one.
      perform: async (z: ZObject, bundle: Bundle) => {
        const { ignore_reactions: ignoreReactions } = parseInput(ignoreReactionsInput, bundle.inputData, inputFields);
        const event = messageEvent(bundle.cleanedRequest);
        if ('ignored' in event) return startNothing(z, event.ignored);
        const delivered = deliveryMemory(z, bundle);
        if (await delivered.seen(event.messageId)) return startNothing(z, 'this Zap fired for the message already');
        const message = await eventRecord(z, () => getMessage(z, event.messageId));
        if (message === 'foreign') return startNothing(z, 'the API refuses this message id to the connection');
        if (message === null) return startNothing(z, 'the message is gone');
        const why = whyNot(message, event, bundle, ignoreReactions);
        if (why !== null) return startNothing(z, why);
        if (!(await delivered.remember(event.messageId))) return startNothing(z, 'this Zap fired for the message already');
        await rememberLastMessage(z, direction, bundle.inputData.department_id, message.id);
        return [message];
      },
      // No message-list endpoint is documented, so the editor cannot load past messages. It offers
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
