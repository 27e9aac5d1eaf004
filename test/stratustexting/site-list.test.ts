import { api, appError, run, authData, BASE, rejection, triggers } from './support';

describe('List Sites (site_list, hidden dropdown source)', () => {
  it('GETs the sites and returns id, name and organization id, keeping other fields', async () => {
    api()
      .get(`${BASE}/sites`)
      .reply(200, [
        { id: 'dept-1', name: 'Main Street Store', orgId: 'org-9', timezone: 'America/Los_Angeles' },
        { id: 42, organizationId: 'org-9' },
      ]);
    await expect(run.trigger('site_list', { authData, inputData: {} })).resolves.toEqual([
      { id: 'dept-1', name: 'Main Street Store', org_id: 'org-9', timezone: 'America/Los_Angeles' },
      { id: '42', name: '42', org_id: 'org-9' },
    ]);
  });

  it('reads a list wrapped in `content`', async () => {
    api()
      .get(`${BASE}/sites`)
      .reply(200, { content: [{ id: 'dept-1', name: 'Main Street Store' }] });
    await expect(run.trigger('site_list', { authData, inputData: {} })).resolves.toEqual([
      { id: 'dept-1', name: 'Main Street Store', org_id: null },
    ]);
  });

  it('refuses an answer that is not a list of sites', async () => {
    api().get(`${BASE}/sites`).reply(200, { sites: 'none' });
    expect(appError(await rejection(run.trigger('site_list', { authData, inputData: {} })))).toMatchObject({
      code: 'unexpected_response',
      status: 200,
    });
  });

  it('is hidden', () => {
    expect(triggers.site_list.display.hidden).toBe(true);
  });
});
