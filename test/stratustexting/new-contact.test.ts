import { api, appError, appTester, authData, BASE, rejection, triggers } from './support';

const { perform, performList } = triggers.new_contact.operation;
const deliver = (cleanedRequest: unknown) => appTester(perform, { authData, inputData: { department_id: 'dept-1' }, cleanedRequest });

const API_CONTACT = {
  id: 'c-101',
  firstName: 'Sam',
  lastName: 'Rivera',
  mobileNumber: '+19495550111',
  email: 'sam.rivera@example.com',
  company: 'Rivera Landscaping',
  notes: 'Prefers texts after 5pm.',
  tags: ['vip'],
};
const CONTACT = {
  id: 'c-101',
  first_name: 'Sam',
  last_name: 'Rivera',
  mobile: '+19495550111',
  email: 'sam.rivera@example.com',
  company: 'Rivera Landscaping',
  notes: 'Prefers texts after 5pm.',
  tags: ['vip'],
};

describe('New Contact (new_contact)', () => {
  describe('a contact event', () => {
    it('returns a contact given at the top level, without calling the API', async () => {
      await expect(deliver(API_CONTACT)).resolves.toEqual([CONTACT]);
    });

    it("fires once when the same contact is delivered twice to a Zap's subscription", async () => {
      const bundle = {
        authData,
        inputData: { department_id: 'dept-1' },
        subscribeData: { id: 'sub-contacts' },
        cleanedRequest: API_CONTACT,
      };
      await expect(appTester(perform, bundle)).resolves.toEqual([CONTACT]);
      await expect(appTester(perform, bundle)).resolves.toEqual([]);
    });

    it('returns a contact given under `contact`, without calling the API', async () => {
      await expect(deliver({ uuid: 'evt-3', eventType: 'CONTACT_CREATED', contact: API_CONTACT })).resolves.toEqual([CONTACT]);
    });

    it('returns a contact given under `contactInfo`', async () => {
      await expect(deliver({ uuid: 'evt-3', contactInfo: { ...API_CONTACT, id: 101 } })).resolves.toEqual([{ ...CONTACT, id: '101' }]);
    });

    it('completes an event that names only the id and mobile number with one find-by-mobile call', async () => {
      api().get(`${BASE}/contact/mobile/%2B19495550111`).once().reply(200, API_CONTACT);
      await expect(deliver({ contact: { id: 'c-101', mobileNumber: '+19495550111' } })).resolves.toEqual([CONTACT]);
    });

    it('returns what the event said when the contact cannot be found by its number', async () => {
      api().get(`${BASE}/contact/mobile/%2B19495550111`).reply(404, { message: 'Contact not found' });
      await expect(deliver({ id: 'c-101', mobileNumber: '+19495550111' })).resolves.toEqual([
        { id: 'c-101', first_name: null, last_name: null, mobile: '+19495550111', email: null, company: null, notes: null },
      ]);
    });

    it('returns an id-only event as it is when it has no mobile number to look up', async () => {
      await expect(deliver({ id: 'c-101' })).resolves.toEqual([
        { id: 'c-101', first_name: null, last_name: null, mobile: null, email: null, company: null, notes: null },
      ]);
    });

    it.each([
      ['an empty object', {}],
      ['a string body', 'ping'],
      ['a message event', { uuid: 'evt-1', messageInfo: { messageId: 'm-1' } }],
    ])('starts nothing for %s', async (_what, body) => {
      await expect(deliver(body)).resolves.toEqual([]);
    });
  });

  describe('loading sample data in the editor (performList)', () => {
    it('returns the first three contacts of the organization', async () => {
      api()
        .get(`${BASE}/contact/all`)
        .query({ page: '0', size: '3' })
        .reply(200, { content: [API_CONTACT, { id: 'c-102', firstName: 'Ana', mobileNumber: '+19495550112' }], last: true });
      await expect(appTester(performList, { authData, inputData: { department_id: 'dept-1' } })).resolves.toEqual([
        CONTACT,
        { id: 'c-102', first_name: 'Ana', last_name: null, mobile: '+19495550112', email: null, company: null, notes: null },
      ]);
    });

    it('accepts a bare list of contacts', async () => {
      api().get(`${BASE}/contact/all`).query({ page: '0', size: '3' }).reply(200, [API_CONTACT]);
      await expect(appTester(performList, { authData, inputData: {} })).resolves.toEqual([CONTACT]);
    });

    it('maps a 500 to a provider_unavailable error naming the action', async () => {
      api().get(`${BASE}/contact/all`).query(true).reply(500, { message: 'Internal server error' });
      expect(appError(await rejection(appTester(performList, { authData, inputData: {} })))).toEqual({
        message:
          'StratusTexting answered "Get All Contacts" with HTTP 500: Internal server error. This is a problem on StratusTexting\'s side; try again later.',
        code: 'provider_unavailable',
        status: 500,
      });
    });
  });
});
