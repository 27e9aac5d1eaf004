import nock from 'nock';
import { API_HOST, appError, authData, BASE, firstLine, integration, rejection, run } from './support';

/** The API, matched only with the user's token and this `x-api-key`. */
const apiWithKey = (key: string) => nock(API_HOST, { reqheaders: { authorization: 'Bearer access-token-1', 'x-api-key': key } });

const listMessage = (connection: Record<string, unknown>) =>
  run.search('find_message', { authData: { ...authData, ...connection }, inputData: { message_id: 'm-1' } });

describe("StratusTexting connection fields: the sign-in tip and the customer's own API key", () => {
  it('asks for nothing a live connection lacks: both fields are optional', () => {
    expect(integration.authentication?.fields).toEqual([
      {
        key: 'sign_in_help',
        label: 'Signing In',
        type: 'copy',
        required: false,
        helpText:
          'Continue to sign in to StratusTexting in a popup window. If the popup stays blank and never asks you to log in, your browser is showing an old copy of the page: try again in a private (incognito) window.',
      },
      {
        key: 'api_key',
        label: 'API Key (optional)',
        type: 'password',
        required: false,
        helpText:
          "Only if your account uses its own API Connect client: its API Key, shown in StratusTexting under Integration > API Connect > Add New Client (see the [Postman how-to](https://apidocs-stratustexting.spectrumvoip.com/postman-how-to-for-stratustexting-openapis-1612009m0)). Leave blank to use this integration's key.",
      },
    ]);
  });

  it.each([
    { name: 'the connection has no API key', connection: {}, key: 'test-api-key' },
    { name: 'the API key is left blank', connection: { api_key: '  ' }, key: 'test-api-key' },
    { name: "the connection carries the customer's own key", connection: { api_key: ' customer-key-9f8e ' }, key: 'customer-key-9f8e' },
  ])('sends the right x-api-key when $name', async ({ connection, key }) => {
    apiWithKey(key).get(`${BASE}/message/getmessagebyid/m-1`).reply(200, { id: 'm-1' });
    await expect(listMessage(connection)).resolves.toEqual([
      { id: 'm-1', from: null, to: [], text: '', direction: null, status: null, last_updated: null },
    ]);
  });

  it("never quotes the customer's key back when the API echoes it", async () => {
    apiWithKey('customer-key-9f8e').get(`${BASE}/message/getmessagebyid/m-1`).reply(403, { message: 'Invalid key customer-key-9f8e' });
    const error = await rejection(listMessage({ api_key: 'customer-key-9f8e' }));
    expect(appError(error).message).not.toContain('customer-key-9f8e');
    expect(appError(error)).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('refuses a pasted key a header cannot carry, naming where the character is and sending nothing', async () => {
    const error = await rejection(listMessage({ api_key: 'customer\u200bkey' }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(firstLine(error)).toBe(
      'The API Key of this StratusTexting connection has a character an HTTP header cannot carry at position 9 (a zero-width space, U+200B), so nothing was sent. Copy the key again from Integration > API Connect in StratusTexting (a paste can bring invisible characters along) and reconnect.',
    );
  });

  it('keeps the API key away from the token endpoint, whatever the connection carries', async () => {
    nock('https://spectrumauth.beetexting.com', { badheaders: ['x-api-key'] })
      .post('/oauth2/token/')
      .reply(200, { access_token: 'access-token-2', expires_in: 3600 });
    await expect(run.refreshAccessToken({ authData: { ...authData, api_key: 'customer-key-9f8e' } })).resolves.toEqual({
      access_token: 'access-token-2',
      refresh_token: 'refresh-token-1',
    });
  });
});
