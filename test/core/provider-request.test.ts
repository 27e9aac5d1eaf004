import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { callProvider, callProviderOrNull, callProviderWrite } from '../../src/core/provider-request';
import { appOf } from '../support/apps';
import { appError, rejection } from '../support/errors';
import { runner } from '../support/run';

const API = 'https://api.acme-sms.test';
const getMessage = { provider: 'Acme SMS', action: 'Find Message' };
const messageSchema = schema.object({ id: schema.string(), status: schema.enum(['queued', 'sent', 'delivered']) });

const fetchMessage = async (z: ZObject, bundle: Bundle) =>
  callProvider(z, { url: `${API}/messages/${bundle.inputData.id}`, method: 'GET' }, messageSchema, getMessage);

const findMessage = async (z: ZObject, bundle: Bundle) => {
  const found = await callProviderOrNull(z, { url: `${API}/messages/${bundle.inputData.id}` }, messageSchema, getMessage);
  return found ? [found] : [];
};

const acknowledge = async (z: ZObject) => {
  const request = { url: `${API}/acknowledgements`, method: 'POST', body: { all: true } } as const;
  const answer = await callProvider(z, request, schema.undefined(), { provider: 'Acme SMS', action: 'Acknowledge' });
  return { bodyWasEmpty: answer === undefined };
};

const postNote = async (z: ZObject, bundle: Bundle) => {
  const request = { url: `${API}/notes`, method: 'POST', body: { text: bundle.inputData.text } } as const;
  return callProvider(z, request, schema.object({ id: schema.string() }), { provider: 'Acme SMS', action: 'Post Note' });
};

const run = runner(
  appOf({ creates: { fetch_message: fetchMessage, post_note: postNote, acknowledge }, searches: { find_message: findMessage } }),
);
const bundle = { inputData: { id: 'msg_42' } };

describe('callProvider', () => {
  it('returns the body parsed by the schema', async () => {
    nock(API).get('/messages/msg_42').reply(200, { id: 'msg_42', status: 'delivered', extra: 'dropped by the schema' });
    await expect(run.create('fetch_message', bundle)).resolves.toEqual({ id: 'msg_42', status: 'delivered' });
  });

  it('sends the request as given, method and body included, and reads an empty body as undefined', async () => {
    nock(API).post('/acknowledgements', { all: true }).reply(204, '');
    await expect(run.create('acknowledge')).resolves.toEqual({ bodyWasEmpty: true });
  });

  it('identifies itself to the provider as Zapier', async () => {
    nock(API, { reqheaders: { 'user-agent': 'Zapier' } })
      .get('/messages/msg_42')
      .reply(200, { id: 'msg_42', status: 'sent' });
    await expect(run.create('fetch_message', bundle)).resolves.toEqual({ id: 'msg_42', status: 'sent' });
  });

  it("sends a user's text verbatim, even one that looks like a Zapier template", async () => {
    const text = 'Hi {{bundle.inputData.name}}, your code is {{process.env.CODE}}';
    nock(API).post('/notes', { text }).reply(201, { id: 'note_1' });
    await expect(run.create('post_note', { inputData: { text } })).resolves.toEqual({ id: 'note_1' });
  });

  it('maps an HTTP error once to the matching Zapier error', async () => {
    nock(API).get('/messages/msg_42').reply(401, { message: 'Invalid API key' });
    const error = await rejection(run.create('fetch_message', bundle));
    expect(error.name).toBe('ExpiredAuthError');
    // The runtime appends "What happened: ..." to auth errors; the first line is ours.
    expect(error.message.split('\n')[0]).toBe(
      'Acme SMS no longer accepts the connection\'s credentials for "Find Message" ("Invalid API key"). ' +
        'Reconnect the Acme SMS account in Zapier with current credentials, then replay this step. (HTTP 401)',
    );
  });

  it('maps a 429 to a ThrottledError carrying the Retry-After delay', async () => {
    nock(API).get('/messages/msg_42').reply(429, { message: 'Slow down' }, { 'Retry-After': '17' });
    const error = await rejection(run.create('fetch_message', bundle));
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message:
        'Acme SMS is limiting how often "Find Message" may run ("Slow down"). Zapier runs the step again in 17 seconds; nothing to change. (HTTP 429)',
      delay: 17,
    });
  });

  it.each([
    {
      name: 'maps a 5xx to a provider_unavailable error',
      answer: (request: nock.Interceptor) => request.reply(503, '<html><head><title>Service Unavailable</title></head></html>'),
      error: {
        message:
          'Acme SMS failed on its side during "Find Message" ("an HTML error page titled "Service Unavailable""). ' +
          'Nothing in this step needs to change: try again later. (HTTP 503)',
        code: 'provider_unavailable',
        status: 503,
      },
    },
    {
      name: 'refuses a body that does not fit the schema, saying where',
      answer: (request: nock.Interceptor) => request.reply(200, { id: 42, status: 'lost' }),
      error: {
        message:
          'Acme SMS answered "Find Message" with a response this integration does not understand ' +
          "(id: Expected string, received number; status: Invalid enum value. Expected 'queued' | 'sent' | 'delivered', received 'lost'). (HTTP 200)",
        code: 'unexpected_response',
        status: 200,
      },
    },
    {
      name: 'refuses a body that is not JSON, as a string the schema does not expect',
      answer: (request: nock.Interceptor) => request.reply(200, 'OK', { 'Content-Type': 'text/plain' }),
      error: {
        message:
          'Acme SMS answered "Find Message" with a response this integration does not understand (body: Expected object, received string). (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      },
    },
    {
      name: 'refuses an empty body where the schema expects one',
      answer: (request: nock.Interceptor) => request.reply(200, ''),
      error: {
        message: 'Acme SMS answered "Find Message" with a response this integration does not understand (body: Required). (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      },
    },
    {
      name: 'refuses an HTML page sent with 200: a login page or a proxy is never a success',
      answer: (request: nock.Interceptor) =>
        request.reply(200, '<!DOCTYPE html><html><head><title>Sign in</title></head></html>', { 'Content-Type': 'text/html' }),
      error: {
        message:
          'Acme SMS answered "Find Message" with an HTML error page titled "Sign in" instead of data: check that the step reaches the Acme SMS API. (HTTP 200)',
        code: 'unexpected_response',
        status: 200,
      },
    },
    {
      name: 'says the provider could not be reached when the connection fails',
      answer: (request: nock.Interceptor) => request.replyWithError('connect ECONNREFUSED 203.0.113.7:443'),
      error: {
        message:
          'Could not reach Acme SMS for "Find Message": request to https://api.acme-sms.test/messages/msg_42 failed, reason: connect ECONNREFUSED 203.0.113.7:443. Try again later.',
        code: 'provider_unreachable',
        status: 503,
      },
    },
  ])('$name', async ({ answer, error }) => {
    answer(nock(API).get('/messages/msg_42'));
    expect(appError(await rejection(run.create('fetch_message', bundle)))).toEqual(error);
  });
});

describe('callProviderOrNull', () => {
  it('returns null on a 404', async () => {
    nock(API).get('/messages/msg_42').reply(404, { message: 'Not found' });
    await expect(run.search('find_message', bundle)).resolves.toEqual([]);
  });

  it('returns the parsed body on success', async () => {
    nock(API).get('/messages/msg_42').reply(200, { id: 'msg_42', status: 'sent' });
    await expect(run.search('find_message', bundle)).resolves.toEqual([{ id: 'msg_42', status: 'sent' }]);
  });

  it('maps every other HTTP error as callProvider does', async () => {
    nock(API).get('/messages/msg_42').reply(403, { detail: 'API access is disabled' });
    expect(appError(await rejection(run.search('find_message', bundle)))).toEqual({
      message:
        'Acme SMS refused the connected account access to "Find Message" ("API access is disabled"). Check that the connected Acme SMS account may do this. (HTTP 403)',
      code: 'forbidden',
      status: 403,
    });
  });
});

describe('callProvider under faults', () => {
  afterEach(() => {
    delete process.env.PROVIDER_REQUEST_TIMEOUT_MS;
  });

  it('gives up after PROVIDER_REQUEST_TIMEOUT_MS, naming the provider and the operation', async () => {
    process.env.PROVIDER_REQUEST_TIMEOUT_MS = '1000';
    nock(API).get('/messages/msg_42').delay(1500).reply(200, { id: 'msg_42', status: 'sent' });
    expect(appError(await rejection(run.create('fetch_message', bundle)))).toEqual({
      message:
        'Acme SMS did not answer "Find Message" within 1 seconds. It may or may not have been carried out: check Acme SMS before running this step again.',
      code: 'provider_timeout',
      status: 504,
    });
  });

  it('never quotes a credential of the request that the provider echoes back', async () => {
    const sendWithKey = async (z: ZObject) =>
      callProvider(
        z,
        { url: `${API}/messages`, method: 'POST', headers: { 'X-Api-Key': 'key-0123456789' }, body: { password: 'hunter2-hunter2' } },
        messageSchema,
        getMessage,
      );
    const withKey = runner(appOf({ creates: { send_with_key: sendWithKey } }));
    nock(API).post('/messages').reply(422, { message: 'Bad key key-0123456789 or password hunter2-hunter2' });
    expect(appError(await rejection(withKey.create('send_with_key'))).message).toBe(
      'Acme SMS refused the values given for "Find Message" ("Bad key [redacted] or password [redacted]"). Check the values in this step against that reason, then replay it. (HTTP 422)',
    );
  });
});

describe('callProvider with auth the runtime refreshes', () => {
  const refreshing = runner(
    appOf({
      authentication: { type: 'session', fields: [], test: async () => ({}), sessionConfig: { perform: async () => ({ token: 't' }) } },
      creates: { fetch_message: fetchMessage },
    }),
  );

  it('names the provider and the operation in the RefreshAuthError the runtime raises on a 401', async () => {
    nock(API).get('/messages/msg_42').reply(401, { message: 'Token expired' });
    const error = await rejection(refreshing.create('fetch_message', bundle));
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toBe(
      'Acme SMS did not accept the connection\'s access token for "Find Message" ("the access token was not accepted"). ' +
        'Zapier refreshes the token and runs the step again. (HTTP 401)',
    );
  });
});

describe("a provider echoing the request's credentials in a success", () => {
  const echoed = schema.object({ note: schema.string() }).passthrough();
  const call = (issuesCredentials: boolean) => async (z: ZObject) =>
    callProvider(
      z,
      { url: `${API}/echo`, method: 'POST', headers: { Authorization: 'Bearer tok-1234567890' }, body: { password: 'pw-0987654321' } },
      echoed,
      { provider: 'Acme SMS', action: 'Echo', issuesCredentials },
    );
  const echoes = runner(appOf({ creates: { echo: call(false), token_echo: call(true) } }));

  it('has them blanked out before they can reach the step output', async () => {
    nock(API).post('/echo').reply(200, { note: 'got Bearer tok-1234567890 and pw-0987654321' });
    await expect(echoes.create('echo', bundle)).resolves.toEqual({ note: 'got [redacted] and [redacted]' });
  });

  it('keeps what a token endpoint hands out, even when it repeats what was sent', async () => {
    nock(API).post('/echo').reply(200, { note: 'refresh token pw-0987654321 still valid' });
    await expect(echoes.create('token_echo', bundle)).resolves.toEqual({ note: 'refresh token pw-0987654321 still valid' });
  });
});

describe('redirects', () => {
  const OTHER = 'https://collector.evil.test';
  const withKey = async (z: ZObject, bundle: Bundle) =>
    callProvider(
      z,
      {
        url: `${API}/notes`,
        method: bundle.inputData.method as 'GET' | 'POST',
        headers: { 'X-Api-Key': 'key-0123456789' },
        body: { text: 'hi' },
      },
      schema.object({ id: schema.string() }),
      { provider: 'Acme SMS', action: 'Post Note' },
    );
  const redirected = runner(appOf({ creates: { post_note: withKey } }));

  it.each([301, 302, 303, 307, 308])(
    'never follows a %s to another host: the step fails naming the host, and the key stays home',
    async (status) => {
      nock(API)
        .post('/notes')
        .reply(status, '', { Location: `${OTHER}/steal?x=1` });
      const collector = nock(OTHER)
        .post('/steal')
        .query(true)
        .reply(200, { id: 'stolen' })
        .get('/steal')
        .query(true)
        .reply(200, { id: 'stolen' });
      expect(appError(await rejection(redirected.create('post_note', { inputData: { method: 'POST' } })))).toEqual({
        message: `Acme SMS redirected "Post Note" to another host, collector.evil.test, and the request was not followed: the step's credentials stay with Acme SMS's own address. Check the address the integration uses. (HTTP ${status})`,
        code: 'redirect_refused',
        status,
      });
      expect(collector.isDone()).toBe(false);
      nock.cleanAll();
    },
  );

  it('refuses a same-host redirect that drops from HTTPS to HTTP (another origin)', async () => {
    nock(API).post('/notes').reply(307, '', { Location: 'http://api.acme-sms.test/notes/' });
    expect(appError(await rejection(redirected.create('post_note', { inputData: { method: 'POST' } }))).message).toContain(
      'redirected "Post Note" to another host, api.acme-sms.test, and the request was not followed',
    );
  });

  it.each([307, 308])('follows a same-host %s, re-sending the method, the body and the key (a trailing-slash redirect)', async (status) => {
    nock(API).post('/notes', { text: 'hi' }).reply(status, '', { Location: '/notes/' });
    nock(API, { reqheaders: { 'x-api-key': 'key-0123456789' } })
      .post('/notes/', { text: 'hi' })
      .reply(201, { id: 'note_1' });
    await expect(redirected.create('post_note', { inputData: { method: 'POST' } })).resolves.toEqual({ id: 'note_1' });
  });

  it.each([301, 302, 303])('follows a same-host %s on a read (GET), which stays a read', async (status) => {
    nock(API)
      .get('/notes')
      .reply(status, '', { Location: `${API}/notes/note_1` });
    nock(API, { reqheaders: { 'x-api-key': 'key-0123456789' } })
      .get('/notes/note_1')
      .reply(200, { id: 'note_1' });
    await expect(redirected.create('post_note', { inputData: { method: 'GET' } })).resolves.toEqual({ id: 'note_1' });
  });

  it.each([301, 302, 303])(
    'never turns a write into a GET on a same-host %s: the step fails saying it may have been carried out, and no GET is made',
    async (status) => {
      nock(API)
        .post('/notes', { text: 'hi' })
        .reply(status, '', { Location: `${API}/notes/note_1` });
      const read = nock(API).get('/notes/note_1').reply(200, { id: 'note_1' });
      expect(appError(await rejection(redirected.create('post_note', { inputData: { method: 'POST' } })))).toEqual({
        message: `Acme SMS redirected "Post Note" to /notes/note_1 instead of answering it, and the redirect was not followed: it would repeat the request as a GET without its content. "Post Note" may have been carried out: check Acme SMS before running this step again. (HTTP ${status})`,
        code: 'redirect_refused',
        status,
      });
      expect(read.isDone()).toBe(false);
      nock.cleanAll();
    },
  );

  it('fails a redirect whose Location is not an address, naming no host', async () => {
    nock(API).get('/notes').reply(302, '', { Location: 'http://[not-an-address' });
    expect(appError(await rejection(redirected.create('post_note', { inputData: { method: 'GET' } }))).message).toContain(
      'redirected "Post Note" without saying where to, and the request was not followed',
    );
  });

  it('gives up after three same-host redirects in a row', async () => {
    nock(API).get('/notes').reply(307, '', { Location: '/a' }).get('/a').reply(307, '', { Location: '/b' });
    nock(API).get('/b').reply(307, '', { Location: '/c' }).get('/c').reply(307, '', { Location: '/d' });
    expect(appError(await rejection(redirected.create('post_note', { inputData: { method: 'GET' } })))).toEqual({
      message:
        'Acme SMS redirected "Post Note" more than 3 times in a row, and the request was not followed: the step\'s credentials stay with Acme SMS\'s own address. Check the address the integration uses. (HTTP 307)',
      code: 'redirect_refused',
      status: 307,
    });
  });

  it('fails a redirect that does not say where to', async () => {
    nock(API).get('/notes').reply(302, '');
    expect(appError(await rejection(redirected.create('post_note', { inputData: { method: 'GET' } }))).message).toContain(
      'redirected "Post Note" without saying where to, and the request was not followed',
    );
  });
});

describe('callProviderWrite: a write the provider accepted', () => {
  const note = schema.object({ id: schema.string(), text: schema.string() });
  const write = async (z: ZObject) =>
    callProviderWrite(
      z,
      { url: `${API}/notes`, method: 'POST', headers: { Authorization: 'Bearer tok-1234567890' }, body: { text: 'hi' } },
      note,
      { provider: 'Acme SMS', action: 'Post Note' },
    );
  const writes = runner(appOf({ creates: { post_note: write } }));

  it('returns the answer parsed by the schema when it fits', async () => {
    nock(API).post('/notes', { text: 'hi' }).reply(201, { id: 'note_1', text: 'hi', extra: 1 });
    await expect(writes.create('post_note')).resolves.toEqual({ id: 'note_1', text: 'hi' });
  });

  it('is a success, with the whole answer flattened and a note, when the answer has another shape', async () => {
    nock(API)
      .post('/notes')
      .reply(200, { data: { noteId: 7, tags: ['a', 'b'] }, echo: 'Bearer tok-1234567890', ok: true, none: null });
    await expect(writes.create('post_note')).resolves.toEqual({
      response_understood: false,
      response_note:
        'Acme SMS accepted "Post Note" but sent an answer this integration does not read (id: Required; text: Required). ' +
        "The write is done: do not run this step again for it. Acme SMS's whole answer is in the Response fields. (HTTP 200)",
      response__data__noteId: 7,
      response__data__tags__0: 'a',
      response__data__tags__1: 'b',
      response__echo: '[redacted]',
      response__ok: true,
      response__none: null,
    });
  });

  it.each([
    ['an empty body', 204, '', 'an answer this integration does not read (body: Required)', { response: null }],
    [
      'plain text',
      200,
      'Saved',
      'an answer this integration does not read (body: Expected object, received string)',
      { response: 'Saved' },
    ],
    [
      'an HTML page',
      200,
      '<!DOCTYPE html><html><head><title>Saved</title></head></html>',
      'a web page instead of data',
      { response: '<!DOCTYPE html><html><head><title>Saved</title></head></html>' },
    ],
  ])('is a success when a 2xx carries %s', async (_case, status, body, what, raw) => {
    nock(API).post('/notes').reply(status, body);
    await expect(writes.create('post_note')).resolves.toEqual({
      response_understood: false,
      response_note: `Acme SMS accepted "Post Note" but sent ${what}. The write is done: do not run this step again for it. Acme SMS's whole answer is in the Response fields. (HTTP ${status})`,
      ...raw,
    });
  });

  it('still fails on an HTTP error', async () => {
    nock(API).post('/notes').reply(422, { message: 'text is too long' });
    expect(appError(await rejection(writes.create('post_note')))).toEqual({
      message:
        'Acme SMS refused the values given for "Post Note" ("text is too long"). Check the values in this step against that reason, then replay it. (HTTP 422)',
      code: 'provider_rejected',
      status: 422,
    });
  });
});
