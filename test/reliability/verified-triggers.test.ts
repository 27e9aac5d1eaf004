/**
 * StratusTexting's instant triggers are told of an event and fire only for what the API confirms:
 * every delivery below is run against the API answer it gets, and counted as a rightful fire, a
 * rightful silence, a false fire (fired for what the API does not confirm), a missed fire, or an
 * output taken from the event rather than from the API.
 */
import { api, authData, BASE, run } from '../stratustexting/support';
import { recordFigure } from './figures';

type Trigger = 'new_inbound_message' | 'new_outbound_message' | 'new_contact' | 'updated_contact' | 'deleted_contact';

interface Delivery {
  trigger: Trigger;
  /** What the delivery tells the trigger. */
  event: Record<string, unknown>;
  /** The API's answer to the one lookup the trigger makes, or none when it must make none. */
  answer?: { path: string; status: number; body?: Record<string, unknown> };
  inputData?: Record<string, unknown>;
  /** Whether the API confirms what the event says, so the trigger must fire. */
  fires: boolean;
}

const counts = { deliveries: 0, fired: 0, silent: 0, falseFires: 0, missedFires: 0, outputsFromEvent: 0 };
afterAll(() =>
  recordFigure(
    `verified triggers: ${counts.deliveries} deliveries to New Inbound Message, New Outbound Message, New Contact, Updated Contact and Deleted Contact — ` +
      `${counts.fired} confirmed by the API fired, ${counts.silent} not confirmed (other direction, gone, another id, a number now someone else's, ` +
      `another kind of contact event, a deleted contact still there, a reaction) fired nothing; ${counts.falseFires} false fires, ${counts.missedFires} missed fires, ` +
      `${counts.outputsFromEvent} outputs taken from the event where the API has the record`,
  ),
);

const MESSAGE = 'm-1';
const messagePath = `${BASE}/message/getmessagebyid/${MESSAGE}`;
const messageEvent = (extra: Record<string, unknown> = {}) => ({ uuid: 'e-1', messageInfo: { messageId: MESSAGE, ...extra } });
const record = (direction: string | undefined, text = 'Is my order ready?', id = MESSAGE) => ({
  path: messagePath,
  status: 200,
  body: { id, from: '+19495550111', to: ['+19495550100'], text, ...(direction === undefined ? {} : { direction }) },
});
const gone = (path: string) => ({ path, status: 404, body: { message: 'Not found' } });

const CONTACT = { id: 'c-1', firstName: 'Sam', mobileNumber: '+19495550111', lastUpdated: 1749578400000 };
const byMobile = `${BASE}/contact/mobile/%2B19495550111`;
const byId = `${BASE}/contact/c-1`;
/** The event claims a name the API does not hold: the output must be the API's. */
const contactEvent = (
  eventType: string | undefined,
  info: Record<string, unknown> = { contactId: 'c-1', mobileNumber: '+19495550111' },
) => ({
  uuid: 'e-2',
  ...(eventType === undefined ? {} : { eventType }),
  contactInfo: { ...info, firstName: 'Forged' },
});

const REACTIONS = [
  'Liked “On my way”',
  'Loved “On my way”',
  'Laughed at “On my way”',
  'Emphasized “On my way”',
  'Disliked “On my way”',
  'Questioned “On my way”',
  'Liked "On my way"',
  'Loved "On my way"',
  'Laughed at "On my way"',
  'Emphasized "On my way"',
  'Disliked "On my way"',
  'Questioned "On my way"',
];
const IGNORE = { department_id: 'dept-1', ignore_reactions: 'true' };
const KEEP = { department_id: 'dept-1', ignore_reactions: 'false' };

const deliveries: [string, Delivery][] = [
  ...(['inbound', 'INBOUND', undefined] as const).map((direction): [string, Delivery] => [
    `inbound trigger, record direction ${String(direction)}`,
    { trigger: 'new_inbound_message', event: messageEvent(), answer: record(direction), fires: true },
  ]),
  ...(['outbound', 'OUTBOUND', undefined] as const).map((direction): [string, Delivery] => [
    `outbound trigger, record direction ${String(direction)}`,
    { trigger: 'new_outbound_message', event: messageEvent(), answer: record(direction), fires: true },
  ]),
  ...(['outbound', 'OUTBOUND', 'outgoing'] as const).map((direction): [string, Delivery] => [
    `inbound trigger told of a message the record says is ${direction}`,
    { trigger: 'new_inbound_message', event: messageEvent(), answer: record(direction), fires: false },
  ]),
  ...(['inbound', 'INBOUND', 'incoming'] as const).map((direction): [string, Delivery] => [
    `outbound trigger told of a message the record says is ${direction}`,
    { trigger: 'new_outbound_message', event: messageEvent(), answer: record(direction), fires: false },
  ]),
  [
    'inbound trigger, event says outbound',
    { trigger: 'new_inbound_message', event: messageEvent({ direction: 'OUTBOUND' }), answer: record(undefined), fires: false },
  ],
  [
    'outbound trigger, event says inbound',
    { trigger: 'new_outbound_message', event: messageEvent({ direction: 'INBOUND' }), answer: record(undefined), fires: false },
  ],
  ['inbound trigger, message gone', { trigger: 'new_inbound_message', event: messageEvent(), answer: gone(messagePath), fires: false }],
  ['outbound trigger, message gone', { trigger: 'new_outbound_message', event: messageEvent(), answer: gone(messagePath), fires: false }],
  [
    'inbound trigger, API answers another message',
    { trigger: 'new_inbound_message', event: messageEvent(), answer: record('inbound', 'Hi', 'm-other'), fires: false },
  ],
  ...REACTIONS.map((text): [string, Delivery] => [
    `reaction ${text}, Ignore Reactions on`,
    { trigger: 'new_inbound_message', event: messageEvent(), answer: record('inbound', text), inputData: IGNORE, fires: false },
  ]),
  ...REACTIONS.map((text): [string, Delivery] => [
    `reaction ${text}, Ignore Reactions off`,
    { trigger: 'new_inbound_message', event: messageEvent(), answer: record('inbound', text), inputData: KEEP, fires: true },
  ]),
  [
    'a text that mentions liking, Ignore Reactions on',
    { trigger: 'new_inbound_message', event: messageEvent(), answer: record('inbound', 'Liked the food!'), inputData: IGNORE, fires: true },
  ],
  ...(['CONTACT_CREATED', 'created', 'contactAdded', undefined] as const).map((eventType): [string, Delivery] => [
    `contact event ${String(eventType)}, contact found by number`,
    { trigger: 'new_contact', event: contactEvent(eventType), answer: { path: byMobile, status: 200, body: CONTACT }, fires: true },
  ]),
  [
    'contact created, named by id alone',
    {
      trigger: 'new_contact',
      event: contactEvent('CONTACT_CREATED', { contactId: 'c-1' }),
      answer: { path: byId, status: 200, body: CONTACT },
      fires: true,
    },
  ],
  ...(['CONTACT_DELETED', 'deleted', 'contactRemoved', 'CONTACT_UPDATED', 'updated', 'contactChanged'] as const).map(
    (eventType): [string, Delivery] => [
      `contact event ${eventType}`,
      { trigger: 'new_contact', event: contactEvent(eventType), fires: false },
    ],
  ),
  ['contact created, but gone', { trigger: 'new_contact', event: contactEvent('CONTACT_CREATED'), answer: gone(byMobile), fires: false }],
  [
    'contact created, named by id alone, but gone',
    { trigger: 'new_contact', event: contactEvent('CONTACT_CREATED', { contactId: 'c-1' }), answer: gone(byId), fires: false },
  ],
  [
    "contact created, but the number is someone else's now",
    {
      trigger: 'new_contact',
      event: contactEvent('CONTACT_CREATED'),
      answer: { path: byMobile, status: 200, body: { ...CONTACT, id: 'c-2' } },
      fires: false,
    },
  ],
  ...(['CONTACT_UPDATED', 'updated', 'contactChanged'] as const).map((eventType): [string, Delivery] => [
    `Updated Contact, contact event ${eventType}, contact found by number`,
    { trigger: 'updated_contact', event: contactEvent(eventType), answer: { path: byMobile, status: 200, body: CONTACT }, fires: true },
  ]),
  ...(['CONTACT_CREATED', 'CONTACT_DELETED', undefined] as const).map((eventType): [string, Delivery] => [
    `Updated Contact, contact event ${String(eventType)}`,
    { trigger: 'updated_contact', event: contactEvent(eventType), fires: false },
  ]),
  [
    'Updated Contact, contact gone',
    { trigger: 'updated_contact', event: contactEvent('CONTACT_UPDATED'), answer: gone(byMobile), fires: false },
  ],
  // A deleted contact cannot be fetched: the API confirms the deletion by answering 404 for it.
  ...(['CONTACT_DELETED', 'deleted', 'contactRemoved'] as const).map((eventType): [string, Delivery] => [
    `Deleted Contact, contact event ${eventType}, contact gone`,
    { trigger: 'deleted_contact', event: contactEvent(eventType), answer: gone(byId), fires: true },
  ]),
  [
    'Deleted Contact, contact still there',
    {
      trigger: 'deleted_contact',
      event: contactEvent('CONTACT_DELETED'),
      answer: { path: byId, status: 200, body: CONTACT },
      fires: false,
    },
  ],
  ...(['CONTACT_CREATED', 'CONTACT_UPDATED', undefined] as const).map((eventType): [string, Delivery] => [
    `Deleted Contact, contact event ${String(eventType)}`,
    { trigger: 'deleted_contact', event: contactEvent(eventType), fires: false },
  ]),
];

describe('instant triggers fire only for what the API confirms', () => {
  it.each(deliveries)('%s', async (_name, delivery) => {
    if (delivery.answer) api().get(delivery.answer.path).reply(delivery.answer.status, delivery.answer.body);
    counts.deliveries += 1;
    const output = await run.trigger<Record<string, unknown>[]>(
      delivery.trigger,
      { authData, inputData: delivery.inputData ?? { department_id: 'dept-1' }, cleanedRequest: delivery.event },
      { freshCache: true },
    );
    if (output.length > 0 && !delivery.fires) counts.falseFires += 1;
    if (output.length === 0 && delivery.fires) counts.missedFires += 1;
    // Deleted Contact outputs the contact as the event last knew it, by design: the API no longer has it.
    const deletion = delivery.trigger === 'deleted_contact';
    if (!deletion && output.some((item) => item.first_name === 'Forged')) counts.outputsFromEvent += 1;
    if (output.length > 0) counts.fired += 1;
    else counts.silent += 1;
    const confirmed = deletion ? 'c-1' : delivery.answer?.body?.id;
    expect(output).toEqual(delivery.fires ? [expect.objectContaining({ id: confirmed })] : []);
    if (delivery.trigger.endsWith('_contact') && delivery.fires)
      expect(output[0]).toMatchObject({ first_name: deletion ? 'Forged' : 'Sam' });
  });
});
