import { creates, integration, searches } from './support';

// The checks every integration shares (keys, labels, help text, samples) are in test/architecture/definition.test.ts.
const inputKeys = (operation: (typeof creates)[string]) => (operation.operation.inputFields ?? []).map((field) => field.key);

describe('the StratusTexting integration definition', () => {
  it('pairs Find Contact with Create or Update Contact, and Find Custom Consent with Create Custom Consent, as search-or-creates', () => {
    expect(integration.searchOrCreates).toEqual({
      find_contact: expect.objectContaining({ key: 'find_contact', search: 'find_contact', create: 'upsert_contact' }),
      find_consent: expect.objectContaining({ key: 'find_consent', search: 'find_consent', create: 'create_consent' }),
    });
  });

  it('takes from, to and text in send_sms, and mobile in find_contact and upsert_contact', () => {
    expect(inputKeys(creates.send_sms)).toEqual(expect.arrayContaining(['from', 'to', 'text']));
    expect(inputKeys(searches.find_contact)).toContain('mobile');
    expect(inputKeys(creates.upsert_contact)).toContain('mobile');
  });

  it("says the brand's product name, never StratusTexting, in a deployment for another brand", () => {
    process.env.STRATUSTEXTING_PRODUCT = 'Acme Texting';
    try {
      jest.isolateModules(() => {
        const rebranded = JSON.stringify(jest.requireActual('../../src/providers/stratustexting/integration').default);
        expect(rebranded).not.toContain('StratusTexting');
        expect(rebranded).toContain('One of your Acme Texting numbers');
        expect(rebranded).toContain("It is your Acme Texting organization's ID");
      });
    } finally {
      delete process.env.STRATUSTEXTING_PRODUCT;
    }
  });
});
