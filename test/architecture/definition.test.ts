import { integrationLoaders, providerKeys } from '../../index';

interface Field {
  key: string;
  type?: string;
  label?: string;
  helpText?: string;
  children?: Field[];
}
interface Operation {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { inputFields?: (Field | ((...args: never[]) => unknown))[]; sample?: Record<string, unknown>; outputFields?: Field[] };
}
interface Definition {
  authentication?: { fields?: Field[]; connectionLabel?: unknown; test?: unknown };
  beforeRequest?: unknown[];
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
}

const definitions = providerKeys.map((provider) => [provider, integrationLoaders[provider]() as unknown as Definition] as const);

const operations = definitions.flatMap(([provider, definition]) =>
  (['triggers', 'creates', 'searches'] as const).flatMap((kind) =>
    Object.entries(definition[kind] ?? {}).map(([key, operation]) => [provider, kind, key, operation] as const),
  ),
);

// The key contract: a Zap built on an operation breaks if its key changes or it disappears.
const CONTRACT = {
  stratustexting: {
    triggers: [
      'consent_list',
      'contact_list',
      'country_list',
      'deleted_contact',
      'new_contact',
      'new_inbound_message',
      'new_outbound_message',
      'site_list',
      'updated_contact',
    ],
    creates: [
      'change_consent_status',
      'create_consent',
      'send_mms',
      'send_sms',
      'set_contact_consent',
      'update_consent',
      'update_contact',
      'upsert_contact',
    ],
    searches: ['find_consent', 'find_contact', 'find_message'],
    hidden: ['consent_list', 'contact_list', 'country_list', 'site_list'],
  },
  commpeak: {
    triggers: ['country_list'],
    creates: ['get_message_statuses', 'send_bulk_sms', 'send_sms'],
    searches: ['find_message_status'],
    hidden: ['country_list'],
  },
  'sms-extension': {
    triggers: ['country_list', 'new_sender_id', 'new_sms', 'sender_id_approved'],
    creates: ['add_sender_id', 'click_to_dial', 'masked_click_to_dial', 'send_sms'],
    searches: ['find_sender_id', 'find_sms'],
    hidden: ['country_list'],
  },
};

describe('every integration definition', () => {
  it('covers the three integrations', () => {
    expect(definitions.map(([provider]) => provider).sort()).toEqual(['commpeak', 'sms-extension', 'stratustexting']);
  });

  describe.each(definitions)('%s', (provider, definition) => {
    const contract = CONTRACT[provider];

    it('offers exactly the operations of its key contract', () => {
      expect({
        triggers: Object.keys(definition.triggers ?? {}).sort(),
        creates: Object.keys(definition.creates ?? {}).sort(),
        searches: Object.keys(definition.searches ?? {}).sort(),
      }).toEqual({ triggers: contract.triggers, creates: contract.creates, searches: contract.searches });
    });

    it('hides only the dropdown sources', () => {
      const hidden = operations.filter(([owner, , , operation]) => owner === provider && operation.display.hidden).map(([, , key]) => key);
      expect(hidden.sort()).toEqual(contract.hidden);
    });

    it('tests the connection, labels it, and adds the credentials before every request', () => {
      expect(definition.authentication?.test).toBeDefined();
      expect(definition.authentication?.connectionLabel).toBeDefined();
      expect(definition.beforeRequest).toHaveLength(1);
    });

    it('has a label and help text on every connection field', () => {
      for (const field of definition.authentication?.fields ?? []) {
        expect(field).toEqual(
          expect.objectContaining({ key: field.key, label: expect.stringMatching(/\S/), helpText: expect.stringMatching(/\S/) }),
        );
      }
    });
  });

  describe.each(operations)('%s %s %s', (_provider, _kind, key, operation) => {
    it('is registered under its own key, with a noun, a label and a description', () => {
      expect(operation.key).toBe(key);
      expect(operation.noun).toEqual(expect.stringMatching(/\S/));
      expect(operation.display.label).toEqual(expect.stringMatching(/\S/));
      expect(operation.display.description).toEqual(expect.stringMatching(/\S/));
    });

    // A copy field is only text, so it has no label; Zapier allows no help text on a line-item group,
    // so its fields carry it.
    it('has a label and help text on every input field', () => {
      const plainFields = (operation.operation.inputFields ?? []).filter((field): field is Field => typeof field !== 'function');
      for (const field of plainFields.flatMap((field) => [field, ...(field.children ?? [])])) {
        if (field.type !== 'copy') {
          expect({ key: field.key, label: field.label }).toEqual({ key: field.key, label: expect.stringMatching(/\S/) });
        }
        if (!field.children) {
          expect({ key: field.key, helpText: field.helpText }).toEqual({ key: field.key, helpText: expect.stringMatching(/\S/) });
        }
      }
    });

    it('has a sample, and labelled output fields that cover every key of the sample', () => {
      const sample = operation.operation.sample ?? {};
      const outputFields = operation.operation.outputFields ?? [];
      expect(Object.keys(sample).length).toBeGreaterThan(0);
      for (const field of outputFields) {
        expect({ key: field.key, label: field.label }).toEqual({ key: field.key, label: expect.stringMatching(/\S/) });
      }
      // `items[]` and `items[]name` both describe the sample's `items`.
      const described = outputFields.map((field) => field.key.split('[]')[0]);
      expect(Object.keys(sample).filter((sampleKey) => !described.includes(sampleKey))).toEqual([]);
    });
  });
});
