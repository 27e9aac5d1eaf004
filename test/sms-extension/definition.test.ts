import { integration } from './support';

// The checks every integration shares (keys, labels, help text, samples) are in test/architecture/definition.test.ts.
const fieldKeys = (fields: unknown[] | undefined, required = false) =>
  (fields ?? []).flatMap((field) =>
    typeof field === 'object' && field !== null && 'key' in field && (!required || ('required' in field && field.required))
      ? [field.key]
      : [],
  );

describe('the SMS Extension integration definition', () => {
  it('pairs Find Sender ID with Add Sender ID as "Find or Add Sender ID"', () => {
    expect(integration.searchOrCreates).toEqual({
      find_sender_id: {
        key: 'find_sender_id',
        display: { label: 'Find or Add Sender ID', description: expect.stringMatching(/\S/) },
        search: 'find_sender_id',
        create: 'add_sender_id',
      },
    });
  });

  // Zapier fills the create's fields from the search's fields of the same key.
  it('lets the search pass the sender id to the create under the same field key', () => {
    expect(fieldKeys(integration.searches.find_sender_id.operation.inputFields)).toEqual(['sender_id']);
    expect(fieldKeys(integration.creates.add_sender_id.operation.inputFields, true)).toEqual(['sender_id']);
  });

  it("makes Send SMS's Sender ID dropdown search-powered by Find Sender ID", () => {
    const from = integration.creates.send_sms.operation.inputFields?.find((field) => 'key' in field && field.key === 'from');
    expect(from).toMatchObject({ dynamic: 'new_sender_id.sender_id.sender_id', search: 'find_sender_id.sender_id' });
  });
});
