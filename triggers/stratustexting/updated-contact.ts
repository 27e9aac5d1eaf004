import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactTimes } from '../../src/providers/stratustexting/api';
import { deliveredContactEvent, FOREIGN_CONTACT, namedContact, newestContacts } from '../../src/providers/stratustexting/contact-events';
import {
  beforeSubscription,
  deliveryMemory,
  eventRecord,
  eventSourceFields,
  eventSubscription,
  startNothing,
} from '../../src/providers/stratustexting/event-hooks';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

export default defineTrigger({
  key: 'updated_contact',
  noun: 'Contact',
  display: {
    label: 'Updated Contact',
    description: "Triggers when a contact of the organization is changed, with the contact's details as they are now.",
  },
  operation: {
    type: 'hook',
    inputFields: eventSourceFields,
    ...eventSubscription('contact'),
    // The trigger fires for the contact as it fetches it, once per version (its last change): a
    // repeat of the same event fires once, a second change fires again.
    perform: async (z: ZObject, bundle: Bundle) => {
      const event = deliveredContactEvent(z, bundle, 'updated');
      if (event === null) return [];
      const contact = await eventRecord(z, () => namedContact(z, event));
      if (contact === 'foreign') return startNothing(z, FOREIGN_CONTACT);
      if (contact === null) return startNothing(z, "the contact is gone, or its number is someone else's now");
      const { changed } = contactTimes(contact);
      if (beforeSubscription(bundle, changed)) return startNothing(z, "the contact last changed before this Zap's subscription");
      // Without the record's time of change, the event's own id tells a repeat; without either, every delivery fires.
      const version = changed ?? event.uuid;
      if (version === null) return [contact];
      const delivered = deliveryMemory(z, bundle);
      const key = `${contact.id}@${version}`;
      if ((await delivered.seen(key)) || !(await delivered.remember(key))) return startNothing(z, 'this Zap fired for this change already');
      return [contact];
    },
    performList: (z: ZObject) => newestContacts(z),
    sample: { ...contactSample, notes: 'Prefers texts after 5pm. Moved to the Irvine office.' },
    outputFields: contactOutputFields,
  },
});
