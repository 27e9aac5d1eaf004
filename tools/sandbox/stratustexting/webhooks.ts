import { objectId, uuid } from '../tokens';
import type { Delivery, StoredContact, StoredMessage, StoredSubscription, StratusTextingState } from './state';

/**
 * Event filters and webhook delivery. A message filter is documented
 * (`/orgId/<org>/department/<dept>/message?direction=inbound|outbound`); the contact filter
 * (`/orgId/<org>/department/<dept>/contact`) is the integration's ASSUMPTION, matched here.
 */

type EventFilter = { orgId: string; departmentId: string } & ({ kind: 'message'; direction: 'inbound' | 'outbound' } | { kind: 'contact' });

const FILTER = /^\/orgId\/([^/?]+)\/department\/([^/?]+)\/(?:message\?direction=(inbound|outbound)|(contact))$/;
const DELIVERY_TIMEOUT_MS = 10_000;
const HANDSHAKE_TIMEOUT_MS = 5_000;

export function parseFilter(filter: string): EventFilter | undefined {
  const match = FILTER.exec(filter);
  if (!match) return undefined;
  const [, orgId, departmentId, direction, contact] = match;
  if (contact) return { orgId, departmentId, kind: 'contact' };
  return { orgId, departmentId, kind: 'message', direction: direction as 'inbound' | 'outbound' };
}

/** Why the account may not subscribe to `filter`, or undefined when it may. */
export function refusal(state: StratusTextingState, filter: string): string | undefined {
  const parsed = parseFilter(filter);
  if (!parsed) return 'Invalid event filter';
  if (parsed.orgId !== state.orgId) return 'Organization not accessible to this user';
  if (!state.sites.some((site) => site.id === parsed.departmentId)) return 'Department not found in this organization';
  return undefined;
}

/**
 * The documented callback check before a subscription is saved: a GET to the uri with a
 * `validation-token` header, answered 200 with the same value in a `validation-token` response
 * header. Why the check failed, or undefined when it passed. ASSUMPTION: the platform's answer to
 * a failed check is not documented; the sandbox refuses the subscribe with a 400 naming it.
 */
export async function handshakeFailure(uri: string): Promise<string | undefined> {
  const token = uuid();
  try {
    const response = await fetch(uri, {
      headers: { 'validation-token': token },
      redirect: 'manual',
      signal: AbortSignal.timeout(HANDSHAKE_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (response.status !== 200) return `the callback answered the validation request with HTTP ${response.status}`;
    if (response.headers.get('validation-token') !== token) return 'the callback did not echo the validation-token header';
    return undefined;
  } catch (cause) {
    return `the callback could not be reached (${cause instanceof Error ? cause.message : String(cause)})`;
  }
}

/** The subscription as the API shows it. */
export function subscriptionView(subscription: StoredSubscription, now = Date.now()) {
  const active = subscription.expiresAt > now;
  return {
    id: subscription.id,
    uri: subscription.uri,
    eventFilters: subscription.eventFilters,
    disabledFilters: subscription.disabledFilters,
    expirationTime: new Date(subscription.expiresAt).toISOString(),
    expiresIn: Math.max(0, Math.floor((subscription.expiresAt - now) / 1000)),
    status: active ? 'ACTIVE' : 'EXPIRED',
    createdDateTime: subscription.createdDateTime,
    lastUpdateDateTime: subscription.lastUpdateDateTime,
    orgId: subscription.orgId,
  };
}

/** Creates a subscription, or updates the one with the same uri (ASSUMPTION: "update" is chosen by uri). */
export function saveSubscription(
  state: StratusTextingState,
  input: { uri: string; eventFilters: string[]; expiresAt: number },
): StoredSubscription {
  const now = new Date().toISOString();
  const accepted: string[] = [];
  const disabledFilters: StoredSubscription['disabledFilters'] = [];
  for (const filter of input.eventFilters) {
    const reason = refusal(state, filter);
    if (reason === undefined) accepted.push(filter);
    else disabledFilters.push({ filter, reason, message: `${reason}: ${filter}`, orgId: state.orgId, id: objectId() });
  }
  const existing = [...state.subscriptions.values()].find((subscription) => subscription.uri === input.uri);
  const subscription: StoredSubscription = {
    id: existing?.id ?? objectId(),
    orgId: state.orgId,
    uri: input.uri,
    eventFilters: accepted,
    disabledFilters,
    expiresAt: input.expiresAt,
    createdDateTime: existing?.createdDateTime ?? now,
    lastUpdateDateTime: now,
  };
  state.subscriptions.set(subscription.id, subscription);
  return subscription;
}

/** Sends events to subscribers in the background; `idle()` waits until every POST has settled. */
export class WebhookDelivery {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly state: StratusTextingState) {}

  /** Posts the event to every matching subscription; resolves with those deliveries once they settle. */
  messageEvent(message: StoredMessage): Promise<Delivery[]> {
    const payload = {
      uuid: uuid(),
      timestamp: new Date().toISOString(),
      messageInfo: { messageId: message.id, lastUpdated: message.lastUpdated },
    };
    return this.publish(
      (filter) => filter.kind === 'message' && filter.direction === message.direction && filter.departmentId === message.departmentId,
      payload,
    );
  }

  /**
   * Contacts belong to the organization, so a contact filter of any of its departments matches. The
   * payload is the integration's ASSUMPTION, modelled on the message event: it names the contact
   * and says what happened; a deletion also carries the contact as it last was, since it can no
   * longer be fetched.
   */
  contactEvent(contact: StoredContact, change: 'created' | 'updated' | 'deleted'): Promise<Delivery[]> {
    const named = { contactId: contact.id, mobileNumber: contact.mobileNumber, lastUpdated: contact.lastUpdated };
    const { firstName, lastName, email, company, notes } = contact;
    const payload = {
      uuid: uuid(),
      timestamp: new Date().toISOString(),
      eventType: `CONTACT_${change.toUpperCase()}`,
      contactInfo: change === 'deleted' ? { ...named, firstName, lastName, email, company, notes } : named,
    };
    return this.publish((filter) => filter.kind === 'contact' && filter.orgId === contact.orgId, payload);
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async publish(matches: (filter: EventFilter) => boolean, payload: unknown): Promise<Delivery[]> {
    const now = Date.now();
    const deliveries: Promise<Delivery>[] = [];
    for (const subscription of this.state.subscriptions.values()) {
      if (subscription.expiresAt <= now) continue;
      const wanted = subscription.eventFilters.some((filter) => {
        const parsed = parseFilter(filter);
        return parsed !== undefined && parsed.orgId === this.state.orgId && matches(parsed);
      });
      if (wanted) deliveries.push(this.track(this.post(subscription, payload)));
    }
    return Promise.all(deliveries);
  }

  private track(delivery: Promise<Delivery>): Promise<Delivery> {
    const settled = delivery.then(() => undefined);
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
    return delivery;
  }

  private async post(subscription: StoredSubscription, payload: unknown): Promise<Delivery> {
    const record: Delivery = { subscriptionId: subscription.id, uri: subscription.uri, payload };
    this.state.deliveries.push(record);
    try {
      const response = await fetch(subscription.uri, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      record.status = response.status;
      await response.arrayBuffer();
    } catch (cause) {
      record.error = cause instanceof Error ? cause.message : String(cause);
    }
    return record;
  }
}
