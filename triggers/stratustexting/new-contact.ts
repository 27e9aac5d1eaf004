import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactFromEvent, findContactByMobile, listContacts } from '../../src/providers/stratustexting/api';
import { deliveryMemory, eventSourceFields, eventSubscription } from '../../src/providers/stratustexting/event-hooks';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

const SAMPLE_PAGE_SIZE = 3;

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers instantly when a contact is added in the chosen department.',
  },
  operation: {
    type: 'hook',
    inputFields: eventSourceFields,
    ...eventSubscription('contact'),
    perform: async (z: ZObject, bundle: Bundle) => {
      const contact = contactFromEvent(bundle.cleanedRequest);
      const delivered = deliveryMemory(z, bundle);
      if (contact === null || (await delivered.seen(contact.id))) return [];
      // An event that names the contact without its details is completed from the contact list.
      const complete = contact.first_name === null && contact.mobile ? await findContactByMobile(z, contact.mobile) : null;
      return (await delivered.remember(contact.id)) ? [complete ?? contact] : [];
    },
    performList: async (z: ZObject) => (await listContacts(z, 0, SAMPLE_PAGE_SIZE)).contacts,
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
