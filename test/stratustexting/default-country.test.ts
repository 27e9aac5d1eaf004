import { creates, searches } from './support';

type Operation = (typeof creates)[string];

type Field = { key: string; label?: string; dynamic?: string };

const defaultCountryOf = (operation: Operation | undefined) =>
  (operation?.operation.inputFields as Field[] | undefined)?.find((field) => field.key === 'default_country');

describe('Default Country on every operation that reads a phone number', () => {
  const sendSms = defaultCountryOf(creates.send_sms);

  it("is Send SMS's dropdown of countries, filled by List Countries", () => {
    expect(sendSms?.dynamic).toBe('country_list.id.name');
  });

  it.each([
    ['Send MMS', creates.send_mms],
    ['Create or Update Contact', creates.upsert_contact],
    ['Update Contact', creates.update_contact],
    ['Add or Remove Contact Consent', creates.set_contact_consent],
    ['Find Contact', searches.find_contact],
  ])('%s offers the same dropdown under the same key', (_name, operation) => {
    const field = defaultCountryOf(operation);
    expect(field?.label).toBe('Default Country');
    expect(field?.dynamic).toBe(sendSms?.dynamic);
  });
});
