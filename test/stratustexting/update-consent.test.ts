import { api, appError, run, authData, BASE, inputProblem, rejection } from './support';

const update = (inputData: Record<string, unknown>) => run.create('update_consent', { authData, inputData });

describe('Update Custom Consent (update_consent)', () => {
  it('PUTs the new name and description to the consent', async () => {
    api()
      .put(`${BASE}/customconsent/6890b1408f412234d99c8e13`, { name: 'Reminders', description: 'Appointment texts.' })
      .reply(200, { id: '6890b1408f412234d99c8e13', name: 'Reminders', description: 'Appointment texts.', active: true });
    await expect(update({ consent_id: '6890b1408f412234d99c8e13', name: 'Reminders', description: 'Appointment texts.' })).resolves.toEqual(
      {
        id: '6890b1408f412234d99c8e13',
        name: 'Reminders',
        description: 'Appointment texts.',
        active: true,
      },
    );
  });

  it('sends only what changes', async () => {
    api()
      .put(`${BASE}/customconsent/cc-1`, { description: 'New text.' })
      .reply(200, { id: 'cc-1', name: 'Promotions', description: 'New text.' });
    await expect(update({ consent_id: 'cc-1', name: ' ', description: 'New text.' })).resolves.toEqual({
      id: 'cc-1',
      name: 'Promotions',
      description: 'New text.',
    });
  });

  it.each([
    {
      name: 'refuses a step with nothing to change',
      input: { consent_id: 'cc-1', name: '', description: '  ' },
      problem: 'New Name: fill in a new name or a new description.',
    },
    { name: 'requires the consent', input: { name: 'x' }, problem: 'Consent: The consent is required.' },
  ])('$name', async ({ input, problem }) => {
    expect(appError(await rejection(update(input)))).toEqual(inputProblem(problem));
  });

  it('maps a 404 to a not_found error', async () => {
    api().put(`${BASE}/customconsent/cc-404`).reply(404, { message: 'Custom consent not found' });
    expect(appError(await rejection(update({ consent_id: 'cc-404', name: 'x' })))).toEqual({
      message:
        'StratusTexting found nothing for "Update Custom Consent" ("Custom consent not found"). The item does not exist or this account cannot see it: check the ids in this step. (HTTP 404)',
      code: 'not_found',
      status: 404,
    });
  });
});
