import { SAM } from './contacts';
import { api, appError, run, authData, BASE, FORBIDDEN_HINT, inputProblem, rejection } from './support';

const find = (inputData: Record<string, unknown>) => run.search('find_contact', { authData, inputData });

const MORE = { email: 'sam.rivera@example.com', company: null, notes: null, customFields: { plan: 'gold' } };
const API_CONTACT = { ...SAM.api, ...MORE };
const CONTACT = { ...SAM.output, ...MORE };
const BY_MOBILE = `${BASE}/contact/mobile/%2B19495550111`;

describe('Find Contact (find_contact)', () => {
  it('GETs the contact by its E.164 mobile number (US by default) and returns it flattened', async () => {
    api().get(BY_MOBILE).reply(200, API_CONTACT);
    await expect(find({ mobile: '(949) 555-0111' })).resolves.toEqual([CONTACT]);
  });

  it('reads the number in the Default Country', async () => {
    api()
      .get(`${BASE}/contact/mobile/%2B447400900123`)
      .reply(200, { ...API_CONTACT, mobileNumber: '+447400900123' });
    await expect(find({ mobile: '07400 900123', default_country: 'GB' })).resolves.toEqual([{ ...CONTACT, mobile: '+447400900123' }]);
  });

  it('takes the first contact when the API answers a list', async () => {
    api()
      .get(BY_MOBILE)
      .reply(200, [API_CONTACT, { id: 'c-999' }]);
    await expect(find({ mobile: '+19495550111' })).resolves.toEqual([CONTACT]);
  });

  it.each([
    ['a 404', 404, { message: 'Contact not found' }],
    ['an empty list', 200, []],
    ['an empty body', 200, ''],
  ])('finds nothing on %s', async (_what, status, body) => {
    api().get(BY_MOBILE).reply(status, body);
    await expect(find({ mobile: '+19495550111' })).resolves.toEqual([]);
  });

  it('quotes an impossible mobile number, without calling the API', async () => {
    expect(appError(await rejection(find({ mobile: '555-01' })))).toEqual(inputProblem('Mobile Number: "555-01" is not a phone number.'));
  });

  it('requires the mobile number', async () => {
    expect(appError(await rejection(find({ mobile: '' })))).toEqual(inputProblem('Mobile Number: The mobile number is required.'));
  });

  describe('provider errors', () => {
    it('maps a 400 to provider_rejected', async () => {
      api().get(BY_MOBILE).reply(400, { message: 'Invalid mobile number format' });
      expect(appError(await rejection(find({ mobile: '+19495550111' })))).toEqual({
        message: `StratusTexting refused the values given for "Find Contact" ("Invalid mobile number format"). Check the values in this step against that reason, then replay it. (HTTP 400)`,
        code: 'provider_rejected',
        status: 400,
      });
    });

    it('lets the runtime raise RefreshAuthError on a 401', async () => {
      api().get(BY_MOBILE).reply(401, { message: 'Unauthorized' });
      expect((await rejection(find({ mobile: '+19495550111' }))).name).toBe('RefreshAuthError');
    });

    it('maps a 403 to forbidden with the API key hint', async () => {
      api().get(BY_MOBILE).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(find({ mobile: '+19495550111' })))).toEqual({
        message: `StratusTexting refused the connected account access to "Find Contact" ("Forbidden"). ${FORBIDDEN_HINT} (HTTP 403)`,
        code: 'forbidden',
        status: 403,
      });
    });

    it('maps a 429 to a ThrottledError with the Retry-After delay', async () => {
      api().get(BY_MOBILE).reply(429, { message: 'Too Many Requests' }, { 'Retry-After': '5' });
      const error = await rejection(find({ mobile: '+19495550111' }));
      expect(error.name).toBe('ThrottledError');
      expect(JSON.parse(error.message)).toEqual({
        message: `StratusTexting is limiting how often "Find Contact" may run ("Too Many Requests"). Zapier runs the step again in 5 seconds; nothing to change. (HTTP 429)`,
        delay: 5,
      });
    });

    it.each([500, 503])('maps a %i to provider_unavailable', async (status) => {
      api().get(BY_MOBILE).reply(status, { message: 'Service Unavailable' });
      expect(appError(await rejection(find({ mobile: '+19495550111' })))).toEqual({
        message: `StratusTexting failed on its side during "Find Contact" ("Service Unavailable"). Nothing in this step needs to change: try again later. (HTTP ${status})`,
        code: 'provider_unavailable',
        status,
      });
    });

    it('refuses a contact without an id', async () => {
      api().get(BY_MOBILE).reply(200, { firstName: 'Sam' });
      expect(appError(await rejection(find({ mobile: '+19495550111' })))).toMatchObject({ code: 'unexpected_response', status: 200 });
    });
  });
});
