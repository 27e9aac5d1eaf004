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
  // The key stays `new_contact`: Zaps are built on it.
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers when a contact is added to the organization.',
  },
  operation: {
    type: 'hook',
    inputFields: eventSourceFields,
    ...eventSubscription('contact'),
    // The trigger fires once per contact, for the contact it fetches, not for what the event says
    // about it. An event that does not say what happened counts as an addition: the subscription
    // rule below keeps a change to an older contact from firing.
    perform: async (z: ZObject, bundle: Bundle) => {
      const event = deliveredContactEvent(z, bundle, 'created', true);
      if (event === null) return [];
      const delivered = deliveryMemory(z, bundle);
      if (await delivered.seen(event.contactId)) return startNothing(z, 'this Zap fired for the contact already');
      const contact = await eventRecord(z, () => namedContact(z, event));
      if (contact === 'foreign') return startNothing(z, FOREIGN_CONTACT);
      if (contact === null) return startNothing(z, "the contact is gone, or its number is someone else's now");
      if (beforeSubscription(bundle, contactTimes(contact).added))
        return startNothing(z, "the contact was added before this Zap's subscription");
      if (!(await delivered.remember(contact.id))) return startNothing(z, 'this Zap fired for the contact already');
      return [contact];
    },
    performList: (z: ZObject) => newestContacts(z),
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
