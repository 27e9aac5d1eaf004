import { api, appError, run, authData, BASE, inputProblem, rejection } from './support';

const set = (inputData: Record<string, unknown>) => run.create('set_contact_consent', { authData, inputData });

describe('Add or Remove Contact Consent (set_contact_consent)', () => {
  it('POSTs the E.164 mobile number, the consent id and ADD, and returns its status with the consent and number it changed', async () => {
    api()
      .post(`${BASE}/customconsent/contact`, { mobileNumber: '+19495550111', customConsentId: 'cc-1', action: 'ADD' })
      .reply(200, { status: 'OK' });
    await expect(set({ mobile: '(949) 555-0111', consent_id: 'cc-1', action: 'add' })).resolves.toEqual({
      provider_status: 'OK',
      status: 'added',
      mobile: '+19495550111',
      consent_id: 'cc-1',
    });
  });

  it('POSTs REMOVE to withdraw a consent, accepting an empty answer', async () => {
    api().post(`${BASE}/customconsent/contact`, { mobileNumber: '+447400900123', customConsentId: 'cc-1', action: 'REMOVE' }).reply(204);
    await expect(set({ mobile: '07400 900123', consent_id: 'cc-1', action: 'remove', default_country: 'GB' })).resolves.toEqual({
      status: 'removed',
      mobile: '+447400900123',
      consent_id: 'cc-1',
    });
  });

  it.each([
    {
      name: 'refuses an action other than add or remove',
      input: { mobile: '+19495550111', consent_id: 'cc-1', action: 'toggle' },
      problem: 'Add or Remove: choose Add or Remove.',
    },
    {
      name: 'quotes an impossible mobile number',
      input: { mobile: 'abc', consent_id: 'cc-1', action: 'add' },
      problem: 'Contact Mobile Number: "abc" is not a phone number.',
    },
  ])('$name', async ({ input, problem }) => {
    expect(appError(await rejection(set(input)))).toEqual(inputProblem(problem));
  });

  it('names the action in a provider error', async () => {
    api().post(`${BASE}/customconsent/contact`).reply(404, { message: 'Contact not found' });
    expect(appError(await rejection(set({ mobile: '+19495550111', consent_id: 'cc-1', action: 'remove' })))).toEqual({
      message:
        'StratusTexting found nothing for "Remove Custom Consent from Contact" ("Contact not found"). The item does not exist or this account cannot see it: check the ids in this step. (HTTP 404)',
      code: 'not_found',
      status: 404,
    });
  });
});
