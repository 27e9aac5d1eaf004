import type { Bundle, ZObject } from 'zapier-platform-core';
import { contactTimes } from '../../src/providers/stratustexting/api';
import { contactTrigger, currentContact, deliveredContactEvent, newestContacts } from '../../src/providers/stratustexting/contact-events';
import { beforeSubscription, deliveryMemory, startNothing } from '../../src/providers/stratustexting/event-hooks';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

export default contactTrigger({
  key: 'updated_contact',
  label: 'Updated Contact',
  description: "Triggers when a contact of the organization is changed, with the contact's details as they are now.",
  // The trigger fires for the contact as it fetches it, once per version (its last change): a
  // repeat of the same event fires once, a second change fires again.
  perform: async (z: ZObject, bundle: Bundle) => {
    const event = deliveredContactEvent(z, bundle, 'updated');
    if (event === null) return [];
    const contact = await currentContact(z, event);
    if (contact === null) return [];
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
});
