import type { Bundle, ZObject } from 'zapier-platform-core';
import { contactTimes } from '../../src/providers/stratustexting/api';
import { contactTrigger, currentContact, deliveredContactEvent, newestContacts } from '../../src/providers/stratustexting/contact-events';
import { beforeSubscription, deliveryMemory, startNothing } from '../../src/providers/stratustexting/event-hooks';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

export default contactTrigger({
  // The key stays `new_contact`: Zaps are built on it.
  key: 'new_contact',
  label: 'New Contact',
  description: 'Triggers when a contact is added to the organization.',
  // The trigger fires once per contact, for the contact it fetches, not for what the event says
  // about it. An event that does not say what happened counts as an addition: the age limit keeps
  // a change to an older contact from firing.
  perform: async (z: ZObject, bundle: Bundle) => {
    const event = deliveredContactEvent(z, bundle, 'created', true);
    if (event === null) return [];
    const delivered = deliveryMemory(z, bundle);
    if (await delivered.seen(event.contactId)) return startNothing(z, 'this Zap fired for the contact already');
    const contact = await currentContact(z, event);
    if (contact === null) return [];
    if (beforeSubscription(bundle, contactTimes(contact).added))
      return startNothing(z, "the contact was added before this Zap's subscription");
    if (!(await delivered.remember(contact.id))) return startNothing(z, 'this Zap fired for the contact already');
    return [contact];
  },
  performList: (z: ZObject) => newestContacts(z),
  sample: contactSample,
  outputFields: contactOutputFields,
});
