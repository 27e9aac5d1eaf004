import { createHmac } from 'node:crypto';
import nock from 'nock';
import { handleRelay } from '../../relay/src/relay';

const SECRET = 'test-relay-secret-0123456789abcdef-XYZ';
const HOOK = 'https://hooks.zapier.com/hooks/standard/123/abc/';
// Computed independently: printf '%s' "$HOOK" | base64, and printf '%s' "$HOOK" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 (both made URL-safe, unpadded).
const SIGNED_PATH = '/v1/aHR0cHM6Ly9ob29rcy56YXBpZXIuY29tL2hvb2tzL3N0YW5kYXJkLzEyMy9hYmMv/y7aOScXdkJdYF64BeBg6C4dt0TRGtzIE3zFKS-_qibc';
const RELAY = 'https://relay.example.workers.dev';
const env = { RELAY_SECRET: SECRET };

const encoded = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const signed = (target: string, secret = SECRET) =>
  `/v1/${encoded(target)}/${createHmac('sha256', secret).update(target).digest('base64url')}`;

async function answer(response: Response) {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

const refusal = (status: number, error: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ error }),
});

describe('the validation-token handshake', () => {
  it('answers a GET carrying validation-token with 200 and the same value in the validation-token header, passing nothing on', async () => {
    const request = new Request(`${RELAY}${SIGNED_PATH}`, { headers: { 'validation-token': 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff' } });
    expect(await answer(await handleRelay(request, env))).toEqual({
      status: 200,
      headers: { 'validation-token': 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff' },
      body: '',
    });
  });

  it('answers a POST carrying validation-token the same way (RingCentral-style), passing nothing on', async () => {
    const request = new Request(`${RELAY}${SIGNED_PATH}`, { method: 'POST', headers: { 'validation-token': 'token-2' }, body: '' });
    expect(await answer(await handleRelay(request, env))).toEqual({ status: 200, headers: { 'validation-token': 'token-2' }, body: '' });
  });

  it('answers under a path prefix too (a relay behind a route)', async () => {
    const request = new Request(`${RELAY}/hooks/stratustexting${SIGNED_PATH}`, { headers: { 'validation-token': 'token-1' } });
    expect((await handleRelay(request, env)).headers.get('validation-token')).toBe('token-1');
  });

  it('refuses an empty token, one over 1024 characters, and a GET without one', async () => {
    const get = (headers: Record<string, string>) => handleRelay(new Request(`${RELAY}${SIGNED_PATH}`, { headers }), env).then(answer);
    expect(await get({ 'validation-token': '' })).toEqual(refusal(400, 'The validation-token header must hold 1 to 1024 characters.'));
    expect(await get({ 'validation-token': 'x'.repeat(1025) })).toEqual(
      refusal(400, 'The validation-token header must hold 1 to 1024 characters.'),
    );
    expect((await get({ 'validation-token': 'x'.repeat(1024) })).status).toBe(200);
    expect(await get({})).toEqual(refusal(400, 'A GET must carry a validation-token header.'));
  });
});

describe('what the relay refuses', () => {
  it.each([
    ['a signature made with another secret', signed(HOOK, 'another-secret-0123456789abcdef-XYZ')],
    [
      'a target swapped under a valid signature',
      `/v1/${encoded('https://hooks.zapier.com/hooks/standard/999/xyz/')}/${SIGNED_PATH.split('/')[3]}`,
    ],
    ['a signature with one character changed', SIGNED_PATH.replace('/y7aO', '/y7bO')],
    ['the same signature spelled another way (the last character carries unused bits)', SIGNED_PATH.replace(/c$/, 'd')],
    ['a target that is not base64url text', `/v1/____/${SIGNED_PATH.split('/')[3]}`],
  ])('%s: 403, for the handshake and for events alike', async (_case, path) => {
    const handshake = new Request(`${RELAY}${path}`, { headers: { 'validation-token': 't' } });
    const event = new Request(`${RELAY}${path}`, { method: 'POST', body: '{}' });
    expect(await answer(await handleRelay(handshake, env))).toEqual(refusal(403, 'This relay did not sign this address.'));
    expect(await answer(await handleRelay(event, env))).toEqual(refusal(403, 'This relay did not sign this address.'));
  });

  it.each([
    ['another host', 'https://example.com/hooks/standard/123/abc/'],
    ['a look-alike host', 'https://hooks.zapier.com.example.com/hooks/standard/123/abc/'],
    ['plain HTTP', 'http://hooks.zapier.com/hooks/standard/123/abc/'],
    ['another port', 'https://hooks.zapier.com:8443/hooks/standard/123/abc/'],
    ['a path outside /hooks/', 'https://hooks.zapier.com/api/v1/profile'],
    ['a user and password', 'https://user:pass@hooks.zapier.com/hooks/standard/123/abc/'],
    ['loopback not allowed by RELAY_ALLOWED_ORIGINS', 'http://127.0.0.1:9000/hooks/catch/'],
  ])('a signed target on %s: 403, nothing sent', async (_case, target) => {
    const request = new Request(`${RELAY}${signed(target)}`, { method: 'POST', body: '{}' });
    expect(await answer(await handleRelay(request, env))).toEqual(refusal(403, 'The relay passes events only to Zapier hook URLs.'));
  });

  it('404 for an address that is not a relay path', async () => {
    expect(await answer(await handleRelay(new Request(`${RELAY}/`), env))).toEqual(
      refusal(404, 'Not a relay address: expected /v1/<target>/<signature>.'),
    );
  });

  it('405 for methods other than GET, POST, PUT and PATCH', async () => {
    expect(await answer(await handleRelay(new Request(`${RELAY}${SIGNED_PATH}`, { method: 'DELETE' }), env))).toEqual(
      refusal(405, 'The relay answers GET (the handshake) and passes on POST, PUT, PATCH.', { allow: 'GET, POST, PUT, PATCH' }),
    );
  });

  it('413 for a body over 256 KiB, declared or streamed, without passing it on', async () => {
    const tooLarge = refusal(413, 'The body is larger than the 262144 bytes the relay carries.');
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(200 * 1024));
        controller.enqueue(new Uint8Array(56 * 1024 + 1));
        controller.close();
      },
    });
    const chunked = new Request(`${RELAY}${SIGNED_PATH}`, { method: 'POST', body: streamed, duplex: 'half' } as RequestInit);
    expect(await answer(await handleRelay(chunked, env))).toEqual(tooLarge);
    const declared = new Request(`${RELAY}${SIGNED_PATH}`, { method: 'POST', headers: { 'content-length': '262145' }, body: 'x' });
    expect(await answer(await handleRelay(declared, env))).toEqual(tooLarge);
  });

  it.each([
    ['no RELAY_SECRET', {}],
    ['a RELAY_SECRET under 32 characters', { RELAY_SECRET: 'x'.repeat(31) }],
  ])('500 with %s, saying what to set', async (_case, settings) => {
    const request = new Request(`${RELAY}${SIGNED_PATH}`, { headers: { 'validation-token': 't' } });
    expect(await answer(await handleRelay(request, settings))).toEqual(
      refusal(500, 'The relay is not configured: set RELAY_SECRET (at least 32 characters) with `npx wrangler secret put RELAY_SECRET`.'),
    );
  });

  it('500 when RELAY_ALLOWED_ORIGINS names anything but a loopback origin', async () => {
    const request = new Request(`${RELAY}${SIGNED_PATH}`, { headers: { 'validation-token': 't' } });
    for (const origins of ['https://example.com', 'http://127.0.0.1:9000/path', 'not a url']) {
      expect(await answer(await handleRelay(request.clone(), { ...env, RELAY_ALLOWED_ORIGINS: origins }))).toEqual(
        refusal(500, 'RELAY_ALLOWED_ORIGINS may name only loopback origins, such as http://127.0.0.1:8080.'),
      );
    }
  });
});

describe('passing an event on to the Zap', () => {
  it('sends the method, body and content-type (and no other header) to the hook URL, and answers with what Zapier answered', async () => {
    const event = '{"uuid":"0f0d7c1e","messageInfo":{"messageId":"6650a1","lastUpdated":1749579000000}}';
    let received: { headers: Record<string, unknown>; body: unknown } | undefined;
    nock('https://hooks.zapier.com')
      .post('/hooks/standard/123/abc/')
      .reply(function (_uri, body) {
        received = { headers: this.req.headers, body };
        return [200, { status: 'success', id: 'zap-request-1' }];
      });
    const request = new Request(`${RELAY}${SIGNED_PATH}?ignored=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer provider-token', 'x-api-key': 'provider-key' },
      body: event,
    });
    expect(await answer(await handleRelay(request, env))).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"success","id":"zap-request-1"}',
    });
    expect(received?.body).toEqual(JSON.parse(event));
    expect(received?.headers['content-type']).toBe('application/json');
    expect(
      Object.keys(received?.headers ?? {}).filter((name) => ['authorization', 'x-api-key', 'validation-token'].includes(name)),
    ).toEqual([]);
  });

  it.each(['PUT', 'PATCH'])('passes %s on as it came', async (method) => {
    nock('https://hooks.zapier.com')
      .intercept('/hooks/standard/123/abc/', method, 'name=Lee')
      .reply(200, 'ok', { 'content-type': 'text/plain' });
    const request = new Request(`${RELAY}${SIGNED_PATH}`, {
      method,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Lee',
    });
    expect(await answer(await handleRelay(request, env))).toEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' });
  });

  it("passes Zapier's refusal back (410: the Zap is off) and does not follow a redirect", async () => {
    nock('https://hooks.zapier.com').post('/hooks/standard/123/abc/').reply(410, { status: 'gone' });
    const gone = await handleRelay(new Request(`${RELAY}${SIGNED_PATH}`, { method: 'POST', body: '{}' }), env);
    expect([gone.status, await gone.text()]).toEqual([410, '{"status":"gone"}']);

    nock('https://hooks.zapier.com').post('/hooks/standard/123/abc/').reply(302, '', { location: 'https://example.com/elsewhere' });
    const moved = await handleRelay(new Request(`${RELAY}${SIGNED_PATH}`, { method: 'POST', body: '{}' }), env);
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBeNull();
  });

  it('502 when Zapier cannot be reached', async () => {
    nock('https://hooks.zapier.com').post('/hooks/standard/123/abc/').replyWithError('connect ECONNREFUSED');
    expect(await answer(await handleRelay(new Request(`${RELAY}${SIGNED_PATH}`, { method: 'POST', body: '{}' }), env))).toEqual(
      refusal(502, 'Zapier could not be reached.'),
    );
  });

  it('relays to a loopback origin named in RELAY_ALLOWED_ORIGINS', async () => {
    nock('http://127.0.0.1:9000').post('/hooks/catch/tour/', { ok: true }).reply(200, {});
    const request = new Request(`${RELAY}${signed('http://127.0.0.1:9000/hooks/catch/tour/')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    const relayed = await handleRelay(request, { ...env, RELAY_ALLOWED_ORIGINS: 'http://127.0.0.1:9000, http://localhost:9001' });
    expect(relayed.status).toBe(200);
  });
});
