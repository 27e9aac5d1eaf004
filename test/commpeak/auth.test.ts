import nock from 'nock';
import { authentication } from '../../src/providers/commpeak/auth';
import { API_KEY, NOT_AUTHENTICATED, appError, authData, commpeak, forbiddenError, integration, rejection, run, throttle } from './support';

const PROBE = { message_uuids: ['00000000-0000-0000-0000-000000000000'] };
const testConnection = (auth: Record<string, string> = authData) => run.connectionTest({ authData: auth });

describe('CommPeak authentication', () => {
  it('is custom auth with one password field, api_key, whose help text says to turn off the IP ACL, and the optional stream name', () => {
    expect(integration.authentication).toBe(authentication);
    expect(authentication.type).toBe('custom');
    expect(authentication.fields).toEqual([
      expect.objectContaining({ key: 'api_key', type: 'password', required: true, helpText: expect.stringContaining('IP ACL') }),
      expect.objectContaining({ key: 'stream_name', required: false }),
    ]);
  });

  describe('the connection test', () => {
    it('asks /messages_status/ about the nil UUID with the raw key and passes on a 200', async () => {
      commpeak().post('/messages_status/', PROBE).reply(200, []);
      await expect(testConnection()).resolves.toEqual({ connected: true });
    });

    it('passes when CommPeak answers 404 for the unknown UUID (the key was accepted)', async () => {
      commpeak().post('/messages_status/', PROBE).reply(404, { detail: 'Message not found' });
      await expect(testConnection()).resolves.toEqual({ connected: true });
    });

    it.each([
      ['400 about the probe', 400, { detail: 'message_uuids: invalid' }],
      ['422 about the probe', 422, { detail: [{ loc: ['body', 'message_uuids'], msg: 'invalid uuid' }] }],
      ['409', 409, { detail: 'conflict' }],
      ['200 that is not JSON', 200, 'OK'],
      ['200 HTML page', 200, '<!DOCTYPE html><html><title>Status</title></html>'],
    ])('passes on a %s: the key got past authentication', async (_case, status, body) => {
      commpeak().post('/messages_status/', PROBE).reply(status, body);
      await expect(testConnection()).resolves.toEqual({ connected: true });
    });

    it('sends the key trimmed of the blanks a paste leaves', async () => {
      commpeak().post('/messages_status/', PROBE).reply(200, {});
      await expect(testConnection({ api_key: `  ${API_KEY}\n` })).resolves.toEqual({ connected: true });
    });

    it('fails on the documented 403 Not authenticated, saying the key is wrong or the IP allow-list blocks Zapier', async () => {
      commpeak().post('/messages_status/', PROBE).reply(403, NOT_AUTHENTICATED);
      expect(appError(await rejection(testConnection()))).toEqual(forbiddenError('test the connection'));
    });

    it("reports an outage (5xx) as a problem on CommPeak's side, not as a wrong key", async () => {
      commpeak().post('/messages_status/', PROBE).reply(502, '<html><title>502 Bad Gateway</title></html>');
      expect(appError(await rejection(testConnection()))).toEqual({
        message: `CommPeak failed on its side during "test the connection" ("an HTML error page titled "502 Bad Gateway""). Nothing in this step needs to change: try again later. (HTTP 502)`,
        code: 'provider_unavailable',
        status: 502,
      });
    });

    it('reports a 401 as credentials no longer accepted', async () => {
      commpeak().post('/messages_status/', PROBE).reply(401, NOT_AUTHENTICATED);
      const error = await rejection(testConnection());
      expect(error.name).toBe('ExpiredAuthError');
      // Core appends its own "What happened" section to errors other than AppError.
      expect(error.message.split('\n')[0]).toBe(
        `CommPeak no longer accepts the connection's credentials for "test the connection" ("Not authenticated"). Reconnect the CommPeak account in Zapier with current credentials, then replay this step. (HTTP 401)`,
      );
    });

    it('reports a 429 as throttling with its Retry-After', async () => {
      commpeak().post('/messages_status/', PROBE).reply(429, { detail: 'Too many requests' }, { 'Retry-After': '7' });
      expect(throttle(await rejection(testConnection()))).toEqual({
        message:
          'CommPeak is limiting how often "test the connection" may run ("Too many requests"). Zapier runs the step again in 7 seconds; nothing to change. (HTTP 429)',
        delay: 7,
      });
    });

    it('reports an unreachable CommPeak as such', async () => {
      commpeak().post('/messages_status/', PROBE).replyWithError('connect ECONNREFUSED 203.0.113.7:443');
      expect(appError(await rejection(testConnection()))).toEqual({
        message:
          'Could not reach CommPeak for "test the connection": request to https://sendsms.commpeak.test/messages_status/ failed, reason: connect ECONNREFUSED 203.0.113.7:443. Try again later.',
        code: 'provider_unreachable',
        status: 503,
      });
    });
  });

  it('uses COMMPEAK_BASE_URL when set, and refuses one that is not HTTPS', async () => {
    const saved = process.env.COMMPEAK_BASE_URL;
    try {
      process.env.COMMPEAK_BASE_URL = 'https://textpeak-streams.commpeak.test/';
      nock('https://textpeak-streams.commpeak.test').post('/messages_status/', PROBE).reply(200, []);
      await expect(testConnection()).resolves.toEqual({ connected: true });

      process.env.COMMPEAK_BASE_URL = 'http://sendsms.commpeak.test';
      expect(appError(await rejection(testConnection()))).toEqual({
        message:
          'This integration is misconfigured: COMMPEAK_BASE_URL: "http://sendsms.commpeak.test" must start with https:// (plain HTTP is allowed only for localhost). An integration admin corrects it with `zapier-platform env:set`.',
        code: 'misconfigured',
        status: 500,
      });
    } finally {
      process.env.COMMPEAK_BASE_URL = saved;
    }
  });

  it('defaults to https://sendsms.commpeak.com', async () => {
    const saved = process.env.COMMPEAK_BASE_URL;
    try {
      delete process.env.COMMPEAK_BASE_URL;
      nock('https://sendsms.commpeak.com').post('/messages_status/', PROBE).reply(200, []);
      await expect(testConnection()).resolves.toEqual({ connected: true });
    } finally {
      process.env.COMMPEAK_BASE_URL = saved;
    }
  });

  describe('the connection label', () => {
    // Zapier fills a string label from the bundle as {{bundle.authData.…}}; nothing else of the connection is in it.
    it('is the stream name the user gave, and nothing of the key', () => {
      expect(authentication.connectionLabel).toBe('{{bundle.authData.stream_name}}');
    });

    it('asks for the stream name as an optional field that says where it is shown', () => {
      expect(authentication.fields?.find((field) => field.key === 'stream_name')).toEqual({
        key: 'stream_name',
        label: 'Stream Name',
        type: 'string',
        required: false,
        helpText:
          "The stream's name as [my.commpeak.com](https://my.commpeak.com) shows it, e.g. `Marketing`: Zapier shows it to tell your CommPeak connections apart. It is not sent to CommPeak.",
      });
    });
  });
});
