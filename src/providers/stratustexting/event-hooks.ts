import { errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { messageOf } from '../../core/error-details';
import { parseInput, requiredText } from '../../core/input';
import { eventFilter, listSites, subscribe, unsubscribe, type EventKind } from './api';
import { brand } from './brand';

// ASSUMPTION: the longest lifetime the platform grants is not documented; 90 days is what working
// third-party code asks for. Zapier subscribes again before the returned expiration_date.
const SUBSCRIPTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

// Zapier deduplicates polled items, not instant-trigger deliveries, and a provider may deliver one
// event more than once: a delivery is remembered, per subscription, for a week.
const DELIVERY_MEMORY_SECONDS = 7 * 24 * 60 * 60;

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
      const [scope, onlyIfAbsent] = [undefined, true]; // z.cache.set's `scope` and `nx` arguments
      return (await z.cache.set(key, true, DELIVERY_MEMORY_SECONDS, scope, onlyIfAbsent).catch(() => true)) !== false;
    },
  };
}

/** The department (site) whose events a trigger listens to: a dropdown from the Sites API. */
export const departmentField = {
  key: 'department_id',
  label: 'Department (Site)',
  required: true,
  dynamic: 'site_list.id.name',
  helpText: 'The department (site) whose events start this Zap. Pick one from the list, or enter its ID.',
} as const;

const subscribeInput = schema.object({ department_id: requiredText('The department') });

async function organizationOf(z: ZObject, departmentId: string): Promise<string> {
  const site = (await listSites(z)).find((candidate) => candidate.id === departmentId);
  if (!site) {
    throw new errors.Error(
      `Department "${departmentId}" is not one of this account's sites. Pick the department from the list.`,
      'invalid_input',
      400,
    );
  }
  if (!site.org_id) {
    throw new errors.Error(
      `${brand().product} did not say which organization department "${site.name}" belongs to, so events cannot be subscribed to.`,
      'unexpected_response',
      502,
    );
  }
  return site.org_id;
}

/** performSubscribe and performUnsubscribe for one kind of event. */
export function eventSubscription(kind: EventKind) {
  const performSubscribe = async (z: ZObject, bundle: Bundle) => {
    const { department_id: departmentId } = parseInput(subscribeInput, bundle.inputData, [departmentField]);
    const filter = eventFilter(kind, await organizationOf(z, departmentId), departmentId);
    const expiresAt = new Date(Date.now() + SUBSCRIPTION_DAYS * DAY_MS);
    const subscription = await subscribe(z, { uri: String(bundle.targetUrl), filter, expiresAt });
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
