import { errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { getContact } from '../../src/providers/stratustexting/api';
import { brand } from '../../src/providers/stratustexting/brand';
import { contactTrigger, deliveredContactEvent, FOREIGN_CONTACT } from '../../src/providers/stratustexting/contact-events';
import { beforeSubscription, deliveryMemory, eventRecord, startNothing } from '../../src/providers/stratustexting/event-hooks';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

export default contactTrigger({
  key: 'deleted_contact',
  label: 'Deleted Contact',
  description: 'Triggers when a contact is deleted from the organization, with the details the deletion event gives.',
  // A deleted contact cannot be fetched: the trigger fires once it has checked that the contact
  // is gone (its lookup answers 404), and outputs what the event says the contact was.
  perform: async (z: ZObject, bundle: Bundle) => {
    const event = deliveredContactEvent(z, bundle, 'deleted');
    if (event === null) return [];
    if (beforeSubscription(bundle, event.at)) return startNothing(z, "the deletion happened before this Zap's subscription");
    const delivered = deliveryMemory(z, bundle);
    if (await delivered.seen(event.contactId)) return startNothing(z, 'this Zap fired for the deletion already');
    const found = await eventRecord(z, () => getContact(z, event.contactId));
    if (found === 'foreign') return startNothing(z, FOREIGN_CONTACT);
    if (found !== null) return startNothing(z, 'the contact is still there');
    if (!(await delivered.remember(event.contactId))) return startNothing(z, 'this Zap fired for the deletion already');
    return [{ ...event.described, deleted_at: event.at === null ? null : new Date(event.at).toISOString() }];
  },
  // No list of deleted contacts is documented, so the editor cannot load a real one.
  performList: () => {
    const { product } = brand();
    throw new errors.Error(
      `${product} offers no way to list deleted contacts. Delete a contact in ${product} to see a real one, or continue with the sample.`,
      'no_sample_source',
      404,
    );
  },
  sample: { ...contactSample, deleted_at: '2025-06-11T09:30:00.000Z' },
  outputFields: [...contactOutputFields, { key: 'deleted_at', label: 'Deleted At', type: 'datetime' }],
});
