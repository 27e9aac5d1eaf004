import { integrationLoaders, providerKeys } from '../../index';

interface Field {
  key: string;
  required?: boolean;
  children?: Field[];
}

/**
 * What a user must fill in, per operation: a field turned optional (or required) by mistake fails
 * here. A new operation needs its row (the keys of its required fields) before this test passes.
 */
const REQUIRED: Record<string, Record<string, string[]>> = {
  stratustexting: {
    authentication: [],
    'triggers.new_inbound_message': ['department_id'],
    'triggers.new_outbound_message': ['department_id'],
    'triggers.new_contact': ['department_id'],
    'triggers.updated_contact': ['department_id'],
    'triggers.deleted_contact': ['department_id'],
    'triggers.site_list': [],
    'triggers.consent_list': [],
    'triggers.contact_list': [],
    'triggers.country_list': [],
    'creates.send_sms': ['from', 'to', 'text'],
    'creates.send_mms': ['from', 'to', 'media'],
    'creates.upsert_contact': ['mobile'],
    // Addressed by contact id or by mobile number: either will do, so neither is required alone.
    'creates.update_contact': [],
    'creates.create_consent': ['name'],
    'creates.update_consent': ['consent_id'],
    'creates.change_consent_status': ['consent_id', 'status'],
    'creates.set_contact_consent': ['mobile', 'consent_id', 'action'],
    'searches.find_contact': ['mobile'],
    'searches.find_message': ['message_id'],
    // By consent ID or by name: either will do.
    'searches.find_consent': [],
  },
  commpeak: {
    authentication: ['api_key'],
    'triggers.country_list': [],
    'creates.send_sms': ['from', 'to', 'text'],
    // Recipients come as a list or as line items: either will do.
    'creates.send_bulk_sms': ['from'],
    'creates.get_message_statuses': ['message_uuids'],
    'searches.find_message_status': ['message_uuid'],
  },
  'sms-extension': {
    authentication: ['base_url', 'client_id', 'client_secret', 'username', 'password'],
    'triggers.new_sms': [],
    'triggers.new_sender_id': [],
    'triggers.sender_id_approved': [],
    'triggers.country_list': [],
    'creates.send_sms': ['from', 'to', 'text'],
    'creates.add_sender_id': ['sender_id'],
    'creates.click_to_dial': ['destination'],
    'creates.masked_click_to_dial': ['source', 'destination'],
    // Each filter is optional on its own; the step asks for one of them when it runs (an SMS id, a sender or a receiver).
    'searches.find_sms': [],
    'searches.find_sender_id': ['sender_id'],
  },
};

function requiredKeys(fields: unknown): string[] {
  if (!Array.isArray(fields)) return [];
  return (fields as Field[]).flatMap((field) => [
    ...(field.required ? [field.key] : []),
    ...(field.children ?? []).filter((child) => child.required).map((child) => `${field.key}.${child.key}`),
  ]);
}

describe.each(providerKeys)('the fields %s requires', (provider) => {
  const app = integrationLoaders[provider]() as unknown as Record<string, Record<string, { operation: { inputFields?: unknown } }>> & {
    authentication: { fields?: unknown };
  };
  const operations = ['triggers', 'creates', 'searches'].flatMap((kind) =>
    Object.entries(app[kind] ?? {}).map(([key, operation]) => [`${kind}.${key}`, operation.operation.inputFields] as const),
  );

  it('lists every operation of the integration', () => {
    expect(['authentication', ...operations.map(([name]) => name)].sort()).toEqual(Object.keys(REQUIRED[provider] ?? {}).sort());
  });

  it('requires exactly the connection fields a user must enter', () => {
    expect(requiredKeys(app.authentication.fields)).toEqual(REQUIRED[provider]?.authentication);
  });

  it.each(operations)('%s requires exactly its listed fields', (name, fields) => {
    expect(requiredKeys(fields)).toEqual(REQUIRED[provider]?.[name]);
  });
});
