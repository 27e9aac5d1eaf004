import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactEvent, findContactByMobile, getContact, listContacts, type Contact, type ContactChange, type ContactEvent } from './api';
import { eventRecord, eventSourceFields, eventSubscription, startNothing } from './event-hooks';

/** What the contact triggers log for an id the API refuses to this connection. */
export const FOREIGN_CONTACT = 'the API refuses this contact id to the connection';

/** How many of the newest contacts the editor offers as samples. */
const SAMPLE_PAGE_SIZE = 3;

/**
 * The contact event delivered to a trigger that fires for `wanted` changes, or null (logged) for
 * anything else. `unsaid` is whether an event that does not say what happened counts.
 */
export function deliveredContactEvent(z: ZObject, bundle: Bundle, wanted: ContactChange, unsaid = false): ContactEvent | null {
  const event = contactEvent(bundle.cleanedRequest);
  if (!('ignored' in event) && (event.change === wanted || (event.change === null && unsaid))) return event;
  if ('ignored' in event) startNothing(z, event.ignored);
  else if (event.change === null) startNothing(z, `the event does not say the contact was ${wanted}`);
  else startNothing(z, `the contact was ${event.change}, not ${wanted}`);
  return null;
}

/**
 * The contact the event names, as the API has it now: found by the mobile number the event gives
 * (a documented lookup), else by its id. Null (logged) when it is gone, the number is someone
 * else's now, or the id is another organization's.
 */
export async function currentContact(z: ZObject, event: ContactEvent): Promise<Contact | null> {
  const contact = await eventRecord(z, async () => {
    const found = event.mobile === null ? await getContact(z, event.contactId) : await findContactByMobile(z, event.mobile);
    return found?.id === event.contactId ? found : null;
  });
  if (contact === 'foreign') startNothing(z, FOREIGN_CONTACT);
  else if (contact === null) startNothing(z, "the contact is gone, or its number is someone else's now");
  return contact === 'foreign' ? null : contact;
}

/** The organization's newest contacts, for the editor's samples. */
export async function newestContacts(z: ZObject): Promise<Contact[]> {
  return (await listContacts(z, 0, SAMPLE_PAGE_SIZE)).contacts;
}

/** An instant trigger on the organization's contact events: the parts that differ from one to the next. */
interface ContactTrigger<Item extends Record<string, unknown>> {
  key: string;
  label: string;
  description: string;
  perform: (z: ZObject, bundle: Bundle) => Promise<Item[]>;
  performList: (z: ZObject) => Promise<Item[]>;
  sample: Item;
  outputFields: { key: string; label: string; type?: 'datetime' }[];
}

export function contactTrigger<Item extends Record<string, unknown>>(trigger: ContactTrigger<Item>) {
  const { key, label, description, ...operation } = trigger;
  return defineTrigger({
    key,
    noun: 'Contact',
    display: { label, description },
    operation: { type: 'hook', inputFields: eventSourceFields, ...eventSubscription('contact'), ...operation },
  });
}
