import integration from '../../src/providers/sms-extension/integration';

type Field = { key: string; type?: string };
const fields = (list: unknown) => Object.fromEntries((list as Field[]).map((field) => [field.key, field.type]));

// Zapier offers its date picker for a datetime input, and date formatting for a datetime output.
describe("SMS Extension's SMS times are dates and times", () => {
  it.each([
    ['New SMS', integration.triggers.new_sms.operation.outputFields],
    ['Find SMS', integration.searches.find_sms.operation.outputFields],
  ])('in the output of %s (Sent At)', (_operation, outputFields) => {
    expect(fields(outputFields).sent_at).toBe('datetime');
  });

  it("in Find SMS's Sent Since and Sent Until", () => {
    expect(fields(integration.searches.find_sms.operation.inputFields)).toMatchObject({ sent_since: 'datetime', sent_until: 'datetime' });
  });
});
