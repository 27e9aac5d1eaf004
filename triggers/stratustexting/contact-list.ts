import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { listContacts, type Contact } from '../../src/providers/stratustexting/api';
import { contactOutputFields, contactSample } from '../../src/providers/stratustexting/samples';

/** Contacts per dropdown page; Zapier asks for the next page while the user scrolls. */
export const CONTACT_PAGE_SIZE = 100;

/** "Sam Rivera (+19495550111)": what the Contact dropdown shows. */
export function contactDisplayName(contact: Contact): string {
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
  if (name && contact.mobile) return `${name} (${contact.mobile})`;
  return name || contact.mobile || contact.id;
}

/** The organization's contacts, a page at a time: the source of the Contact dropdowns. */
export default defineTrigger({
  key: 'contact_list',
  noun: 'Contact',
  display: {
    label: 'List Contacts',
    description: 'Triggers when a contact is added. Fills the Contact dropdowns.',
    hidden: true,
  },
  operation: {
    canPaginate: true,
    perform: async (z: ZObject, bundle: Bundle) => {
      const { contacts } = await listContacts(z, bundle.meta?.page ?? 0, CONTACT_PAGE_SIZE);
      return contacts.map((contact) => ({ ...contact, display_name: contactDisplayName(contact) }));
    },
    sample: { ...contactSample, display_name: 'Sam Rivera (+19495550111)' },
    outputFields: [...contactOutputFields, { key: 'display_name', label: 'Name and Mobile Number' }],
  },
});
