import { z as schema } from 'zod';
import { withFault } from '../faults';
import { SANDBOX_CREDENTIALS } from '../credentials';
import { empty, formBody, header, json, jsonBody, type Handler, type Reply, type Router, type SandboxRequest } from '../http';
import { objectId } from '../tokens';
import type { StoredContact, StoredMessage, StratusTextingState } from './state';
import { handshakeFailure, saveSubscription, subscriptionView, type WebhookDelivery } from './webhooks';

/**
 * The StratusTexting API behind AWS API Gateway: every call needs a valid bearer token (else
 * 401 `{"message":"Unauthorized"}`) and the client's `x-api-key` (else 403 `{"message":"Forbidden"}`).
 * Paths and payloads are those of src/providers/stratustexting/api.ts, including its ASSUMPTIONs.
 * Application errors use Spring Boot's shape `{timestamp, status, error, message, path}`.
 */

const E164 = /^\+[1-9]\d{7,14}$/;
const MAX_TEXT_LENGTH = 1000;
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 415: 'Unsupported Media Type' };

function appError(request: SandboxRequest, status: number, message: string): Reply {
  return json(status, { timestamp: new Date().toISOString(), status, error: REASONS[status] ?? 'Error', message, path: request.path });
}

function problemOf(error: schema.ZodError): string {
  const issue = error.issues[0];
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** A JSON request body parsed by `shape`, or the error reply Spring would send. */
function readJson<T>(request: SandboxRequest, shape: schema.ZodType<T, schema.ZodTypeDef, unknown>): { value: T } | { reply: Reply } {
  if (request.rawBody.trim() === '') return { reply: appError(request, 400, 'Required request body is missing') };
  if (request.contentType !== 'application/json') {
    return { reply: appError(request, 415, `Content-Type '${request.contentType || 'none'}' is not supported; use application/json`) };
  }
  const body = jsonBody(request);
  if ('invalid' in body) return { reply: appError(request, 400, `JSON parse error: ${body.reason}`) };
  const parsed = shape.safeParse(body.value);
  return parsed.success ? { value: parsed.data } : { reply: appError(request, 400, problemOf(parsed.error)) };
}

const e164 = schema.string().regex(E164, { message: 'must be an E.164 number like +19495551234 (no spaces or punctuation)' });
const optionalText = (max: number) => schema.string().trim().max(max).nullable().optional();

const contactFields = schema.object({
  firstName: optionalText(100),
  lastName: optionalText(100),
  mobileNumber: e164.optional(),
  email: schema
    .string({ invalid_type_error: 'must be an e-mail address' })
    .email({ message: 'must be an e-mail address' })
    .nullable()
    .optional(),
  company: optionalText(200),
  notes: optionalText(2000),
});
type ContactFields = schema.infer<typeof contactFields>;

const consentFields = schema.object({
  name: schema.string().trim().min(1, { message: 'must not be blank' }).max(100),
  description: schema.string().max(500).nullable().optional(),
});

/** An http(s) URL written with `://`, trimmed, without the tabs and line breaks a URL parser ignores. */
const httpUrl = (message: string) =>
  schema
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .url({ message })
    .refine((url) => /^https?:\/\//i.test(url), { message })
    .transform((url) => url.replace(/[\t\n\r]/g, ''));

const subscriptionInput = schema.object({
  uri: httpUrl('must be an http(s) URL'),
  eventFilters: schema.array(schema.string()).min(1, { message: 'must list at least one filter' }),
  expiresDateInMillies: schema
    .number()
    .int()
    .refine((value) => value > Date.now(), { message: 'must be in the future' }),
});

export function addApiRoutes(router: Router, prefix: string, state: StratusTextingState, delivery: WebhookDelivery): void {
  /** API Gateway's checks before any route runs: the Cognito authorizer, then the API key. */
  const guarded =
    (handler: Handler): Handler =>
    (request) => {
      const token = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
      const grant = token === undefined ? undefined : state.accessTokens.get(token);
      if (!grant || grant.expiresAt <= Date.now()) return json(401, { message: 'Unauthorized' });
      if (header(request, 'x-api-key') !== SANDBOX_CREDENTIALS.stratustexting.apiKey) return json(403, { message: 'Forbidden' });
      return handler(request);
    };
  const route = (method: string, path: string, handler: Handler) => router.add(method, `${prefix}${path}`, guarded(handler));

  // ---------------------------------------------------------------- messages

  /** Checks a send's query (`from`, comma-separated `to`, `text`); answers the stored message or an error reply. */
  const send = (request: SandboxRequest, media: boolean): Reply => {
    const from = request.query.get('from') ?? '';
    const to = (request.query.get('to') ?? '')
      .split(',')
      .map((number) => number.trim())
      .filter((number) => number !== '');
    const text = request.query.get('text') ?? '';
    const mediaUrl = request.query.get('mediaUrl') ?? '';
    if (from === '') return appError(request, 400, 'from is required');
    if (!E164.test(from)) return appError(request, 400, `from "${from}" is not an E.164 number like +19495551234`);
    const site = state.siteByNumber(from);
    if (!site) return appError(request, 400, `from "${from}" is not a number of this organization`);
    if (to.length === 0) return appError(request, 400, 'to is required');
    const badRecipient = to.find((number) => !E164.test(number));
    if (badRecipient !== undefined) return appError(request, 400, `to "${badRecipient}" is not an E.164 number like +19495551234`);
    if (media) {
      if (!URL.canParse(mediaUrl) || !/^https?:$/.test(new URL(mediaUrl).protocol))
        return appError(request, 400, 'mediaUrl must be a public http(s) URL');
    } else if (text.trim() === '') {
      return appError(request, 400, 'text is required');
    }
    if (text.length > MAX_TEXT_LENGTH) return appError(request, 400, `text is longer than ${MAX_TEXT_LENGTH} characters`);
    const now = Date.now();
    const message: StoredMessage = {
      id: objectId(),
      orgId: state.orgId,
      departmentId: site.id,
      direction: 'outbound',
      from,
      to: to.map((phoneNumber) => ({ phoneNumber })),
      text,
      ...(media ? { mediaUrl } : {}),
      status: 'SENT',
      createdDate: new Date(now).toISOString(),
      lastUpdated: now,
    };
    state.messages.set(message.id, message);
    void delivery.messageEvent(message);
    return withFault(json(200, { result: 'Message Processed Successfully' }), to);
  };

  route('POST', '/message/sendsms', (request) => send(request, false));
  route('POST', '/message/sendmms', (request) => send(request, true));
  route('GET', '/message/getmessagebyid/:id', (request) => {
    const message = state.messages.get(request.params.id);
    return message ? json(200, message) : appError(request, 404, `Message ${request.params.id} not found`);
  });

  route('GET', '/sites', () => json(200, { content: state.sites }));

  // ---------------------------------------------------------------- contacts

  const contactList = () => [...state.contacts.values()].sort((a, b) => a.createdDate.localeCompare(b.createdDate));
  /** Answers the contact a request changed, and tells the contact subscriptions. */
  const changed = (contact: StoredContact) => {
    void delivery.contactEvent(contact, 'updated');
    return json(200, contact);
  };
  const applyContact = (contact: StoredContact, fields: ContactFields) => {
    for (const key of ['firstName', 'lastName', 'email', 'company', 'notes'] as const) {
      if (fields[key] !== undefined) contact[key] = fields[key];
    }
    if (fields.mobileNumber !== undefined) contact.mobileNumber = fields.mobileNumber;
    contact.lastUpdated = Date.now();
    return contact;
  };
  const mobileTaken = (mobile: string | undefined, contact: StoredContact) => {
    const holder = mobile === undefined ? undefined : state.contactByMobile(mobile);
    return holder !== undefined && holder.id !== contact.id;
  };
  const mobileParam = (request: SandboxRequest): string | Reply =>
    E164.test(request.params.mobile)
      ? request.params.mobile
      : appError(request, 400, `mobile "${request.params.mobile}" is not an E.164 number like +19495551234`);

  route('GET', '/contact/all', (request) => {
    const page = Number(request.query.get('page') ?? 0);
    const size = Number(request.query.get('size') ?? DEFAULT_PAGE_SIZE);
    if (!Number.isInteger(page) || page < 0) return appError(request, 400, 'page must be a whole number from 0');
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
      return appError(request, 400, `size must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    const sort = request.query.get('sort') ?? 'createdDate,asc';
    if (!/^createdDate(,(asc|desc))?$/i.test(sort))
      return appError(request, 400, `sort "${sort}" is not createdDate,asc or createdDate,desc`);
    const all = /,desc$/i.test(sort) ? contactList().reverse() : contactList();
    const totalPages = Math.ceil(all.length / size);
    return json(200, {
      content: all.slice(page * size, page * size + size),
      number: page,
      size,
      totalElements: all.length,
      totalPages,
      first: page === 0,
      last: page >= totalPages - 1,
    });
  });
  route('GET', '/contact/mobile/:mobile', (request) => {
    const mobile = mobileParam(request);
    if (typeof mobile !== 'string') return mobile;
    const contact = state.contactByMobile(mobile);
    return contact ? json(200, contact) : appError(request, 404, `No contact with mobile number ${mobile}`);
  });
  route('PUT', '/contact/mobile/:mobile', (request) => {
    const mobile = mobileParam(request);
    if (typeof mobile !== 'string') return mobile;
    const contact = state.contactByMobile(mobile);
    if (!contact) return appError(request, 404, `No contact with mobile number ${mobile}`);
    const body = readJson(request, contactFields);
    if ('reply' in body) return body.reply;
    if (mobileTaken(body.value.mobileNumber, contact))
      return appError(request, 409, `Another contact has mobile number ${body.value.mobileNumber}`);
    return changed(applyContact(contact, body.value));
  });
  route('POST', '/contact', (request) => {
    const body = readJson(request, contactFields.extend({ mobileNumber: e164 }));
    if ('reply' in body) return body.reply;
    const existing = state.contactByMobile(body.value.mobileNumber);
    if (existing) return changed(applyContact(existing, body.value));
    const now = Date.now();
    const contact: StoredContact = applyContact(
      {
        id: objectId(),
        orgId: state.orgId,
        firstName: null,
        lastName: null,
        mobileNumber: body.value.mobileNumber,
        email: null,
        company: null,
        notes: null,
        customConsents: [],
        createdDate: new Date(now).toISOString(),
        lastUpdated: now,
      },
      body.value,
    );
    state.contacts.set(contact.id, contact);
    void delivery.contactEvent(contact, 'created');
    return json(200, contact);
  });
  route('GET', '/contact/:id', (request) => {
    const contact = state.contacts.get(request.params.id);
    return contact ? json(200, contact) : appError(request, 404, `Contact ${request.params.id} not found`);
  });
  route('PUT', '/contact/:id', (request) => {
    const contact = state.contacts.get(request.params.id);
    if (!contact) return appError(request, 404, `Contact ${request.params.id} not found`);
    const body = readJson(request, contactFields);
    if ('reply' in body) return body.reply;
    if (mobileTaken(body.value.mobileNumber, contact))
      return appError(request, 409, `Another contact has mobile number ${body.value.mobileNumber}`);
    return changed(applyContact(contact, body.value));
  });

  // ---------------------------------------------------------------- custom consents

  const consentNameTaken = (name: string, exceptId?: string) =>
    [...state.consents.values()].some((consent) => consent.name.toLowerCase() === name.toLowerCase() && consent.id !== exceptId);

  route('GET', '/customconsent/all', () => json(200, { content: [...state.consents.values()] }));
  route('POST', '/customconsent/contact', (request) => {
    const body = readJson(
      request,
      schema.object({ mobileNumber: e164, customConsentId: schema.string().min(1), action: schema.enum(['ADD', 'REMOVE']) }),
    );
    if ('reply' in body) return body.reply;
    const contact = state.contactByMobile(body.value.mobileNumber);
    if (!contact) return appError(request, 404, `No contact with mobile number ${body.value.mobileNumber}`);
    const consent = state.consents.get(body.value.customConsentId);
    if (!consent) return appError(request, 404, `Custom consent ${body.value.customConsentId} not found`);
    const others = contact.customConsents.filter((given) => given.id !== consent.id);
    if (body.value.action === 'ADD') {
      if (!consent.active) return appError(request, 400, `Custom consent "${consent.name}" is inactive`);
      contact.customConsents = [...others, { id: consent.id, name: consent.name }];
    } else {
      contact.customConsents = others;
    }
    contact.lastUpdated = Date.now();
    return changed(contact);
  });
  route('POST', '/customconsent', (request) => {
    const body = readJson(request, consentFields);
    if ('reply' in body) return body.reply;
    if (consentNameTaken(body.value.name)) return appError(request, 409, `A custom consent named "${body.value.name}" already exists`);
    const now = Date.now();
    const consent = {
      id: objectId(),
      orgId: state.orgId,
      name: body.value.name,
      description: body.value.description ?? null,
      active: true,
      createdDate: new Date(now).toISOString(),
      lastUpdated: now,
    };
    state.consents.set(consent.id, consent);
    return json(200, consent);
  });
  route('GET', '/customconsent/:id', (request) => {
    const consent = state.consents.get(request.params.id);
    return consent ? json(200, consent) : appError(request, 404, `Custom consent ${request.params.id} not found`);
  });
  route('PUT', '/customconsent/:id', (request) => {
    const consent = state.consents.get(request.params.id);
    if (!consent) return appError(request, 404, `Custom consent ${request.params.id} not found`);
    const body = readJson(request, consentFields.partial());
    if ('reply' in body) return body.reply;
    if (body.value.name !== undefined && consentNameTaken(body.value.name, consent.id)) {
      return appError(request, 409, `A custom consent named "${body.value.name}" already exists`);
    }
    if (body.value.name !== undefined) consent.name = body.value.name;
    if (body.value.description !== undefined) consent.description = body.value.description;
    consent.lastUpdated = Date.now();
    return json(200, consent);
  });
  route('POST', '/customconsent/:id/change', (request) => {
    const consent = state.consents.get(request.params.id);
    if (!consent) return appError(request, 404, `Custom consent ${request.params.id} not found`);
    const body = readJson(request, schema.object({ active: schema.boolean() }));
    if ('reply' in body) return body.reply;
    consent.active = body.value.active;
    consent.lastUpdated = Date.now();
    return json(200, consent);
  });

  // ---------------------------------------------------------------- webhook subscriptions

  route('POST', '/webhooksubscription', async (request) => {
    const body = readJson(request, subscriptionInput);
    if ('reply' in body) return body.reply;
    const failure = state.webhookHandshake ? await handshakeFailure(body.value.uri) : undefined;
    if (failure !== undefined) return appError(request, 400, `Webhook validation failed for ${body.value.uri}: ${failure}`);
    const subscription = saveSubscription(state, {
      uri: body.value.uri,
      eventFilters: body.value.eventFilters,
      expiresAt: body.value.expiresDateInMillies,
    });
    return json(200, subscriptionView(subscription));
  });
  route('DELETE', '/webhooksubscription/:id', (request) => {
    if (!state.subscriptions.delete(request.params.id)) return appError(request, 404, `Subscription ${request.params.id} not found`);
    return empty(204);
  });
}

/**
 * Sandbox-only helpers, outside the API's prefix and without credentials: make a customer text in
 * (`POST {prefix}/_sandbox/inbound` with from, to, text as JSON or a form), delete a contact as the
 * web app would (`DELETE {prefix}/_sandbox/contact/{id}`), and expire every
 * access token (`POST {prefix}/_sandbox/expire-tokens`) so a client has to refresh.
 */
export function addSandboxRoutes(router: Router, prefix: string, state: StratusTextingState, delivery: WebhookDelivery): void {
  const inbound = schema.object({
    from: e164,
    to: e164.refine((number) => state.siteByNumber(number) !== undefined, { message: 'is not a number of one of the sandbox sites' }),
    text: schema.string().min(1, { message: 'is required' }).max(MAX_TEXT_LENGTH),
  });
  router.add('POST', `${prefix}/_sandbox/inbound`, async (request) => {
    const raw = request.contentType === 'application/x-www-form-urlencoded' ? { value: formBody(request) } : jsonBody(request);
    const parsed = inbound.safeParse('invalid' in raw ? undefined : raw.value);
    if (!parsed.success) return json(400, { message: problemOf(parsed.error) });
    const { from, to, text } = parsed.data;
    const now = Date.now();
    const message: StoredMessage = {
      id: objectId(),
      orgId: state.orgId,
      departmentId: (state.siteByNumber(to) as { id: string }).id,
      direction: 'inbound',
      from,
      to: [{ phoneNumber: to }],
      text,
      status: 'RECEIVED',
      createdDate: new Date(now).toISOString(),
      lastUpdated: now,
    };
    state.messages.set(message.id, message);
    const deliveries = await delivery.messageEvent(message);
    return json(201, { message, deliveries });
  });
  // The API documents no way to delete a contact; the web app does, and its event is delivered.
  router.add('DELETE', `${prefix}/_sandbox/contact/:id`, async (request) => {
    const contact = state.contacts.get(request.params.id);
    if (!contact) return json(404, { message: `Contact ${request.params.id} not found` });
    state.contacts.delete(contact.id);
    const deliveries = await delivery.contactEvent(contact, 'deleted');
    return json(200, { contact, deliveries });
  });
  router.add('POST', `${prefix}/_sandbox/expire-tokens`, () => {
    state.expireAccessTokens();
    return empty(204);
  });
}
