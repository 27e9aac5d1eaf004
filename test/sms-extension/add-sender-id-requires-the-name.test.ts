import integration from '../../src/providers/sms-extension/integration';

// Zapier will not run a step whose required field is blank: the editor asks for the name first.
it("Add Sender ID's Sender ID is a required field", () => {
  const fields = integration.creates.add_sender_id.operation.inputFields as { key: string; required?: boolean }[];
  expect(fields.find((field) => field.key === 'sender_id')?.required).toBe(true);
});
