import { api, run, authData, BASE, triggers } from './support';

const CONSENT = { id: 'cc-1', name: 'Appointment reminders', description: null, active: true };

describe('List Custom Consents (consent_list, hidden dropdown source)', () => {
  it.each([
    ['a bare list', [CONSENT]],
    ['a list in `content`', { content: [CONSENT], totalElements: 1 }],
  ])('GETs all custom consents, answered as %s', async (_shape, body) => {
    api().get(`${BASE}/customconsent/all`).reply(200, body);
    await expect(run.trigger('consent_list', { authData, inputData: {} })).resolves.toEqual([CONSENT]);
  });

  it('is hidden', () => {
    expect(triggers.consent_list.display.hidden).toBe(true);
  });
});
