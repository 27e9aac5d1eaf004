/**
 * Every path and payload shape of the StratusTexting (Beetexting Connect) API. Operations call
 * these functions and never build a URL themselves. What the vendor documents is used as is; each
 * guess is marked ASSUMPTION, so a correction is a change here only.
 */
import type { ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { pathSegment } from '../../core/base-url';
import { passedAuthentication } from '../../core/connection-check';
import {
  callProvider,
  callProviderOrNull,
  callProviderWrite,
  isAcceptedAnswer,
  type AcceptedAnswer,
  type ProviderRequest,
} from '../../core/provider-request';
import type { CallContext } from '../../core/provider-errors';
import { statesFailure } from '../../core/stated-failure';
import { brand } from './brand';

const FORBIDDEN_HINT =
  "The API rejected the integration's API key or this user lacks the permission (scope). Reconnect the account; if it persists, the integration's API_KEY setting is wrong.";

function context(action: string): CallContext {
  return { provider: brand().product, action, refreshable: true, forbiddenHint: FORBIDDEN_HINT };
}

/** The context of an operation whose path is assumed: a gateway's "no such path" says the provider lacks it. */
function assumed(action: string): CallContext {
  return { ...context(action), assumedEndpoint: true };
}

function api(path: string, request: Omit<ProviderRequest, 'url'> = {}): ProviderRequest {
  return { ...request, url: `${brand().apiBaseUrl}${path}` };
}

/** A list answered bare or, Spring-style, inside `content`. */
const listOf = <T extends schema.ZodTypeAny>(item: T) =>
  schema
    .union([schema.array(item), schema.object({ content: schema.array(item) }).passthrough()])
    .transform((body): schema.infer<T>[] => (Array.isArray(body) ? body : body.content));

/** Numbers arrive as a string, a list of strings, or a list of `{phoneNumber}` / `{number}` objects. */
const numberList = schema
  .union([
    schema.string(),
    schema.array(
      schema.union([
        schema.string(),
        schema.object({ phoneNumber: schema.string().optional(), number: schema.string().optional() }).passthrough(),
      ]),
    ),
  ])
  .transform((value) =>
    (typeof value === 'string'
      ? value.split(',')
      : value.map((item) => (typeof item === 'string' ? item : (item.phoneNumber ?? item.number ?? '')))
    )
      .map((number) => number.trim())
      .filter((number) => number !== ''),
  );

// ---------------------------------------------------------------- messages

/** A string or number id, as text; null for anything else. */
function idText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/**
 * The send response is `{ "result": "Message Processed Successfully" }`; other fields are UNKNOWN,
 * and the whole answer is kept. ASSUMPTION: [st-send-id] an id of the new message, if an answer ever carries
 * one, is `messageId`, `message_id` or `id`; it becomes `message_id` (null when there is none).
 */
export const sendResultSchema = schema
  .object({ result: schema.string().optional() })
  .passthrough()
  .transform((answer) => ({
    ...answer,
    result: answer.result ?? null,
    message_id: idText(answer.messageId) ?? idText(answer.message_id) ?? idText(answer.id),
  }));
export type SendResult = schema.infer<typeof sendResultSchema>;

/**
 * A send's context: where the user sees whether a message whose answer was lost went, and which
 * 2xx answers are refusals. ASSUMPTION: [st-stated-failure] a failed send may be answered 2xx with `"status": false`,
 * `"success": false` or an `error`/`errors` member (the API documents only the success answer);
 * such an answer is a refusal quoting its reason, and any other 2xx is still a success.
 */
function sendContext(action: string): CallContext {
  const { product } = brand();
  return {
    ...context(action),
    sendCheck: `Open the conversation with the recipient in ${product} to see whether it is there.`,
    statedFailure: statesFailure,
  };
}

/**
 * Send SMS: `from`, `to` and `text` travel in the query string with an empty body (the documented
 * Params). ASSUMPTION: [st-sendsms-path] the path, which no public page shows; working third-party code uses it.
 */
export function sendSms(z: ZObject, message: { from: string; to: string[]; text: string }): Promise<SendResult> {
  return callProvider(
    z,
    api('/message/sendsms', { method: 'POST', params: { from: message.from, to: message.to.join(','), text: message.text } }),
    sendResultSchema,
    { ...sendContext('Send SMS'), assumedEndpoint: true },
  );
}

/** ASSUMPTION: [st-mms] Send MMS mirrors Send SMS at `/message/sendmms` and takes the media as a public URL in `mediaUrl`. */
export function sendMms(z: ZObject, message: { from: string; to: string[]; text?: string; mediaUrl: string }): Promise<SendResult> {
  const params: Record<string, string> = { from: message.from, to: message.to.join(','), mediaUrl: message.mediaUrl };
  if (message.text !== undefined) params.text = message.text;
  return callProvider(z, api('/message/sendmms', { method: 'POST', params }), sendResultSchema, {
    ...sendContext('Send MMS'),
    assumedEndpoint: true,
  });
}

// ASSUMPTION: [st-message-fields] fields beyond id, from, to, text and lastUpdated (epoch ms) are not documented; the
// direction and status names are guesses kept optional, and every other field is passed through.
export const messageSchema = schema
  .object({
    id: schema.union([schema.string(), schema.number()]).transform(String),
    from: schema.string().optional(),
    to: numberList.optional(),
    text: schema.string().optional(),
    direction: schema.string().optional(),
    status: schema.string().optional(),
    // Epoch milliseconds, within what a Date can hold.
    lastUpdated: schema.number().int().min(0).max(8.64e15).optional(),
  })
  .passthrough();

export interface Message extends Record<string, unknown> {
  id: string;
  from: string | null;
  to: string[];
  text: string;
  direction: string | null;
  status: string | null;
  last_updated: string | null;
}

function flattenMessage(raw: schema.infer<typeof messageSchema>): Message {
  const { id, from, to, text, direction, status, lastUpdated, ...rest } = raw;
  return {
    ...rest,
    id,
    from: from ?? null,
    to: to ?? [],
    text: text ?? '',
    direction: direction ?? null,
    status: status ?? null,
    last_updated: lastUpdated === undefined ? null : new Date(lastUpdated).toISOString(),
  };
}

/** The full message; null when there is no message with that id. */
export async function getMessage(z: ZObject, messageId: string): Promise<Message | null> {
  const raw = await callProviderOrNull(
    z,
    api(`/message/getmessagebyid/${pathSegment(messageId, 'Message ID')}`),
    messageSchema,
    context('Get Message'),
  );
  return raw && flattenMessage(raw);
}

/** An ObjectId (the platform's 24-hex-digit ids) that no record has: all zeros. */
const NO_SUCH_MESSAGE = '000000000000000000000000';

/**
 * The connection test: a documented read that needs both the user's token and the API key and
 * changes nothing, asked for a message that cannot exist. ASSUMPTION: [st-connection-test] an
 * unknown message id is answered with something other than 401/403 (how is not documented, so the
 * answer itself is not judged): only 401/403, throttling or an outage fail the test.
 */
export async function checkConnection(z: ZObject): Promise<void> {
  await passedAuthentication(() =>
    callProvider(z, api(`/message/getmessagebyid/${NO_SUCH_MESSAGE}`), schema.unknown(), context('Test the connection')),
  );
}

// ---------------------------------------------------------------- sites

// ASSUMPTION: [st-sites] "Get Sites" is `GET /sites`, answering a list (bare or in `content`) of sites with an
// id, a name and the organization id; a site is the "department" of webhook event filters.
const siteSchema = schema
  .object({
    id: schema.union([schema.string(), schema.number()]).transform(String),
    name: schema.string().optional(),
    orgId: schema.string().optional(),
    organizationId: schema.string().optional(),
  })
  .passthrough();
export const siteListSchema = listOf(siteSchema);

export interface Site extends Record<string, unknown> {
  id: string;
  name: string;
  org_id: string | null;
}

export async function listSites(z: ZObject): Promise<Site[]> {
  const sites = await callProvider(z, api('/sites'), siteListSchema, assumed('Get Sites'));
  return sites.map(({ id, name, orgId, organizationId, ...rest }) => ({
    ...rest,
    id,
    name: name ?? id,
    org_id: orgId ?? organizationId ?? null,
  }));
}

// ---------------------------------------------------------------- contacts

// ASSUMPTION: [st-contacts] every contact path and field name below. The docs name the operations
// (get all, find by mobile, create or update, update by mobile, update by id) but not their shapes.
// ASSUMPTION: [st-contact-by-id] getting one contact by id is not among them: `byId` answering GET is
// a guess, used only where an event names a contact by id alone.
const CONTACT_PATHS = {
  all: '/contact/all',
  byMobile: (mobile: string) => `/contact/mobile/${pathSegment(mobile, 'Mobile Number')}`,
  createOrUpdate: '/contact',
  byId: (id: string) => `/contact/${pathSegment(id, 'Contact')}`,
};

const contactSchema = schema
  .object({
    id: schema.union([schema.string(), schema.number()]).transform(String),
    firstName: schema.string().nullish(),
    lastName: schema.string().nullish(),
    mobileNumber: schema.string().nullish(),
    email: schema.string().nullish(),
    company: schema.string().nullish(),
    notes: schema.string().nullish(),
  })
  .passthrough();

export interface Contact extends Record<string, unknown> {
  id: string;
  first_name: string | null;
  last_name: string | null;
  mobile: string | null;
  email: string | null;
  company: string | null;
  notes: string | null;
}

/** The contact fields a user can set, in our key names. */
export interface ContactChanges {
  first_name?: string;
  last_name?: string;
  mobile?: string;
  email?: string;
  company?: string;
  notes?: string;
}

function flattenContact(raw: schema.infer<typeof contactSchema>): Contact {
  const { id, firstName, lastName, mobileNumber, email, company, notes, ...rest } = raw;
  return {
    ...rest,
    id,
    first_name: firstName ?? null,
    last_name: lastName ?? null,
    mobile: mobileNumber ?? null,
    email: email ?? null,
    company: company ?? null,
    notes: notes ?? null,
  };
}

function contactBody(changes: ContactChanges): Record<string, string> {
  const body: Record<string, string | undefined> = {
    firstName: changes.first_name,
    lastName: changes.last_name,
    mobileNumber: changes.mobile,
    email: changes.email,
    company: changes.company,
    notes: changes.notes,
  };
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export const contactPageSchema = schema
  .union([
    schema.array(contactSchema),
    schema.object({ content: schema.array(contactSchema), last: schema.boolean().optional() }).passthrough(),
  ])
  .transform((body) => (Array.isArray(body) ? { content: body, last: undefined } : body));

export const contactLookupSchema = schema.union([contactSchema, schema.array(contactSchema), schema.undefined()]);

/** When a contact was added, in epoch ms; 0 where the record does not say (the newest-first sort puts those last). */
const addedAt = (contact: Contact) => contactTimes(contact).added ?? 0;

/** One page of the organization's contacts, newest first; `last` is true when no page follows. */
export async function listContacts(z: ZObject, page: number, size: number): Promise<{ contacts: Contact[]; last: boolean }> {
  // ASSUMPTION: [st-contact-sort] Spring-style paging with `page` (from 0) and `size`, and sorting with `sort`. A page
  // that comes back in another order is still shown newest first.
  const body = await callProvider(
    z,
    api(CONTACT_PATHS.all, { params: { page, size, sort: 'createdDate,desc' } }),
    contactPageSchema,
    assumed('Get All Contacts'),
  );
  const contacts = body.content.map(flattenContact).sort((a, b) => addedAt(b) - addedAt(a));
  return { contacts, last: body.last ?? body.content.length < size };
}

/** The contact with this id; null when there is none. */
export async function getContact(z: ZObject, contactId: string): Promise<Contact | null> {
  const raw = await callProviderOrNull(z, api(CONTACT_PATHS.byId(contactId)), contactLookupSchema, assumed('Get Contact'));
  const found = Array.isArray(raw) ? raw[0] : raw;
  return found ? flattenContact(found) : null;
}

/** The contact with this E.164 mobile number, or null. */
export async function findContactByMobile(z: ZObject, mobile: string): Promise<Contact | null> {
  const raw = await callProviderOrNull(z, api(CONTACT_PATHS.byMobile(mobile)), contactLookupSchema, assumed('Find Contact'));
  const found = Array.isArray(raw) ? raw[0] : raw;
  return found ? flattenContact(found) : null;
}

/** A write's answer: the contact, or what the provider said when that is not a contact. */
const writtenContact = (answer: schema.infer<typeof contactSchema> | AcceptedAnswer) =>
  isAcceptedAnswer(answer) ? answer : flattenContact(answer);

/** Creates the contact, or updates the one with the same mobile number. */
export async function upsertContact(z: ZObject, changes: ContactChanges & { mobile: string }): Promise<Contact | AcceptedAnswer> {
  const answer = await callProviderWrite(
    z,
    api(CONTACT_PATHS.createOrUpdate, { method: 'POST', body: contactBody(changes) }),
    contactSchema,
    assumed('Create or Update Contact'),
  );
  return writtenContact(answer);
}

/** Updates an existing contact, addressed by its id or by its mobile number (E.164). */
export async function updateContact(
  z: ZObject,
  contact: { id: string } | { mobile: string },
  changes: ContactChanges,
): Promise<Contact | AcceptedAnswer> {
  const path = 'id' in contact ? CONTACT_PATHS.byId(contact.id) : CONTACT_PATHS.byMobile(contact.mobile);
  const answer = await callProviderWrite(
    z,
    api(path, { method: 'PUT', body: contactBody(changes) }),
    contactSchema,
    assumed('Update Contact'),
  );
  return writtenContact(answer);
}

// ---------------------------------------------------------------- custom consents

// Documented: POST /customconsent, GET /customconsent/{id}, POST /customconsent/{id}/change.
// ASSUMPTION: [st-consent-record] GET /customconsent/{id} answers the consent record itself (the shape below), 404 for an unknown id.
// ASSUMPTION: [st-consents] update is PUT /customconsent/{id}, list is GET /customconsent/all (the `…/all`
// third-party code uses for subscriptions), add/remove on a contact is POST /customconsent/contact; body field
// names (name, description, active, mobileNumber, customConsentId, action) are guesses.
const CONSENT_PATHS = {
  create: '/customconsent',
  one: (id: string) => `/customconsent/${pathSegment(id, 'Consent')}`,
  change: (id: string) => `/customconsent/${pathSegment(id, 'Consent')}/change`,
  all: '/customconsent/all',
  onContact: '/customconsent/contact',
};

export const consentSchema = schema
  .object({
    id: schema.string(),
    name: schema.string().nullish(),
    description: schema.string().nullish(),
    active: schema.boolean().nullish(),
  })
  .passthrough();
export type Consent = schema.infer<typeof consentSchema>;

export interface ConsentDetails {
  name?: string;
  description?: string;
}

export function createConsent(z: ZObject, details: ConsentDetails & { name: string }): Promise<Consent | AcceptedAnswer> {
  return callProviderWrite(
    z,
    api(CONSENT_PATHS.create, { method: 'POST', body: details }),
    consentSchema,
    context('Create Custom Consent'),
  );
}

export function updateConsent(z: ZObject, id: string, details: ConsentDetails): Promise<Consent | AcceptedAnswer> {
  return callProviderWrite(
    z,
    api(CONSENT_PATHS.one(id), { method: 'PUT', body: details }),
    consentSchema,
    assumed('Update Custom Consent'),
  );
}

/** The custom consent with this id; null when there is none. */
export function getConsent(z: ZObject, id: string): Promise<Consent | null> {
  return callProviderOrNull(z, api(CONSENT_PATHS.one(id)), consentSchema, context('Get Custom Consent'));
}

export const consentListSchema = listOf(consentSchema);

export function listConsents(z: ZObject): Promise<Consent[]> {
  return callProvider(z, api(CONSENT_PATHS.all), consentListSchema, assumed('Get All Custom Consents'));
}

export function changeConsentStatus(z: ZObject, id: string, active: boolean): Promise<Consent | AcceptedAnswer> {
  return callProviderWrite(
    z,
    api(CONSENT_PATHS.change(id), { method: 'POST', body: { active } }),
    consentSchema,
    context('Change Custom Consent Status'),
  );
}

const anyObjectOrNothing = schema.union([schema.object({}).passthrough(), schema.undefined()]).transform((body) => body ?? {});

export function setContactConsent(
  z: ZObject,
  change: { mobile: string; consentId: string; action: 'add' | 'remove' },
): Promise<Record<string, unknown>> {
  return callProviderWrite(
    z,
    api(CONSENT_PATHS.onContact, {
      method: 'POST',
      body: { mobileNumber: change.mobile, customConsentId: change.consentId, action: change.action.toUpperCase() },
    }),
    anyObjectOrNothing,
    assumed(change.action === 'add' ? 'Add Custom Consent to Contact' : 'Remove Custom Consent from Contact'),
  );
}

// ---------------------------------------------------------------- webhook subscriptions

export type EventKind = 'inbound' | 'outbound' | 'contact';

/** The event filter for one department's events. */
export function eventFilter(kind: EventKind, orgId: string, departmentId: string): string {
  const base = `/orgId/${orgId}/department/${departmentId}`;
  // ASSUMPTION: [st-contact-filter] the contact filter is modelled on the documented message filter.
  return kind === 'contact' ? `${base}/contact` : `${base}/message?direction=${kind}`;
}

const subscriptionSchema = schema
  .object({
    id: schema.string(),
    uri: schema.string().optional(),
    eventFilters: schema.array(schema.string()).default([]),
    disabledFilters: schema
      .array(
        schema
          .object({ filter: schema.string().optional(), reason: schema.string().optional(), message: schema.string().optional() })
          .passthrough(),
      )
      .default([]),
    expirationTime: schema.string().optional(),
    status: schema.string().optional(),
  })
  .passthrough();
export type Subscription = schema.infer<typeof subscriptionSchema>;

export function subscribe(z: ZObject, hook: { uri: string; filter: string; expiresAt: Date }): Promise<Subscription> {
  return callProvider(
    z,
    api('/webhooksubscription', {
      method: 'POST',
      body: { uri: hook.uri, eventFilters: [hook.filter], expiresDateInMillies: hook.expiresAt.getTime() },
    }),
    subscriptionSchema,
    context('Subscribe to events'),
  );
}

/** Deletes a subscription; one that is already gone counts as deleted. */
export async function unsubscribe(z: ZObject, subscriptionId: string): Promise<void> {
  // ASSUMPTION: [st-unsubscribe] not in the docs' navigation; used by working third-party code.
  await callProviderOrNull(
    z,
    api(`/webhooksubscription/${pathSegment(subscriptionId, 'Subscription ID')}`, { method: 'DELETE' }),
    schema.unknown(),
    assumed('Unsubscribe from events'),
  );
}

// ---------------------------------------------------------------- webhook payloads

export type Direction = 'inbound' | 'outbound';

/**
 * The direction a message record or event states, or null when it states none we know.
 * ASSUMPTION: [st-direction] the field is `direction`, reading inbound/outbound (or incoming/outgoing) in any case.
 */
export function directionOf(value: unknown): Direction | null {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (word === 'inbound' || word === 'incoming') return 'inbound';
  if (word === 'outbound' || word === 'outgoing') return 'outbound';
  return null;
}

/** Why a delivery starts nothing before any lookup: said in words, never quoting the body. */
export interface IgnoredEvent {
  ignored: string;
}

/**
 * ASSUMPTION: [st-event-id] the ids events name (messages, contacts) are the platform's own: at most 64 letters,
 * digits, `-` or `_` (MongoDB ObjectIds and UUIDs are). Anything else did not come from the API, so
 * it is never put in a path.
 */
const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The id an event names, or why it is not one. */
function eventIdOf(value: unknown, what: string): { id: string } | IgnoredEvent {
  if (value === undefined || value === null) return { ignored: `it names no ${what}` };
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !EVENT_ID.test(text)) {
    const length = typeof text === 'string' ? `${text.length} characters` : `a ${typeof value}`;
    return { ignored: `its ${what} is not an id (${length}, not 1 to 64 letters, digits, "-" or "_")` };
  }
  return { id: text };
}

/**
 * When an event says it happened, in epoch ms, or null. ASSUMPTION: [st-event-time] a top-level `timestamp` in ISO
 * 8601, as the message event's documented `uuid` sits beside it in working third-party code.
 */
function eventTime(payload: Record<string, unknown>): number | null {
  const at = typeof payload.timestamp === 'string' ? Date.parse(payload.timestamp) : NaN;
  return Number.isFinite(at) ? at : null;
}

const eventBody = schema.object({ uuid: schema.unknown() }).passthrough();
const uuidOf = (payload: { uuid?: unknown }) => (typeof payload.uuid === 'string' && payload.uuid.trim() !== '' ? payload.uuid : null);

/**
 * A message event names the message, not its content: `{ uuid, messageInfo: { messageId, lastUpdated } }`.
 * ASSUMPTION: [st-direction] `messageInfo.direction`, where present, says which way the message went.
 */
const messageEventSchema = eventBody.extend({
  messageInfo: schema.object({ messageId: schema.unknown(), direction: schema.unknown() }).passthrough(),
});

export interface MessageEvent {
  messageId: string;
  direction: Direction | null;
}

/** The message an event names, or why it names none (a validation ping, a malformed body or id). */
export function messageEvent(payload: unknown): MessageEvent | IgnoredEvent {
  const parsed = messageEventSchema.safeParse(payload);
  if (!parsed.success) return { ignored: 'it is not a message event' };
  const { messageId, direction } = parsed.data.messageInfo;
  const named = eventIdOf(messageId, 'message');
  return 'ignored' in named ? named : { messageId: named.id, direction: directionOf(direction) };
}

/** The department (site) a message record names, or null. ASSUMPTION: [st-message-department] the field is `departmentId`. */
export function messageDepartment(message: Message): string | null {
  const department = message.departmentId;
  if (typeof department === 'number') return String(department);
  return typeof department === 'string' && department.trim() !== '' ? department.trim() : null;
}

/** When a message last changed, in epoch ms, or null. */
export function messageTime(message: Message): number | null {
  return message.last_updated === null ? null : Date.parse(message.last_updated);
}

/**
 * ASSUMPTION: [st-contact-event] contact events are not documented beyond "contact created, updated and deleted". The
 * integration reads one as naming the contact (`contactInfo.contactId` like a message event, or an
 * `id` at the top level or under `contact` / `contactInfo`), maybe with its `mobileNumber` and the
 * rest of the record as it last was (firstName, lastName, email, company, notes), and maybe saying
 * what happened in `eventType`, `event`, `action` or `type` (a word with CREATE or ADD, UPDATE or
 * CHANGE, DELETE or REMOVE).
 */
const namedContactSchema = schema
  .object({ id: schema.unknown(), contactId: schema.unknown(), mobileNumber: schema.unknown() })
  .passthrough();
const contactEventSchema = eventBody.merge(namedContactSchema).extend({
  contact: namedContactSchema.optional(),
  contactInfo: namedContactSchema.optional(),
  eventType: schema.unknown(),
  event: schema.unknown(),
  action: schema.unknown(),
  type: schema.unknown(),
});

export type ContactChange = 'created' | 'updated' | 'deleted';

export interface ContactEvent {
  contactId: string;
  mobile: string | null;
  /** null when the event does not say. */
  change: ContactChange | null;
  /** The event's own id, when it has one. */
  uuid: string | null;
  /** When the event says it happened (epoch ms), or null. */
  at: number | null;
  /** The contact as the event describes it: the last known record of a deleted contact. */
  described: Contact;
}

const CHANGE_WORDS: Record<ContactChange, ReadonlySet<string>> = {
  created: new Set(['create', 'created', 'add', 'added', 'new']),
  updated: new Set(['update', 'updated', 'change', 'changed', 'edit', 'edited', 'modify', 'modified']),
  deleted: new Set(['delete', 'deleted', 'remove', 'removed']),
};

/** What the event's words say happened: a delete wins; "created or updated" says nothing. */
function changeOf(said: unknown[]): ContactChange | null {
  const words = said
    .filter((value): value is string => typeof value === 'string')
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  const named = (Object.keys(CHANGE_WORDS) as ContactChange[]).filter((change) => words.some((word) => CHANGE_WORDS[change].has(word)));
  if (named.includes('deleted')) return 'deleted';
  return named.length === 1 ? (named[0] ?? null) : null;
}

const describedText = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The contact an event names and what happened to it, or why it names none. */
export function contactEvent(payload: unknown): ContactEvent | IgnoredEvent {
  const parsed = contactEventSchema.safeParse(payload);
  if (!parsed.success) return { ignored: 'it is not a contact event' };
  const event = parsed.data;
  const holder = [event.contactInfo, event.contact, event].find(
    (candidate) => candidate !== undefined && (candidate.contactId ?? candidate.id) !== undefined,
  );
  const named = eventIdOf(holder?.contactId ?? holder?.id, 'contact');
  if (holder === undefined || 'ignored' in named) return 'ignored' in named ? named : { ignored: 'it names no contact' };
  const mobile = describedText(holder.mobileNumber);
  return {
    contactId: named.id,
    mobile,
    change: changeOf([event.eventType, event.event, event.action, event.type]),
    uuid: uuidOf(event),
    at: eventTime(event),
    described: {
      id: named.id,
      first_name: describedText(holder.firstName),
      last_name: describedText(holder.lastName),
      mobile,
      email: describedText(holder.email),
      company: describedText(holder.company),
      notes: describedText(holder.notes),
    },
  };
}

/**
 * When a contact was added and last changed (epoch ms), or null where the record does not say.
 * ASSUMPTION: [st-contact-times] `createdDate` in ISO 8601 and `lastUpdated` in epoch ms, as a message's.
 */
export function contactTimes(contact: Contact): { added: number | null; changed: number | null } {
  const added = typeof contact.createdDate === 'string' ? Date.parse(contact.createdDate) : NaN;
  const changed = contact.lastUpdated;
  return {
    added: Number.isFinite(added) ? added : null,
    changed: typeof changed === 'number' && Number.isFinite(changed) ? changed : null,
  };
}
