import { SAM } from './contacts';
import { api, appError, run, authData, BASE, inputProblem, rejection } from './support';

const update = (inputData: Record<string, unknown>) => run.create('update_contact', { authData, inputData });

const UPDATED = { ...SAM.api, lastName: 'Rivera-Lopez', email: 'sam@example.com' };
/** The step fills what the answer lacks with null. */
const FLAT = { ...SAM.output, last_name: 'Rivera-Lopez', email: 'sam@example.com', company: null, notes: null };

describe('Update Contact (update_contact)', () => {
  it('PUTs the changes to the contact found by its id', async () => {
    api().put(`${BASE}/contact/c-101`, { lastName: 'Rivera-Lopez', email: 'sam@example.com' }).reply(200, UPDATED);
    await expect(update({ contact_id: 'c-101', last_name: 'Rivera-Lopez', email: 'sam@example.com', first_name: '' })).resolves.toEqual(
      FLAT,
    );
  });

  it('with a contact id, sets the mobile number as the new number, even when nothing else changes', async () => {
    api()
      .put(`${BASE}/contact/c-101`, { mobileNumber: '+19495550199' })
      .reply(200, { ...UPDATED, mobileNumber: '+19495550199' });
    await expect(update({ contact_id: 'c-101', mobile: '(949) 555-0199' })).resolves.toEqual({ ...FLAT, mobile: '+19495550199' });
  });

  it('without a contact id, PUTs the changes to the contact found by its E.164 mobile number', async () => {
    api()
      .put(`${BASE}/contact/mobile/%2B19495550111`, { lastName: 'Rivera-Lopez', notes: 'VIP' })
      .reply(200, { ...UPDATED, notes: 'VIP' });
    await expect(update({ mobile: '949.555.0111', last_name: 'Rivera-Lopez', notes: 'VIP' })).resolves.toEqual({ ...FLAT, notes: 'VIP' });
  });

  it('percent-encodes the contact id in the path', async () => {
    api().put(`${BASE}/contact/c%20101`, { company: 'Acme' }).reply(200, { id: 'c 101', company: 'Acme' });
    await expect(update({ contact_id: 'c 101 ', company: 'Acme' })).resolves.toEqual({
      id: 'c 101',
      first_name: null,
      last_name: null,
      mobile: null,
      email: null,
      company: 'Acme',
      notes: null,
    });
  });

  describe('bad input, refused before anything is sent', () => {
    it('refuses a step with nothing to change', async () => {
      expect(appError(await rejection(update({ contact_id: 'c-101', first_name: ' ' })))).toEqual(
        inputProblem(
          'First Name: fill in at least one detail to change (a name, Email, Company, Notes, or a new Mobile Number with the Contact).',
        ),
      );
      expect(appError(await rejection(update({ mobile: '+19495550111' })))).toEqual(
        inputProblem(
          'First Name: fill in at least one detail to change (a name, Email, Company, Notes, or a new Mobile Number with the Contact).',
        ),
      );
    });

    it.each([
      {
        name: 'asks for the contact id or the mobile number when neither is given',
        input: { first_name: 'Sam' },
        problem: 'Contact: choose the Contact or give the Mobile Number of the contact to change.',
      },
      {
        name: 'refuses an invalid e-mail address',
        input: { contact_id: 'c-101', email: 'sam@' },
        problem: 'Email: is not an e-mail address.',
      },
      {
        name: 'quotes an impossible mobile number',
        input: { mobile: '12', first_name: 'Sam' },
        problem: 'Mobile Number: "12" is not a phone number.',
      },
      {
        // The field is labelled "Contact": the error names it so (it once said "Contact ID").
        name: 'refuses a contact id with a "/" in it, naming the Contact field',
        input: { contact_id: 'c-101/../c-102', first_name: 'Sam' },
        problem: 'Contact: "c-101/../c-102" cannot be an id: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.',
      },
    ])('$name', async ({ input, problem }) => {
      expect(appError(await rejection(update(input)))).toEqual(inputProblem(problem));
    });
  });

  it('maps a 404 (no such contact) to a not_found error', async () => {
    api().put(`${BASE}/contact/mobile/%2B19495550111`).reply(404, { message: 'Contact not found' });
    expect(appError(await rejection(update({ mobile: '+19495550111', first_name: 'Sam' })))).toEqual({
      message:
        'StratusTexting found nothing for "Update Contact" ("Contact not found"). The item does not exist or this account cannot see it: check the ids in this step. (HTTP 404)',
      code: 'not_found',
      status: 404,
    });
  });
});
