import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import {
  contactEvent,
  findContactByMobile,
  getContact,
  listContacts,
  type Contact,
  type ContactEvent,
} from '../../src/providers/stratustexting/api';
import { deliveryMemory, eventSourceFields, eventSubscription } from '../../src/providers/stratustexting/event-hooks';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

const SAMPLE_PAGE_SIZE = 3;

/**
 * The contact the event names, as the API has it now: found by the mobile number the event gives
 * (a documented lookup), else by its id. Null when it is gone or the number is someone else's now.
 */
async function namedContact(z: ZObject, event: ContactEvent): Promise<Contact | null> {
  const found = event.mobile === null ? await getContact(z, event.contactId) : await findContactByMobile(z, event.mobile);
  return found?.id === event.contactId ? found : null;
}

export default defineTrigger({
  // The key stays `new_contact`: Zaps are built on it.
  key: 'new_contact',
  noun: 'Contact',
  display: {
    // StratusTexting does not document whether its contact events tell an addition from a change:
    // an event that does not say starts the Zap too, so the label promises no more than that.
    label: 'New or Updated Contact',
    description: 'Triggers when a contact is added to the organization, or changed when the event does not say which.',
  },
  operation: {
    type: 'hook',
    inputFields: eventSourceFields,
    ...eventSubscription('contact'),
    // The trigger fires for the contact it fetches, not for what the event says about it. Deletes
    // and changes that say so start nothing; an event that does not say is kept once per version of
    // the contact (its last update), so a repeat of the same event fires once.
    perform: async (z: ZObject, bundle: Bundle) => {
      const event = contactEvent(bundle.cleanedRequest);
      if (event === null || (event.change !== null && event.change !== 'created')) return [];
      const contact = await namedContact(z, event);
      if (contact === null) return [];
      const version = event.change === 'created' ? contact.id : `${contact.id}@${String(contact.lastUpdated ?? '')}`;
      const delivered = deliveryMemory(z, bundle);
      if (await delivered.seen(version)) return [];
      return (await delivered.remember(version)) ? [contact] : [];
    },
    performList: async (z: ZObject) => (await listContacts(z, 0, SAMPLE_PAGE_SIZE)).contacts,
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
