import { SAM, SAM_DETAILS } from './contacts';
import { api, appError, run, authData, BASE, inputProblem, rejection } from './support';

const upsert = (inputData: Record<string, unknown>) => run.create('upsert_contact', { authData, inputData });

const CREATED = { createdAt: '2025-06-10T18:10:00Z' };
const API_CONTACT = { ...SAM.api, ...SAM_DETAILS, ...CREATED };
const CONTACT = { ...SAM.output, ...SAM_DETAILS, ...CREATED };

describe('Create or Update Contact (upsert_contact)', () => {
  it('POSTs the contact, keyed by its E.164 mobile number, in the API field names, and returns it flattened', async () => {
    api()
      .post(`${BASE}/contact`, {
        firstName: 'Sam',
        lastName: 'Rivera',
        mobileNumber: '+19495550111',
        email: 'sam.rivera@example.com',
        company: 'Rivera Landscaping',
        notes: 'Prefers texts after 5pm.',
      })
      .reply(200, API_CONTACT);
    await expect(
      upsert({
        mobile: '(949) 555-0111',
        first_name: ' Sam ',
        last_name: 'Rivera',
        email: 'sam.rivera@example.com',
        company: 'Rivera Landscaping',
        notes: 'Prefers texts after 5pm.',
      }),
    ).resolves.toEqual(CONTACT);
  });

  it('succeeds when StratusTexting accepts the contact (200) but answers in another shape, keeping that answer', async () => {
    api()
      .post(`${BASE}/contact`, { mobileNumber: '+19495550111' })
      .reply(200, { result: 'Contact saved', contact: { contactId: 'c-101' } });
    await expect(upsert({ mobile: '(949) 555-0111' })).resolves.toEqual({
      response_understood: false,
      response_note:
        'StratusTexting accepted "Create or Update Contact" but sent an answer this integration does not read (id: Invalid input). ' +
        "The write is done: do not run this step again for it. StratusTexting's whole answer is in the Response fields. (HTTP 200)",
      response__result: 'Contact saved',
      response__contact__contactId: 'c-101',
    });
  });

  it('fails with "not available" when the assumed contact path is not offered (the gateway\'s 403)', async () => {
    api().post(`${BASE}/contact`).reply(403, { message: 'Missing Authentication Token' });
    expect(appError(await rejection(upsert({ mobile: '(949) 555-0111' })))).toEqual({
      message:
        'StratusTexting does not offer "Create or Update Contact" to this account or at this address ("Missing Authentication Token"). ' +
        "This integration's address for it is inferred, not documented, and StratusTexting does not have it. The other steps of this integration are not affected. (HTTP 403)",
      code: 'operation_not_available',
      status: 403,
    });
  });

  it('sends only the fields that were filled in', async () => {
    api()
      .post(`${BASE}/contact`, { firstName: 'Ana', mobileNumber: '+447400900123' })
      .reply(201, { id: 'c-102', firstName: 'Ana', mobileNumber: '+447400900123' });
    await expect(upsert({ mobile: '07400 900123', first_name: 'Ana', last_name: '', email: ' ', default_country: 'GB' })).resolves.toEqual({
      id: 'c-102',
      first_name: 'Ana',
      last_name: null,
      mobile: '+447400900123',
      email: null,
      company: null,
      notes: null,
    });
  });

  describe('bad input, refused before anything is sent', () => {
    it.each([
      {
        name: 'refuses an invalid e-mail address',
        input: { mobile: '+19495550111', email: 'sam at example.com' },
        problem: 'Email: is not an e-mail address.',
      },
      {
        name: 'quotes an impossible mobile number',
        input: { mobile: '949-555' },
        problem: 'Mobile Number: "949-555" is not a phone number.',
      },
      { name: 'requires the mobile number', input: { first_name: 'Sam' }, problem: 'Mobile Number: The mobile number is required.' },
      {
        name: 'refuses a default country that is not a two-letter code',
        input: { mobile: '9495550111', default_country: 'USA' },
        problem: 'Default Country: "USA" is not a two-letter country code (for example US or GB).',
      },
    ])('$name', async ({ input, problem }) => {
      expect(appError(await rejection(upsert(input)))).toEqual(inputProblem(problem));
    });
  });

  describe('provider errors', () => {
    const input = { mobile: '+19495550111', first_name: 'Sam' };

    it('halts the run on a 409: the record conflicts, and running again cannot help', async () => {
      api().post(`${BASE}/contact`).reply(409, { message: 'Contact already exists in another department' });
      const error = await rejection(upsert(input));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toBe(
        'StratusTexting refused "Create or Update Contact" because it conflicts with something that already exists ("Contact already exists in another department"). This run stops here: running it again cannot help. (HTTP 409)',
      );
    });

    it('maps a 400 with field errors to a readable message', async () => {
      api()
        .post(`${BASE}/contact`)
        .reply(400, { message: 'Validation failed', errors: { mobileNumber: ['must be E.164'] } });
      expect(appError(await rejection(upsert(input)))).toEqual({
        message:
          'StratusTexting refused the values given for "Create or Update Contact" ("Validation failed — mobileNumber: must be E.164"). Check the values in this step against that reason, then replay it. (HTTP 400)',
        code: 'provider_rejected',
        status: 400,
      });
    });

    it('lets the runtime raise RefreshAuthError on a 401', async () => {
      api().post(`${BASE}/contact`).reply(401, { message: 'Unauthorized' });
      expect((await rejection(upsert(input))).name).toBe('RefreshAuthError');
    });

    it('maps a 503 to provider_unavailable', async () => {
      api().post(`${BASE}/contact`).reply(503, '');
      expect(appError(await rejection(upsert(input)))).toEqual({
        message:
          'StratusTexting failed on its side during "Create or Update Contact" ("no reason given (empty response)"). Nothing in this step needs to change: try again later. (HTTP 503)',
        code: 'provider_unavailable',
        status: 503,
      });
    });
  });
});
