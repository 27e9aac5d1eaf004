import { defineInputFields, errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { pathSegment } from '../../core/base-url';
import { errorCodeOf, messageOf } from '../../core/error-details';
import { optionalText, parseInput, requiredText, type InputShape } from '../../core/input';
import { checkConnection, eventFilter, listSites, subscribe, unsubscribe, type EventKind } from './api';
import { brand, productName } from './brand';
import { subscribedUri, withHandshakeAdvice } from './hook-relay';

// ASSUMPTION: [st-subscription-days] the longest lifetime the platform grants is not documented; 90 days is what working
// third-party code asks for. Zapier subscribes again before the returned expiration_date.
const SUBSCRIPTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

// Zapier deduplicates polled items, not instant-trigger deliveries, and a provider may deliver one
// event more than once: a delivery is remembered, per subscription, for a week.
const DELIVERY_MEMORY_SECONDS = 7 * 24 * 60 * 60;
/** z.cache.set's last argument: store only when the key is absent, answering false when it was not. */
const ONLY_IF_ABSENT = true;
/** z.cache.set's scope argument: unscoped, as the subscription id in the key is unique already. */
const UNSCOPED = undefined;

/**
 * What this Zap's subscription has already fired for. Without Zapier's cache (a local run, or the
 * cache failing) nothing is remembered and every delivery counts: an event is never dropped for
 * want of memory. An item is remembered only once it is complete, so a delivery that failed
 * half-way is not lost when it comes again.
 */
export function deliveryMemory(z: ZObject, bundle: Bundle) {
  const subscription = (bundle.subscribeData as { id?: unknown } | undefined)?.id;
  const keyOf = (itemId: string) =>
    typeof subscription === 'string' && subscription !== '' ? `delivered:${subscription}:${itemId}` : null;
  return {
    async seen(itemId: string): Promise<boolean> {
      const key = keyOf(itemId);
      return key !== null && (await z.cache.get(key).catch(() => null)) !== null;
    },
    /** Remembers the item; false when a delivery racing this one remembered it first. */
    async remember(itemId: string): Promise<boolean> {
      const key = keyOf(itemId);
      if (key === null) return true;
      return (await z.cache.set(key, true, DELIVERY_MEMORY_SECONDS, UNSCOPED, ONLY_IF_ABSENT).catch(() => true)) !== false;
    },
  };
}

/** Logs why a delivery starts nothing, in words (never the body, which may hold anything), and fires nothing. */
export function startNothing(z: ZObject, why: string): [] {
  z.console.log(`${brand().product} event ignored: ${why}.`);
  return [];
}

// Clocks of two machines differ: a record this much older than the subscription still counts.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Whether a record last changed (or an event happened) before this Zap's subscription was made: a
 * Zap fires for what happens while it is on, never for a replayed, forged or misfiled old event (a
 * year-old message, a contact added in 2019). The subscription's `createdDateTime` is documented;
 * where it or the record's time is unknown, the event counts, as it cannot be judged.
 */
export function beforeSubscription(bundle: Bundle, at: number | null): boolean {
  const created = (bundle.subscribeData as { createdDateTime?: unknown } | undefined)?.createdDateTime;
  const since = typeof created === 'string' ? Date.parse(created) : NaN;
  return at !== null && Number.isFinite(since) && at < since - CLOCK_SKEW_MS;
}

/**
 * The record an event names, looked up by `lookup`: null when it is gone, 'foreign' when the API
 * refuses this id (403) while the connection itself works (its test passes): an id of another
 * organization's, which starts nothing. A refusal of the connection itself fails the step as it is.
 * ASSUMPTION: [st-foreign-id] the API answers 403 for a record of another organization.
 */
export async function eventRecord<T>(z: ZObject, lookup: () => Promise<T | null>): Promise<T | null | 'foreign'> {
  try {
    return await lookup();
  } catch (cause) {
    if (errorCodeOf(cause) !== 'forbidden') throw cause;
    // When the connection is refused too, the lookup's own error says so.
    await checkConnection(z).catch(() => {
      throw cause;
    });
    return 'foreign';
  }
}

/** The department (site) whose events a trigger listens to: a dropdown from the Sites API, or typed. */
export const departmentField = {
  key: 'department_id',
  label: 'Department (Site)',
  required: true,
  dynamic: 'site_list.id.name',
  helpText:
    'The department (site) whose events start this Zap. Pick one from the list, or enter its ID if the list is empty or cannot load.',
} as const;

const WHERE_ORGANIZATION_ID_IS = `It is your ${productName()} organization's ID, as the ${productName()} web app shows it; your ${productName()} administrator can tell you.`;

/** Needed only when the sites list cannot be read or does not name the organization. */
export const organizationField = {
  key: 'organization_id',
  label: 'Organization ID',
  required: false,
  helpText: `Leave blank unless this trigger asks for it: needed only when the Department list cannot load or does not say which organization the department belongs to. ${WHERE_ORGANIZATION_ID_IS}`,
} as const;

/** The inputs of every trigger that subscribes to events. */
export const eventSourceFields = defineInputFields([departmentField, organizationField]);

const subscribeInput = schema.object({
  department_id: requiredText('The department'),
  organization_id: optionalText(),
} satisfies InputShape<typeof eventSourceFields>);

const OUTAGES = new Set(['provider_unreachable', 'provider_timeout', 'provider_unavailable']);

/** Errors about the connection or an outage, not about the sites list: Zapier must see them as they are. */
function isConnectionError(cause: unknown): boolean {
  if (!(cause instanceof Error)) return false;
  return ['RefreshAuthError', 'ExpiredAuthError', 'ThrottledError'].includes(cause.name) || OUTAGES.has(errorCodeOf(cause) ?? '');
}

function organizationNeeded(why: string, what = 'Enter the Organization ID'): Error {
  return new errors.Error(
    `${why} ${what} in this trigger's settings and turn the Zap on again. ${WHERE_ORGANIZATION_ID_IS}`,
    'organization_needed',
    400,
  );
}

/**
 * The organization of the event filter: the one typed, else the one the sites list gives for the
 * department. The sites list is an assumed endpoint, so it never stands in the way of a user who
 * typed the organization.
 */
async function organizationOf(z: ZObject, departmentId: string, typed: string | undefined): Promise<string> {
  if (typed !== undefined) return typed;
  const product = brand().product;
  const sites = await listSites(z).catch((cause: unknown) => {
    if (isConnectionError(cause)) throw cause;
    throw organizationNeeded(
      `${product}'s list of departments could not be read (${messageOf(cause)}), so it cannot say which organization department "${departmentId}" belongs to.`,
    );
  });
  const site = sites.find((candidate) => candidate.id === departmentId);
  if (!site) {
    throw organizationNeeded(
      `Department "${departmentId}" is not in ${product}'s list of this account's departments.`,
      'Pick it from the list or, if the ID you typed is right, enter the Organization ID',
    );
  }
  if (!site.org_id) throw organizationNeeded(`${product} did not say which organization department "${site.name}" belongs to.`);
  return site.org_id;
}

/** performSubscribe and performUnsubscribe for one kind of event. */
export function eventSubscription(kind: EventKind) {
  const performSubscribe = async (z: ZObject, bundle: Bundle) => {
    const input = parseInput(subscribeInput, bundle.inputData, eventSourceFields);
    const departmentId = input.department_id;
    // Both ids become segments of the event filter's path.
    pathSegment(departmentId, departmentField.label);
    if (input.organization_id !== undefined) pathSegment(input.organization_id, organizationField.label);
    const filter = eventFilter(kind, await organizationOf(z, departmentId, input.organization_id), departmentId);
    const expiresAt = new Date(Date.now() + SUBSCRIPTION_DAYS * DAY_MS);
    const uri = subscribedUri(String(bundle.targetUrl));
    const subscription = await subscribe(z, { uri, filter, expiresAt }).catch((cause: unknown) => {
      throw withHandshakeAdvice(cause);
    });
    const refused = subscription.disabledFilters.map((disabled) => disabled.reason ?? disabled.message ?? 'no reason given');
    if (refused.length > 0 || !subscription.eventFilters.includes(filter)) {
      const leftBehind = await unsubscribe(z, subscription.id).then(
        () => '',
        (cause: unknown) =>
          ` Its subscription ${subscription.id} could not be deleted (${messageOf(cause)}): delete it in ${brand().product}.`,
      );
      throw new errors.Error(
        `${brand().product} refused to send these events (${refused.join('; ') || 'the event filter was not accepted'}). Check that the connected user belongs to that department and may use webhooks, then turn the Zap on again.${leftBehind}`,
        'subscription_refused',
        400,
      );
    }
    return { ...subscription, expiration_date: subscription.expirationTime ?? expiresAt.toISOString() };
  };

  const performUnsubscribe = async (z: ZObject, bundle: Bundle) => {
    const stored = schema.object({ id: schema.string().min(1) }).safeParse(bundle.subscribeData);
    // A Zap whose subscribe never completed has nothing to remove.
    if (!stored.success) return { id: null, removed: false };
    await unsubscribe(z, stored.data.id);
    return { id: stored.data.id, removed: true };
  };

  return { performSubscribe, performUnsubscribe };
}
