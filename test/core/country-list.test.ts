import { integrationLoaders, providerKeys } from '../../index';
import { runner } from '../support/run';

interface Field {
  key: string;
  dynamic?: string;
  choices?: unknown;
}
interface Operation {
  display: { hidden?: boolean };
  operation: { inputFields?: (Field | ((...args: never[]) => unknown))[] };
}
type Definition = Record<'triggers' | 'creates' | 'searches', Record<string, Operation> | undefined>;

const integrations = providerKeys.map((provider) => [provider, integrationLoaders[provider]() as unknown as Definition] as const);

const defaultCountryFields = (definition: Definition) =>
  (['triggers', 'creates', 'searches'] as const).flatMap((kind) =>
    Object.entries(definition[kind] ?? {}).flatMap(([key, operation]) =>
      (operation.operation.inputFields ?? [])
        .filter((field): field is Field => typeof field !== 'function' && field.key === 'default_country')
        .map((field) => [`${kind}.${key}`, field] as const),
    ),
  );

describe('List Countries (country_list, hidden source of the Default Country dropdowns)', () => {
  describe.each(integrations)('%s', (_provider, definition) => {
    const run = runner(definition);

    // The network is closed to every test (test/setup.ts): a request would fail the step.
    it('lists 245 countries, code as the value and English name as the label, sorted by name, without a request', async () => {
      const countries = await run.trigger<{ id: string; name: string }[]>('country_list');
      expect(countries).toHaveLength(245);
      expect(countries.slice(0, 2)).toEqual([
        { id: 'AF', name: 'Afghanistan (AF)' },
        { id: 'AX', name: 'Åland Islands (AX)' },
      ]);
      expect(countries).toEqual(
        expect.arrayContaining([
          { id: 'GB', name: 'United Kingdom (GB)' },
          { id: 'US', name: 'United States (US)' },
          { id: 'IL', name: 'Israel (IL)' },
        ]),
      );
    });

    it('adds nothing when Zapier asks for a further page', async () => {
      await expect(run.trigger('country_list', { meta: { page: 1 } })).resolves.toEqual([]);
    });

    it('is hidden: a Zap cannot start from it', () => {
      expect(definition.triggers?.country_list?.display.hidden).toBe(true);
    });

    it('fills every Default Country field, none of which lists the countries itself', () => {
      const fields = defaultCountryFields(definition);
      expect(fields.length).toBeGreaterThan(0);
      for (const [, field] of fields) {
        expect(field).toMatchObject({ dynamic: 'country_list.id.name' });
        expect(field.choices).toBeUndefined();
      }
    });
  });

  it('serves Default Country on six StratusTexting operations, two of CommPeak and one of SMS Extension', () => {
    expect(
      Object.fromEntries(
        integrations.map(([provider, definition]) => [provider, defaultCountryFields(definition).map(([where]) => where)]),
      ),
    ).toEqual({
      stratustexting: [
        'creates.send_sms',
        'creates.send_mms',
        'creates.upsert_contact',
        'creates.update_contact',
        'creates.set_contact_consent',
        'searches.find_contact',
      ],
      commpeak: ['creates.send_sms', 'creates.send_bulk_sms'],
      'sms-extension': ['creates.send_sms'],
    });
  });
});
