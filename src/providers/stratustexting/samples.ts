/** Samples and output labels shared by the operations that return messages or contacts. */
export const messageSample = {
  id: '6650f1c2a4b7e93d1c2f8a10',
  from: '+19495550111',
  to: ['+19495550100'],
  text: 'Hi, is my order ready?',
  direction: 'inbound',
  status: 'RECEIVED',
  last_updated: '2025-06-10T18:10:00.000Z',
};

/** A message the department sent: a reply to the inbound sample. */
export const outboundMessageSample = {
  id: '6650f27da4b7e93d1c2f8a4c',
  from: '+19495550100',
  to: ['+19495550111'],
  text: 'Yes! Your order is ready for pickup until 6pm today.',
  direction: 'outbound',
  status: 'SENT',
  last_updated: '2025-06-10T18:12:30.000Z',
};

export const messageOutputFields = [
  { key: 'id', label: 'Message ID' },
  { key: 'from', label: 'From Number' },
  { key: 'to[]', label: 'To Numbers' },
  { key: 'text', label: 'Message Text' },
  { key: 'direction', label: 'Direction' },
  { key: 'status', label: 'Status' },
  { key: 'last_updated', label: 'Last Updated', type: 'datetime' as const },
];

export const contactSample = {
  id: '6650f3e9a4b7e93d1c2f8b22',
  first_name: 'Sam',
  last_name: 'Rivera',
  mobile: '+19495550111',
  email: 'sam.rivera@example.com',
  company: 'Rivera Landscaping',
  notes: 'Prefers texts after 5pm.',
};

export const contactOutputFields = [
  { key: 'id', label: 'Contact ID' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'mobile', label: 'Mobile Number' },
  { key: 'email', label: 'Email' },
  { key: 'company', label: 'Company' },
  { key: 'notes', label: 'Notes' },
];

export const consentSample = {
  id: '6890b1408f412234d99c8e13',
  name: 'Appointment reminders',
  description: 'Texts about upcoming appointments.',
  active: true,
};

export const consentOutputFields = [
  { key: 'id', label: 'Consent ID' },
  { key: 'name', label: 'Name' },
  { key: 'description', label: 'Description' },
  { key: 'active', label: 'Active', type: 'boolean' as const },
];
