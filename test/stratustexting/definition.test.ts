import { integration } from './support';

interface Field {
  key: string;
  label?: string;
  helpText?: string;
}
interface Operation {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { inputFields?: Field[]; sample?: Record<string, unknown>; outputFields?: Field[] };
}

const operations = [
  ...Object.values(integration.triggers ?? {}).map((trigger) => ['trigger', trigger] as const),
  ...Object.values(integration.creates ?? {}).map((create) => ['create', create] as const),
  ...Object.values(integration.searches ?? {}).map((search) => ['search', search] as const),
].map(([kind, operation]) => [kind, (operation as unknown as Operation).key, operation as unknown as Operation] as const);

describe('the StratusTexting integration definition', () => {
  it('offers exactly the operations of the key contract', () => {
    expect(Object.keys(integration.triggers ?? {}).sort()).toEqual([
      'consent_list',
      'contact_list',
      'new_contact',
      'new_inbound_message',
      'new_outbound_message',
      'site_list',
    ]);
    expect(Object.keys(integration.creates ?? {}).sort()).toEqual([
      'change_consent_status',
      'create_consent',
      'send_mms',
      'send_sms',
      'set_contact_consent',
      'update_consent',
      'update_contact',
      'upsert_contact',
    ]);
    expect(Object.keys(integration.searches ?? {}).sort()).toEqual(['find_contact', 'find_message']);
  });

  it('pairs Find Contact with Create or Update Contact as a search-or-create', () => {
    expect(integration.searchOrCreates).toEqual({
      find_contact: expect.objectContaining({ key: 'find_contact', search: 'find_contact', create: 'upsert_contact' }),
    });
  });

  it('takes from, to and text in send_sms, and mobile in find_contact and upsert_contact', () => {
    const keys = (operation: Operation) => (operation.operation.inputFields ?? []).map((field) => field.key);
    expect(keys(integration.creates!.send_sms as unknown as Operation)).toEqual(expect.arrayContaining(['from', 'to', 'text']));
    expect(keys(integration.searches!.find_contact as unknown as Operation)).toContain('mobile');
    expect(keys(integration.creates!.upsert_contact as unknown as Operation)).toContain('mobile');
  });

  it('adds the credentials before every request', () => {
    expect(integration.beforeRequest).toHaveLength(1);
  });

  describe.each(operations)('%s %s', (_kind, key, operation) => {
    it('is registered under its own key, with a noun, a label and a description', () => {
      expect(operation.key).toBe(key);
      expect(operation.noun).toEqual(expect.stringMatching(/\S/));
      expect(operation.display.label).toEqual(expect.stringMatching(/\S/));
      expect(operation.display.description).toEqual(expect.stringMatching(/\S/));
    });

    it('has a label and help text on every input field', () => {
      for (const field of operation.operation.inputFields ?? []) {
        expect({ key: field.key, label: field.label }).toEqual({ key: field.key, label: expect.stringMatching(/\S/) });
        expect({ key: field.key, helpText: field.helpText }).toEqual({ key: field.key, helpText: expect.stringMatching(/\S/) });
      }
    });

    it('has a sample, and labelled output fields that cover every key of the sample', () => {
      const sample = operation.operation.sample ?? {};
      const outputFields = operation.operation.outputFields ?? [];
      expect(Object.keys(sample).length).toBeGreaterThan(0);
      for (const field of outputFields) {
        expect({ key: field.key, label: field.label }).toEqual({ key: field.key, label: expect.stringMatching(/\S/) });
      }
      const described = outputFields.map((field) => field.key.replace(/\[\]$/, ''));
      expect(Object.keys(sample).filter((sampleKey) => !described.includes(sampleKey))).toEqual([]);
    });
  });

  it('hides only the dropdown sources', () => {
    const hidden = operations.filter(([, , operation]) => operation.display.hidden).map(([, key]) => key);
    expect(hidden.sort()).toEqual(['consent_list', 'contact_list', 'site_list']);
  });
});
