import { SAM } from './contacts';
import { api, run, authData, BASE, creates, triggers } from './support';

const list = (page?: number) => run.trigger('contact_list', { authData, inputData: {}, meta: page === undefined ? {} : { page } });

const API_SAM = SAM.api;
const FLAT_SAM = { ...SAM.output, email: null, company: null, notes: null, display_name: 'Sam Rivera (+19495550111)' };

describe('List Contacts (contact_list, hidden source of the Contact dropdown)', () => {
  it('GETs the first page of 100 contacts, newest first, and names each by name and mobile number', async () => {
    api()
      .get(`${BASE}/contact/all`)
      .query({ page: '0', size: '100', sort: 'createdDate,desc' })
      .reply(200, { content: [API_SAM], last: true });
    await expect(list()).resolves.toEqual([FLAT_SAM]);
  });

  it('GETs the page Zapier asks for while the user scrolls', async () => {
    api().get(`${BASE}/contact/all`).query({ page: '2', size: '100', sort: 'createdDate,desc' }).reply(200, []);
    await expect(list(2)).resolves.toEqual([]);
  });

  it('names a contact without a name by its mobile number, and one without either by its id', async () => {
    api()
      .get(`${BASE}/contact/all`)
      .query({ page: '0', size: '100', sort: 'createdDate,desc' })
      .reply(200, [{ id: 'c-102', mobileNumber: '+19495550122' }, { id: 'c-103', firstName: 'Ana' }, { id: 'c-104' }]);
    const names = ((await list()) as { display_name: string }[]).map((contact) => contact.display_name);
    expect(names).toEqual(['+19495550122', 'Ana', 'c-104']);
  });

  it('is hidden and pages', () => {
    expect(triggers.contact_list.display.hidden).toBe(true);
    expect(triggers.contact_list.operation.canPaginate).toBe(true);
  });

  it("is Update Contact's dropdown for the contact, which also offers a Find Contact step", () => {
    expect(creates.update_contact.operation.inputFields?.find((field) => field.key === 'contact_id')).toMatchObject({
      label: 'Contact',
      dynamic: 'contact_list.id.display_name',
      search: 'find_contact.id',
    });
  });
});
