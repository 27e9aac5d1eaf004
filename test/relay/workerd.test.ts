import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The relay in the Workers runtime itself: relay/src bundled by esbuild as `wrangler deploy`
 * bundles it, run by workerd through Miniflare (both installed in relay/ by `npm install --prefix
 * relay`). Each event the relay passes on reaches `outboundService` here instead of the network.
 */
const RELAY_DIR = join(__dirname, '..', '..', 'relay');
const haveMiniflare = existsSync(join(RELAY_DIR, 'node_modules', 'miniflare', 'package.json'));
const SUITE = 'the relay in workerd (the Cloudflare Workers runtime)';
if (!haveMiniflare && process.env.CI) throw new Error('CI must install the relay’s packages: `npm install --prefix relay` (.ci/run does).');
const describeInWorkerd = haveMiniflare ? describe : describe.skip;

const SECRET = 'test-relay-secret-0123456789abcdef-XYZ';
// The same signed path as relay.test.ts, computed there independently with openssl.
const SIGNED_PATH = '/v1/aHR0cHM6Ly9ob29rcy56YXBpZXIuY29tL2hvb2tzL3N0YW5kYXJkLzEyMy9hYmMv/y7aOScXdkJdYF64BeBg6C4dt0TRGtzIE3zFKS-_qibc';
const OTHER_SECRET_PATH =
  '/v1/aHR0cHM6Ly9ob29rcy56YXBpZXIuY29tL2hvb2tzL3N0YW5kYXJkLzEyMy9hYmMv/y7bOScXdkJdYF64BeBg6C4dt0TRGtzIE3zFKS-_qibc';
const RELAY = 'https://relay.example.workers.dev';

/** The few parts of Miniflare's API used here, typed locally so type-checking does not need relay/node_modules. */
interface Workerd {
  dispatchFetch(url: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}
interface Bundler {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
}
interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

// Set by Miniflare's transport between Node and workerd, or by workerd's HTTP server (which closes
// the connection when a refused body was left unread, depending on how much of it had arrived):
// never by the relay.
const TRANSPORT_HEADERS = ['mf-content-encoding', 'transfer-encoding', 'connection'];
async function answer(response: Response) {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !TRANSPORT_HEADERS.includes(name)));
  return { status: response.status, headers, body: await response.text() };
}
const refusal = (status: number, error: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ error }),
});

describeInWorkerd(haveMiniflare ? SUITE : `${SUITE}, as relay/node_modules has no miniflare: run \`npm install --prefix relay\``, () => {
  const sent: Sent[] = [];
  let zapierAnswers: () => Response;
  let workerd: Workerd;

  beforeAll(async () => {
    const fromRelay = createRequire(join(RELAY_DIR, 'package.json'));
    const { build } = fromRelay('esbuild') as Bundler;
    const { Miniflare, convertV4MiniflareOptions } = fromRelay('miniflare');
    const bundled = await build({
      entryPoints: [join(RELAY_DIR, 'src', 'index.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
    });
    workerd = new Miniflare(
      convertV4MiniflareOptions({
        modules: true,
        script: bundled.outputFiles[0]?.text,
        compatibilityDate: '2025-06-01',
        // No request.cf data: its fetch from Cloudflare would need the network.
        cf: false,
        bindings: { RELAY_SECRET: SECRET },
        outboundService: async (request: Request) => {
          sent.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
          return zapierAnswers();
        },
      }),
    ) as Workerd;
  }, 60_000);

  afterAll(() => workerd?.dispose());

  beforeEach(() => {
    sent.length = 0;
    zapierAnswers = () => new Response('{"status":"success"}', { status: 200, headers: { 'content-type': 'application/json' } });
  });

  it('answers the validation-token handshake with 200 and the same token, passing nothing on', async () => {
    const response = await workerd.dispatchFetch(`${RELAY}${SIGNED_PATH}`, { headers: { 'validation-token': 'a1b2c3d4-e5f6' } });
    expect(await answer(response)).toEqual({ status: 200, headers: { 'validation-token': 'a1b2c3d4-e5f6' }, body: '' });
    expect(sent).toEqual([]);
  });

  it('passes a signed event on to the hook URL with its body and content-type only, and answers with what Zapier answered', async () => {
    const event = '{"uuid":"0f0d7c1e","messageInfo":{"messageId":"6650a1"}}';
    const response = await workerd.dispatchFetch(`${RELAY}${SIGNED_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer provider-token', 'x-api-key': 'provider-key' },
      body: event,
    });
    expect(await answer(response)).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"success"}' });
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://hooks.zapier.com/hooks/standard/123/abc/',
        // host, content-length and cf-worker are set by the Workers runtime on every outgoing fetch.
        headers: {
          'cf-worker': 'worker.example.com',
          'content-length': String(event.length),
          'content-type': 'application/json',
          host: 'hooks.zapier.com',
        },
        body: event,
      },
    ]);
  });

  it('passes a redirect back without following it', async () => {
    zapierAnswers = () => new Response(null, { status: 302, headers: { location: 'https://example.com/elsewhere' } });
    const response = await workerd.dispatchFetch(`${RELAY}${SIGNED_PATH}`, { method: 'POST', body: '{}' });
    expect(await answer(response)).toEqual({ status: 302, headers: {}, body: '' });
    expect(sent.map((request) => request.url)).toEqual(['https://hooks.zapier.com/hooks/standard/123/abc/']);
  });

  it.each([
    [
      'a path signed with another secret',
      OTHER_SECRET_PATH,
      { method: 'POST', body: '{}' },
      refusal(403, 'This relay did not sign this address.'),
    ],
    ['an address that is not a relay path', '/', {}, refusal(404, 'Not a relay address: expected /v1/<target>/<signature>.')],
    [
      'a DELETE',
      SIGNED_PATH,
      { method: 'DELETE' },
      refusal(405, 'The relay answers GET (the handshake) and passes on POST, PUT, PATCH.', { allow: 'GET, POST, PUT, PATCH' }),
    ],
    ['a GET without a validation-token', SIGNED_PATH, {}, refusal(400, 'A GET must carry a validation-token header.')],
  ])('refuses %s, passing nothing on', async (_case, path, init, expected) => {
    expect(await answer(await workerd.dispatchFetch(`${RELAY}${path}`, init))).toEqual(expected);
    expect(sent).toEqual([]);
  });

  it('carries a body of exactly 256 KiB and refuses one byte more, declared or streamed, passing nothing on', async () => {
    const bound = 262_144;
    const atBound = await workerd.dispatchFetch(`${RELAY}${SIGNED_PATH}`, { method: 'POST', body: 'x'.repeat(bound) });
    expect(atBound.status).toBe(200);
    expect(sent.map((request) => request.body.length)).toEqual([bound]);
    sent.length = 0;

    const tooLarge = refusal(413, 'The body is larger than the 262144 bytes the relay carries.');
    const declared = await workerd.dispatchFetch(`${RELAY}${SIGNED_PATH}`, { method: 'POST', body: 'x'.repeat(bound + 1) });
    expect(await answer(declared)).toEqual(tooLarge);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(200 * 1024));
        controller.enqueue(new Uint8Array(56 * 1024 + 1));
        controller.close();
      },
    });
    const chunked = await workerd.dispatchFetch(`${RELAY}${SIGNED_PATH}`, {
      method: 'POST',
      body: streamed,
      duplex: 'half',
    } as RequestInit);
    expect(await answer(chunked)).toEqual(tooLarge);
    expect(sent).toEqual([]);
  });
});
