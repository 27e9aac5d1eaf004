/**
 * Every path and payload shape of the StratusTexting (Beetexting Connect) API. Operations call
 * these functions and never build a URL themselves. What the vendor documents is used as is; each
 * guess is marked ASSUMPTION, so a correction is a change here only.
 */
import type { ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { callProvider, callProviderOrNull, type ProviderRequest } from '../../core/provider-request';
import type { CallContext } from '../../core/provider-errors';
import { brand } from './brand';

const FORBIDDEN_HINT =
  "The API rejected the integration's API key or this user lacks the permission (scope). Reconnect the account; if it persists, the integration's API_KEY setting is wrong.";

function context(action: string): CallContext {
  return { provider: brand().product, action, refreshable: true, forbiddenHint: FORBIDDEN_HINT };
}

function api(path: string, request: Omit<ProviderRequest, 'url'> = {}): ProviderRequest {
  return { ...request, url: `${brand().apiBaseUrl}${path}` };
}

const segment = (value: string) => encodeURIComponent(value);

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

/** The send response is `{ "result": "Message Processed Successfully" }`; other fields (an id?) are UNKNOWN. */
export const sendResultSchema = schema.object({ result: schema.string().optional() }).passthrough();
export type SendResult = schema.infer<typeof sendResultSchema>;

/** Send SMS: everything travels in the query string with an empty body (a documented quirk). */
export function sendSms(z: ZObject, message: { from: string; to: string[]; text: string }): Promise<SendResult> {
  return callProvider(
    z,
    api('/message/sendsms', { method: 'POST', params: { from: message.from, to: message.to.join(','), text: message.text } }),
    sendResultSchema,
    context('Send SMS'),
  );
}

/** ASSUMPTION: Send MMS mirrors Send SMS at `/message/sendmms` and takes the media as a public URL in `mediaUrl`. */
export function sendMms(z: ZObject, message: { from: string; to: string[]; text?: string; mediaUrl: string }): Promise<SendResult> {
  const params: Record<string, string> = { from: message.from, to: message.to.join(','), mediaUrl: message.mediaUrl };
  if (message.text !== undefined) params.text = message.text;
  return callProvider(z, api('/message/sendmms', { method: 'POST', params }), sendResultSchema, context('Send MMS'));
}

// ASSUMPTION: fields beyond id, from, to, text and lastUpdated (epoch ms) are not documented; the
// direction and status names are guesses kept optional, and every other field is passed through.
const messageSchema = schema
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
  const raw = await callProviderOrNull(z, api(`/message/getmessagebyid/${segment(messageId)}`), messageSchema, context('Get Message'));
  return raw && flattenMessage(raw);
}

// ---------------------------------------------------------------- sites

// ASSUMPTION: "Get Sites" is `GET /sites`, answering a list (bare or in `content`) of sites with an
// id, a name and the organization id; a site is the "department" of webhook event filters.
const siteSchema = schema
  .object({
    id: schema.union([schema.string(), schema.number()]).transform(String),
    name: schema.string().optional(),
    orgId: schema.string().optional(),
    organizationId: schema.string().optional(),
  })
  .passthrough();
const siteListSchema = listOf(siteSchema);

export interface Site extends Record<string, unknown> {
  id: string;
  name: string;
  org_id: string | null;
}

export async function listSites(z: ZObject): Promise<Site[]> {
  const sites = await callProvider(z, api('/sites'), siteListSchema, context('Get Sites'));
  return sites.map(({ id, name, orgId, organizationId, ...rest }) => ({
    ...rest,
    id,
    name: name ?? id,
    org_id: orgId ?? organizationId ?? null,
  }));
}

// ---------------------------------------------------------------- contacts

// ASSUMPTION: every contact path and field name below. The docs name the operations (get all,
// find by mobile, create or update, update by mobile, update by id) but not their shapes.
const CONTACT_PATHS = {
  all: '/contact/all',
  byMobile: (mobile: string) => `/contact/mobile/${segment(mobile)}`,
  createOrUpdate: '/contact',
  byId: (id: string) => `/contact/${segment(id)}`,
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

const contactPageSchema = schema
  .union([
    schema.array(contactSchema),
    schema.object({ content: schema.array(contactSchema), last: schema.boolean().optional() }).passthrough(),
  ])
  .transform((body) => (Array.isArray(body) ? { content: body, last: undefined } : body));

/** One page of the organization's contacts; `last` is true when no page follows. */
export async function listContacts(z: ZObject, page: number, size: number): Promise<{ contacts: Contact[]; last: boolean }> {
  // ASSUMPTION: Spring-style paging with `page` (from 0) and `size`.
  const body = await callProvider(z, api(CONTACT_PATHS.all, { params: { page, size } }), contactPageSchema, context('Get All Contacts'));
  return { contacts: body.content.map(flattenContact), last: body.last ?? body.content.length < size };
}

const contactLookupSchema = schema.union([contactSchema, schema.array(contactSchema), schema.undefined()]);

/** The contact with this E.164 mobile number, or null. */
export async function findContactByMobile(z: ZObject, mobile: string): Promise<Contact | null> {
  const raw = await callProviderOrNull(z, api(CONTACT_PATHS.byMobile(mobile)), contactLookupSchema, context('Find Contact'));
  const found = Array.isArray(raw) ? raw[0] : raw;
  return found ? flattenContact(found) : null;
}

/** Creates the contact, or updates the one with the same mobile number. */
export async function upsertContact(z: ZObject, changes: ContactChanges & { mobile: string }): Promise<Contact> {
  const raw = await callProvider(
    z,
    api(CONTACT_PATHS.createOrUpdate, { method: 'POST', body: contactBody(changes) }),
    contactSchema,
    context('Create or Update Contact'),
  );
  return flattenContact(raw);
}

/** Updates an existing contact, addressed by its id or by its mobile number (E.164). */
export async function updateContact(z: ZObject, contact: { id: string } | { mobile: string }, changes: ContactChanges): Promise<Contact> {
  const path = 'id' in contact ? CONTACT_PATHS.byId(contact.id) : CONTACT_PATHS.byMobile(contact.mobile);
  const raw = await callProvider(z, api(path, { method: 'PUT', body: contactBody(changes) }), contactSchema, context('Update Contact'));
  return flattenContact(raw);
}

// ---------------------------------------------------------------- custom consents

// Documented: POST /customconsent, GET /customconsent/{id}, POST /customconsent/{id}/change.
// ASSUMPTION: update is PUT /customconsent/{id}, list is GET /customconsent/all (like
// /webhooksubscription/all), add/remove on a contact is POST /customconsent/contact; body field
// names (name, description, active, mobileNumber, customConsentId, action) are guesses.
const CONSENT_PATHS = {
  create: '/customconsent',
  one: (id: string) => `/customconsent/${segment(id)}`,
  change: (id: string) => `/customconsent/${segment(id)}/change`,
  all: '/customconsent/all',
  onContact: '/customconsent/contact',
};

const consentSchema = schema
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

export function createConsent(z: ZObject, details: ConsentDetails & { name: string }): Promise<Consent> {
  return callProvider(z, api(CONSENT_PATHS.create, { method: 'POST', body: details }), consentSchema, context('Create Custom Consent'));
}

export function updateConsent(z: ZObject, id: string, details: ConsentDetails): Promise<Consent> {
  return callProvider(z, api(CONSENT_PATHS.one(id), { method: 'PUT', body: details }), consentSchema, context('Update Custom Consent'));
}

const consentListSchema = listOf(consentSchema);

export function listConsents(z: ZObject): Promise<Consent[]> {
  return callProvider(z, api(CONSENT_PATHS.all), consentListSchema, context('Get All Custom Consents'));
}

export function changeConsentStatus(z: ZObject, id: string, active: boolean): Promise<Consent> {
  return callProvider(
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
  return callProvider(
    z,
    api(CONSENT_PATHS.onContact, {
      method: 'POST',
      body: { mobileNumber: change.mobile, customConsentId: change.consentId, action: change.action.toUpperCase() },
    }),
    anyObjectOrNothing,
    context(change.action === 'add' ? 'Add Custom Consent to Contact' : 'Remove Custom Consent from Contact'),
  );
}

// ---------------------------------------------------------------- webhook subscriptions

export type EventKind = 'inbound' | 'outbound' | 'contact';

/** The event filter for one department's events. */
export function eventFilter(kind: EventKind, orgId: string, departmentId: string): string {
  const base = `/orgId/${orgId}/department/${departmentId}`;
  // ASSUMPTION: the contact filter is modelled on the documented message filter.
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
  // Not in the docs' navigation; used by working third-party code.
  await callProviderOrNull(
    z,
    api(`/webhooksubscription/${segment(subscriptionId)}`, { method: 'DELETE' }),
    schema.unknown(),
    context('Unsubscribe from events'),
  );
}

// ---------------------------------------------------------------- webhook payloads

/**
 * A message event names the message, not its content: `{ uuid, messageInfo: { messageId, lastUpdated } }`.
 * Anything else (a validation ping, a malformed body) is not an event: null.
 */
const messageEventSchema = schema
  .object({ messageInfo: schema.object({ messageId: schema.union([schema.string().min(1), schema.number()]) }).passthrough() })
  .passthrough();

export function messageEventId(payload: unknown): string | null {
  const parsed = messageEventSchema.safeParse(payload);
  return parsed.success ? String(parsed.data.messageInfo.messageId) : null;
}

/**
 * ASSUMPTION: a contact event carries the contact itself, either at the top level or under
 * `contact` / `contactInfo`. Anything without a contact id is not an event: null.
 */
const contactEventSchema = schema.union([
  schema
    .object({ contact: contactSchema })
    .passthrough()
    .transform((body) => body.contact),
  schema
    .object({ contactInfo: contactSchema })
    .passthrough()
    .transform((body) => body.contactInfo),
  contactSchema,
]);

export function contactFromEvent(payload: unknown): Contact | null {
  const holder = contactEventSchema.safeParse(payload);
  return holder.success ? flattenContact(holder.data) : null;
}
