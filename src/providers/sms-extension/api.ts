import { isRecord } from '../../core/is-record';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { checkedTypedBaseUrl, pathSegment } from '../../core/base-url';
import { headerToken } from '../../core/header-value';
import { inputError } from '../../core/input-error';
import { withAdvice, type CallContext } from '../../core/provider-errors';
import { callProvider, callProviderOrNull, callProviderWrite } from '../../core/provider-request';
import { statesFailure } from '../../core/stated-failure';
import { messageOf, providerStatusOf } from '../../core/error-details';

/**
 * The SMS Extension API (its published Postman collection, docs/providers.md §3): every path and response schema.
 * Only the parameter table is documented; every response shape here is an assumption, parsed
 * tolerantly, and outputs keep the raw fields.
 */
export const PROVIDER = 'SMS Extension';

// ASSUMPTION: [sx-paths] the paths sit directly under the Base URL the user enters (which may end in /api).
const PATHS = {
  token: '/oauth/token',
  senderIds: '/sender-id/list',
  addSenderId: '/sender-id/add',
  sendSms: '/sms/send',
  listSms: '/sms/list',
  smsDetail: (id: string) => `/sms/detail/${pathSegment(id, 'SMS ID')}`,
  clickToDial: '/click-to-dial/dial',
  maskedClickToDial: '/click-to-dial-mask/dial',
};

/** How many pages of /sms/list one step reads at most. */
export const SMS_PAGE_CAP = 10;

// ASSUMPTION: [sx-public-host] the service is served from a public host: private, link-local and loopback addresses are refused.
function urlOf(authData: Bundle['authData'], path: string): string {
  return `${checkedTypedBaseUrl(authData.base_url ?? '', 'Base URL')}${path}`;
}

/** Token requests carry the client credentials, never an old access token. */
export function isTokenRequest(url: string): boolean {
  return (url.split(/[?#]/)[0] ?? '').endsWith(PATHS.token);
}

const apiCall = (action: string): CallContext => ({ provider: PROVIDER, action, refreshable: true });

// ---------------------------------------------------------------- values on the wire

/**
 * ASSUMPTION: [sx-wire-number] the API wants numbers as international digits without "+" (`447400900123`),
 * not the national form (`07400900123`); both fit its "number" and `[a-zA-Z0-9]` rules.
 * Every number leaves through here, so a correction is this one line.
 */
export function wireNumber(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** ASSUMPTION: [sx-utc] `sent_since`/`sent_until` (`YYYY-MM-DD HH:MM:SS`) are read as UTC. */
function providerDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** ASSUMPTION: [sx-utc] a timestamp without a zone (`2026-11-25 10:00:00`) is UTC, as the filters are. */
function parseProviderTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
  const date = new Date(zoneless ? `${text.replace(' ', 'T')}Z` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

// ---------------------------------------------------------------- tokens

export const tokenAnswer = schema
  .object({
    access_token: headerToken,
    // ASSUMPTION: [sx-refresh-token] Passport issues a refresh token with every grant and rotates it on refresh.
    refresh_token: schema.string().min(1).optional(),
    expires_in: schema.number().optional(),
  })
  .passthrough();
export type TokenAnswer = schema.infer<typeof tokenAnswer>;

export interface ClientCredentials {
  client_id: string;
  client_secret: string;
}

export type TokenGrant =
  { grant_type: 'password'; username: string; password: string } | { grant_type: 'refresh_token'; refresh_token: string };

export function requestToken(z: ZObject, authData: Bundle['authData'], client: ClientCredentials, grant: TokenGrant) {
  const action = grant.grant_type === 'password' ? 'sign in with the username and password' : 'refresh the session';
  return callProvider(z, { method: 'POST', url: urlOf(authData, PATHS.token), body: { ...grant, ...client } }, tokenAnswer, {
    provider: PROVIDER,
    action,
    issuesCredentials: true,
  });
}

// ---------------------------------------------------------------- sender ids

// ASSUMPTION: [sx-sender-list] /sender-id/list answers an array (or `{ data: [...] }`) of names or of records
// naming the sender in `sender_id`, `name` or `sender`.
const rawSenderId = schema.union([
  schema.string().trim().min(1),
  schema
    .object({})
    .passthrough()
    .refine((record) => senderNameOf(record) !== undefined, { message: 'a sender id without a name' }),
]);
export const senderIdList = schema.union([
  schema.array(rawSenderId),
  schema
    .object({ data: schema.array(rawSenderId) })
    .passthrough()
    .transform((page) => page.data),
]);

function senderNameOf(record: Record<string, unknown>): string | undefined {
  return textOf(record.sender_id) ?? textOf(record.name) ?? textOf(record.sender);
}

// ASSUMPTION: [sx-sender-list] approval shows as a flag (`approved`/`is_approved`: true/false, 1/0, or those as
// text, as a database column often comes out) or a status word; these words (or 1) mean approved,
// any other status means not approved yet.
const APPROVED_STATUSES = new Set(['approved', 'active', 'verified', 'enabled', '1']);
const FLAG_VALUES = new Map<unknown, boolean>([
  [true, true],
  [1, true],
  ['1', true],
  ['true', true],
  [false, false],
  [0, false],
  ['0', false],
  ['false', false],
]);

function approvalOf(record: Record<string, unknown>): { approved: boolean | null; approval_status: string } {
  const flag = FLAG_VALUES.get(record.approved ?? record.is_approved);
  const status = textOf(record.approval_status) ?? textOf(record.status);
  let approved: boolean | null = null;
  if (flag !== undefined) approved = flag;
  else if (status !== undefined) approved = APPROVED_STATUSES.has(status.toLowerCase());
  const derived = approved === null ? 'unknown' : approved ? 'approved' : 'pending';
  return { approved, approval_status: status ?? derived };
}

export interface SenderId extends Record<string, unknown> {
  id: string;
  sender_id: string;
  approved: boolean | null;
  approval_status: string;
}

function toSenderId(raw: schema.infer<typeof rawSenderId>): SenderId {
  if (typeof raw === 'string') return { id: raw, sender_id: raw, approved: null, approval_status: 'unknown' };
  const name = senderNameOf(raw) as string;
  return { ...raw, id: textOf(raw.id) ?? name, sender_id: name, ...approvalOf(raw) };
}

export async function listSenderIds(z: ZObject, bundle: Bundle): Promise<SenderId[]> {
  const answer = await callProvider(
    z,
    { method: 'GET', url: urlOf(bundle.authData, PATHS.senderIds) },
    senderIdList,
    apiCall('list sender ids'),
  );
  return answer.map(toSenderId);
}

// ASSUMPTION: [sx-action-answer] action answers are a JSON object, perhaps wrapping the record in `data` (a Laravel
// resource); the record's fields are lifted to the top. Any other body is kept as `response`.
const actionAnswer = schema.unknown().transform((body): Record<string, unknown> => {
  if (!isRecord(body)) return body === undefined ? {} : { response: body };
  const { data, ...rest } = body;
  return isRecord(data) ? { ...rest, ...data } : body;
});

/** ASSUMPTION: [sx-action-answer] an action's answer names what it made (a sender id request, a call) as `id`, `call_id`, `uuid` or `reference`, if at all. */
export function referenceOf(answer: Record<string, unknown>): string | null {
  const reference = [answer.id, answer.call_id, answer.uuid, answer.reference].find(
    (value) => typeof value === 'string' || typeof value === 'number',
  );
  return reference === undefined ? null : String(reference);
}

export function addSenderId(z: ZObject, bundle: Bundle, senderId: string) {
  return callProviderWrite(
    z,
    { method: 'POST', url: urlOf(bundle.authData, PATHS.addSenderId), body: { sender_id: senderId } },
    actionAnswer,
    apiCall('add a sender id'),
  );
}

// ---------------------------------------------------------------- SMS

const providerId = schema.union([schema.string().trim().min(1), schema.number()]);

// ASSUMPTION: [sx-sms-record] an SMS record carries its id as `id` (or `sms_id`, the collection's word), sender and
// receiver as `sender`/`receiver` (the list filters) or `source`/`destination` (the send
// parameters), the body as `text` or `message`, and its time as `sent_at` or `created_at`.
const rawSms = schema
  .object({ id: providerId.optional(), sms_id: providerId.optional() })
  .passthrough()
  .refine((sms) => sms.id !== undefined || sms.sms_id !== undefined, { message: 'an SMS without an id' });
type RawSms = schema.infer<typeof rawSms>;

export interface Sms extends Record<string, unknown> {
  id: string;
  sender: string | null;
  receiver: string | null;
  text: string | null;
  status: string | null;
  sent_at: string | null;
}

function toSms(raw: RawSms): Sms {
  const sentAt = parseProviderTime(raw.sent_at) ?? parseProviderTime(raw.created_at);
  return {
    ...raw,
    id: String(raw.id ?? raw.sms_id),
    sender: textOf(raw.sender) ?? textOf(raw.source) ?? null,
    receiver: textOf(raw.receiver) ?? textOf(raw.destination) ?? null,
    text: typeof raw.text === 'string' ? raw.text : typeof raw.message === 'string' ? raw.message : null,
    status: textOf(raw.status) ?? null,
    sent_at: sentAt ? sentAt.toISOString() : null,
  };
}

function nextPageOf(page: { next_page_url?: string | null; links?: unknown }, current: number): number | undefined {
  const next = page.next_page_url ?? (isRecord(page.links) && typeof page.links.next === 'string' ? page.links.next : undefined);
  if (!next) return undefined;
  const number = Number(new URLSearchParams(next.split('?')[1] ?? '').get('page'));
  return Number.isInteger(number) && number > current ? number : undefined;
}

// ASSUMPTION: [sx-sms-list] /sms/list answers a plain array, or a Laravel paginator (`data` with
// `next_page_url`, or `links.next` for API resources). The next page is asked for with our own
// filters plus `page=N`: a paginator's links may drop the query string, and following a link
// verbatim could send the token to another host.
export const smsPage = schema.union([
  schema.array(rawSms).transform((items) => ({ items, next_page_url: null, links: undefined })),
  schema
    .object({ data: schema.array(rawSms), next_page_url: schema.string().nullish(), links: schema.unknown().optional() })
    .passthrough()
    .transform((page) => ({ items: page.data, next_page_url: page.next_page_url, links: page.links })),
]);

export interface SmsFilters {
  /** An alphanumeric sender id, or a number already in `wireNumber` form. */
  sender?: string;
  receiver?: string;
  sentSince?: Date;
  sentUntil?: Date;
}

function filterParams(filters: SmsFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.sender) params.sender = filters.sender;
  if (filters.receiver) params.receiver = filters.receiver;
  if (filters.sentSince) params.sent_since = providerDateTime(filters.sentSince);
  if (filters.sentUntil) params.sent_until = providerDateTime(filters.sentUntil);
  return params;
}

/** The pages of /sms/list, fetched one at a time as the caller reads them, at most `maxPages`. */
async function* smsPages(z: ZObject, bundle: Bundle, filters: SmsFilters, maxPages: number): AsyncGenerator<Sms[]> {
  let page = 1;
  for (let fetched = 0; fetched < maxPages; fetched += 1) {
    const params = page === 1 ? filterParams(filters) : { ...filterParams(filters), page: String(page) };
    const answer = await callProvider(
      z,
      { method: 'GET', url: urlOf(bundle.authData, PATHS.listSms), params },
      smsPage,
      apiCall('list SMS'),
    );
    yield answer.items.map(toSms);
    const next = nextPageOf(answer, page);
    if (next === undefined) return;
    page = next;
  }
}

function newestFirst(a: Sms, b: Sms): number {
  const byTime = (b.sent_at ?? '').localeCompare(a.sent_at ?? '');
  if (byTime !== 0) return byTime;
  return Number(b.id) - Number(a.id) || 0;
}

/** The SMS matching `filters`, newest first, each id once. */
export async function listSms(z: ZObject, bundle: Bundle, filters: SmsFilters, maxPages = SMS_PAGE_CAP): Promise<Sms[]> {
  const byId = new Map<string, Sms>();
  for await (const items of smsPages(z, bundle, filters, maxPages)) {
    for (const sms of items) if (!byId.has(sms.id)) byId.set(sms.id, sms);
  }
  return [...byId.values()].sort(newestFirst);
}

// ASSUMPTION: [sx-sms-detail] /sms/detail/{id} answers the record itself or `{ data: record }`; 404 for an unknown id.
export const smsDetail = schema.union([
  rawSms,
  schema
    .object({ data: rawSms })
    .passthrough()
    .transform((body) => body.data),
]);

export async function findSmsById(z: ZObject, bundle: Bundle, id: string): Promise<Sms | null> {
  const found = await callProviderOrNull(
    z,
    { method: 'GET', url: urlOf(bundle.authData, PATHS.smsDetail(id)) },
    smsDetail,
    apiCall('find an SMS'),
  );
  return found ? toSms(found) : null;
}

/**
 * Sends one SMS; `destination` is E.164. The approval state is not checked first (that costs a
 * request on every send): the provider's 422 about `source` becomes the explanation instead.
 */
export async function sendSms(z: ZObject, bundle: Bundle, message: { source: string; destination: string; text: string }) {
  const body = { source: message.source, destination: wireNumber(message.destination), text: message.text };
  try {
    const sent = await callProvider(z, { method: 'POST', url: urlOf(bundle.authData, PATHS.sendSms), body }, actionAnswer, {
      ...apiCall('send an SMS'),
      sendCheck: `Look for it in ${PROVIDER}'s SMS history (the Find SMS search, with this sender and recipient).`,
      // ASSUMPTION: [sx-stated-failure] a failed send may be answered 2xx with `"status": false`, `"success": false`
      // or an `error`/`errors` member (no answer is documented): a refusal quoting its reason.
      statedFailure: statesFailure,
    });
    // ASSUMPTION: [sx-send-id] the new message's id, if the answer has one, is `id` or `sms_id`.
    return { ...sent, id: textOf(sent.id) ?? textOf(sent.sms_id) ?? null };
  } catch (error) {
    // ASSUMPTION: [sx-422] a refusal is Laravel's 422 `{message, errors: {field: [...]}}`, naming `source:`.
    if (providerStatusOf(error) === 422 && error instanceof Error && /\bsource:/.test(messageOf(error))) {
      throw inputError(
        'Sender ID',
        withAdvice(
          `sender id "${message.source}" is not approved yet, or is not one of this account's sender ids. ${messageOf(error)}`,
          `Choose an approved sender id, or wait until ${PROVIDER} approves this one.`,
        ),
      );
    }
    throw error;
  }
}

// ---------------------------------------------------------------- click to dial

/** ASSUMPTION: [sx-click-to-dial] rings the connected user's own phone, then connects it to `destination` (E.164). */
export function clickToDial(z: ZObject, bundle: Bundle, destination: string) {
  return callProviderWrite(
    z,
    { method: 'POST', url: urlOf(bundle.authData, PATHS.clickToDial), body: { destination: wireNumber(destination) } },
    actionAnswer,
    apiCall('click to dial'),
  );
}

/** ASSUMPTION: [sx-click-to-dial] as clickToDial, with `source` (E.164) shown to the called party instead of the user's number. */
export function maskedClickToDial(z: ZObject, bundle: Bundle, call: { source: string; destination: string }) {
  return callProviderWrite(
    z,
    {
      method: 'POST',
      url: urlOf(bundle.authData, PATHS.maskedClickToDial),
      body: { source: wireNumber(call.source), destination: wireNumber(call.destination) },
    },
    actionAnswer,
    apiCall('masked click to dial'),
  );
}
