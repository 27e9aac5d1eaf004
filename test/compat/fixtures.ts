import type { Definition, Field } from '../../tools/check-zapier/definition';

/** A small released definition, and one bad change of it for each breaking rule of check:compat. */
export const RELEASED: Definition = {
  authentication: {
    type: 'custom',
    fields: [
      { key: 'api_key', label: 'API Key', type: 'password', required: true },
      { key: 'region', label: 'Region', required: false },
    ],
  },
  triggers: {
    new_sms: {
      key: 'new_sms',
      display: { label: 'New SMS' },
      operation: {
        type: 'polling',
        inputFields: [{ key: 'sender', label: 'Sender', required: false }],
        outputFields: [{ key: 'id' }, { key: 'text' }],
        sample: { id: 'msg-1001', text: 'Your table is ready' },
      },
    },
  },
  creates: {
    send_sms: {
      key: 'send_sms',
      display: { label: 'Send SMS' },
      operation: {
        inputFields: [
          { key: 'to', label: 'To', required: true, list: true },
          { key: 'text', label: 'Message', type: 'text', required: true },
          { key: 'sender_id', label: 'Sender ID', required: false, dynamic: 'sender_list.id.name' },
          { key: 'max_segments', label: 'Max Segments', type: 'integer', required: false },
        ],
        outputFields: [{ key: 'id' }, { key: 'status' }],
        sample: { id: 'sms-2001', status: 'accepted' },
      },
    },
    add_sender_id: {
      key: 'add_sender_id',
      display: { label: 'Add Sender ID' },
      operation: { inputFields: [{ key: 'name', label: 'Name', required: true }], outputFields: [{ key: 'id' }], sample: { id: 'ACME' } },
    },
  },
  searches: {
    find_sender_id: {
      key: 'find_sender_id',
      display: { label: 'Find Sender ID' },
      operation: { inputFields: [{ key: 'name', label: 'Name', required: true }], outputFields: [{ key: 'id' }], sample: { id: 'ACME' } },
    },
  },
  searchOrCreates: { find_sender_id: { key: 'find_sender_id', search: 'find_sender_id', create: 'add_sender_id' } },
};

/** A copy of RELEASED with one change made to it. */
export function changed(change: (definition: Definition & Required<Omit<Definition, 'authentication'>>) => void): Definition {
  const copy = structuredClone(RELEASED) as Definition & Required<Omit<Definition, 'authentication'>>;
  change(copy);
  return copy;
}

export const fieldsOf = (definition: Definition, group: 'triggers' | 'creates' | 'searches', key: string): Field[] =>
  definition[group]?.[key]?.operation?.inputFields as Field[];

/** A CHANGELOG with the demo app's section (released 1.0.0, with unreleased lines) and another app's after it. */
export const CHANGELOG = [
  '# Changelog',
  '',
  '## Demo (`apps/demo`)',
  '',
  '### Unreleased',
  '',
  '- New trigger New Sender ID.',
  '',
  '### 1.0.0 (2026-11-26)',
  '',
  '## Other (`apps/other`)',
  '',
  '### Unreleased',
  '',
].join('\n');
