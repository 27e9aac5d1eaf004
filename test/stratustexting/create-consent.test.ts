import { api, appError, run, authData, BASE, inputProblem, rejection } from './support';

const create = (inputData: Record<string, unknown>) => run.create('create_consent', { authData, inputData });
const CONSENT = {
  id: '6890b1408f412234d99c8e13',
  name: 'Appointment reminders',
  description: 'Texts about upcoming appointments.',
  active: true,
};

describe('Create Custom Consent (create_consent)', () => {
  it('POSTs the name and description and returns the consent as the API answers it', async () => {
    api()
      .post(`${BASE}/customconsent`, { name: 'Appointment reminders', description: 'Texts about upcoming appointments.' })
      .reply(201, { ...CONSENT, orgId: 'org-9' });
    await expect(create({ name: ' Appointment reminders ', description: 'Texts about upcoming appointments.' })).resolves.toEqual({
      ...CONSENT,
      orgId: 'org-9',
    });
  });

  it('succeeds on a 2xx with an empty body: the consent was created, so running again would create it twice', async () => {
    api().post(`${BASE}/customconsent`, { name: 'Promotions' }).reply(201, '');
    await expect(create({ name: 'Promotions' })).resolves.toEqual({
      response_understood: false,
      response_note:
        'StratusTexting accepted "Create Custom Consent" but sent an answer this integration does not read (body: Required). ' +
        "The write is done: do not run this step again for it. StratusTexting's whole answer is in the Response fields. (HTTP 201)",
      response: null,
    });
  });

  it('sends no description when none is given', async () => {
    api().post(`${BASE}/customconsent`, { name: 'Promotions' }).reply(201, { id: 'cc-2', name: 'Promotions', active: true });
    await expect(create({ name: 'Promotions', description: '' })).resolves.toEqual({ id: 'cc-2', name: 'Promotions', active: true });
  });

  it('requires the name', async () => {
    expect(appError(await rejection(create({ description: 'x' })))).toEqual(inputProblem('Name: The name is required.'));
  });

  it('halts the run on a 409: the record conflicts, and running again cannot help', async () => {
    api().post(`${BASE}/customconsent`).reply(409, { message: 'A consent with this name exists' });
    const error = await rejection(create({ name: 'Promotions' }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      'StratusTexting refused "Create Custom Consent" because it conflicts with something that already exists ("A consent with this name exists"). This run stops here: running it again cannot help. (HTTP 409)',
    );
  });
});
