import { api, appError, authData, BASE, FORBIDDEN_HINT, inputProblem, integration, rejection, run } from './support';

const find = (inputData: Record<string, unknown>) => run.search('find_consent', { authData, inputData });

const REMINDERS = {
  id: '6890b1408f412234d99c8e13',
  name: 'Appointment reminders',
  description: 'Texts about upcoming appointments.',
  active: true,
};
const OFFERS = { id: '6890b1408f412234d99c8e14', name: 'Special offers', description: null, active: false };

describe('Find Custom Consent (find_consent)', () => {
  describe('by ID: the documented Get Custom Consent Details Using ID', () => {
    it('GETs /customconsent/{id} and returns the consent as it came', async () => {
      api()
        .get(`${BASE}/customconsent/6890b1408f412234d99c8e13`)
        .reply(200, { ...REMINDERS, orgId: 'org-1' });
      await expect(find({ consent_id: ' 6890b1408f412234d99c8e13 ', name: 'ignored when an ID is given' })).resolves.toEqual([
        { ...REMINDERS, orgId: 'org-1' },
      ]);
    });

    it('finds nothing when there is no consent with that ID (404)', async () => {
      api().get(`${BASE}/customconsent/missing`).reply(404, { message: 'Custom consent missing not found' });
      await expect(find({ consent_id: 'missing' })).resolves.toEqual([]);
    });

    it('refuses an ID that would address another path, and sends nothing', async () => {
      expect(appError(await rejection(find({ consent_id: '../all' })))).toEqual(
        inputProblem('Consent: "../all" cannot be an id: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.'),
      );
    });

    it('reports a refused API key or scope (403) with what to check', async () => {
      api().get(`${BASE}/customconsent/cc-1`).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(find({ consent_id: 'cc-1' })))).toEqual({
        message: `StratusTexting refused the connected account access to "Get Custom Consent" ("Forbidden"). ${FORBIDDEN_HINT} (HTTP 403)`,
        code: 'forbidden',
        status: 403,
      });
    });
  });

  describe('by name: through the consent list', () => {
    it.each([
      { name: 'the exact name', typed: 'Appointment reminders' },
      { name: 'other capitals and spaces around it', typed: '  APPOINTMENT Reminders ' },
    ])('finds the consent named by $name', async ({ typed }) => {
      api()
        .get(`${BASE}/customconsent/all`)
        .reply(200, { content: [OFFERS, REMINDERS] });
      await expect(find({ name: typed })).resolves.toEqual([REMINDERS]);
    });

    it('finds nothing for a part of a name, so Find or Create creates the consent', async () => {
      api().get(`${BASE}/customconsent/all`).reply(200, [OFFERS, REMINDERS]);
      await expect(find({ name: 'Appointment' })).resolves.toEqual([]);
    });

    it('says the consent list is not offered when the assumed list path is missing, without touching other steps', async () => {
      api().get(`${BASE}/customconsent/all`).reply(403, { message: 'Missing Authentication Token' });
      expect(appError(await rejection(find({ name: 'Appointment reminders' })))).toEqual({
        message:
          'StratusTexting does not offer "Get All Custom Consents" to this account or at this address ("Missing Authentication Token"). ' +
          "This integration's address for it is inferred, not documented, and StratusTexting does not have it. The other steps of this integration are not affected. (HTTP 403)",
        code: 'operation_not_available',
        status: 403,
      });
    });
  });

  it('asks for an ID or a name', async () => {
    expect(appError(await rejection(find({ consent_id: ' ', name: '' })))).toEqual(
      inputProblem('Consent: give the ID of the consent, or its name in Name.'),
    );
  });

  it('is paired with Create Custom Consent as Find or Create Custom Consent', () => {
    expect(integration.searchOrCreates?.find_consent).toEqual({
      key: 'find_consent',
      display: {
        label: 'Find or Create Custom Consent',
        description: 'Finds a custom consent by its name, creating it when there is none.',
      },
      search: 'find_consent',
      create: 'create_consent',
    });
  });
});
