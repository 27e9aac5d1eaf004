import { api, appError, run, authData, BASE, inputProblem, rejection } from './support';

const change = (inputData: Record<string, unknown>) => run.create('change_consent_status', { authData, inputData });

describe('Change Custom Consent Status (change_consent_status)', () => {
  it.each([
    ['active', true],
    ['inactive', false],
  ])("POSTs {active: %s → %s} to the consent's change path", async (status, active) => {
    api().post(`${BASE}/customconsent/cc-1/change`, { active }).reply(200, { id: 'cc-1', name: 'Promotions', active });
    await expect(change({ consent_id: 'cc-1', status })).resolves.toEqual({ id: 'cc-1', name: 'Promotions', active });
  });

  it('refuses a status other than active or inactive', async () => {
    expect(appError(await rejection(change({ consent_id: 'cc-1', status: 'paused' })))).toEqual(
      inputProblem('Status: choose Active or Inactive.'),
    );
  });

  it('maps a 403 to a forbidden error', async () => {
    api().post(`${BASE}/customconsent/cc-1/change`).reply(403, { message: 'Forbidden' });
    expect(appError(await rejection(change({ consent_id: 'cc-1', status: 'active' })))).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
