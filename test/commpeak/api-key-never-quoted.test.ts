import nock from 'nock';
import { appError, BASE_URL, rejection, run } from './support';

// No interceptor is registered: with the network disabled (test/setup.ts), a request that left
// would fail with nock's "Disallowed net connect" instead of the refusal asserted here.
const refusal = (where: string) =>
  `The API Key of this CommPeak connection has a character an HTTP header cannot carry ${where}, so nothing was sent. Copy the stream's API key again from my.commpeak.com (a paste can bring invisible characters along) and reconnect CommPeak.`;

const KEYS = [
  { name: 'a zero-width space inside', key: 'cp-secret-6e5d\u200b4c3b2a19', where: 'at position 15 (a zero-width space, U+200B)' },
  {
    name: 'a header injected with a line break, after pasted blanks',
    key: '  cp-secret-6e5d\r\nX-Injected: yes',
    where: 'at position 17 (a carriage return, U+000D)',
  },
];

const STEPS = [
  { step: 'the connection test', call: (api_key: string) => run.connectionTest({ authData: { api_key } }) },
  {
    step: 'Send SMS',
    call: (api_key: string) =>
      run.create('send_sms', { authData: { api_key }, inputData: { from: 'GLOBAL', to: '+972524265292', text: 'Hello' } }),
  },
  {
    step: 'Send Bulk SMS',
    call: (api_key: string) =>
      run.create('send_bulk_sms', { authData: { api_key }, inputData: { from: 'GLOBAL', to: ['+972524265292'], text: 'Hello' } }),
  },
  {
    step: 'Find Message Status',
    call: (api_key: string) =>
      run.search('find_message_status', { authData: { api_key }, inputData: { message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a' } }),
  },
  {
    step: 'Get Message Statuses',
    call: (api_key: string) =>
      run.create('get_message_statuses', { authData: { api_key }, inputData: { message_uuids: '0562f2aa-5945-4f41-824a-b774fc2e2b2a' } }),
  },
];

describe('an API key no HTTP header can carry', () => {
  describe.each(KEYS)('$name', ({ key, where }) => {
    it.each(STEPS)('$step asks to reconnect, naming the field and the position but not the key, and sends nothing', async ({ call }) => {
      const error = await rejection(call(key));
      expect(error.name).toBe('ExpiredAuthError');
      expect(error.message).toBe(refusal(where));
      expect(error.message).not.toContain('6e5d');
    });
  });
});

describe('an API key CommPeak quotes back', () => {
  it.each([
    // Six characters is the shortest credential redaction looks for: a shorter one would blank out ordinary words.
    { name: 'six characters, the shortest redacted', key: 'k3y-ab', quoted: '[redacted]' },
    { name: 'five characters, too short to look for', key: 'k3y-a', quoted: 'k3y-a' },
  ])('$name: the error says "$quoted"', async ({ key, quoted }) => {
    nock(BASE_URL)
      .matchHeader('authorization', key)
      .post('/messages_status/', { message_uuids: ['0562f2aa-5945-4f41-824a-b774fc2e2b2a'] })
      .reply(400, { detail: `Key ${key} is not valid` });
    const error = await rejection(
      run.search('find_message_status', {
        authData: { api_key: key },
        inputData: { message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a' },
      }),
    );
    expect(appError(error).message).toBe(
      `CommPeak refused the values given for "find message status" ("Key ${quoted} is not valid"). Check the values in this step against that reason, then replay it. (HTTP 400)`,
    );
  });
});
