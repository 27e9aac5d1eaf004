import { RELAY_PATH, verifiedTarget } from './signed-target';

/**
 * The StratusTexting hook relay. On subscribe, the Beetexting Connect platform checks the callback
 * URL: a GET carrying a `validation-token` header, which the receiver must answer with HTTP 200
 * and the same value in a `validation-token` response header (documented with "Create or update
 * subscription", https://developer.beetexting.com/create-or-update-subscription-21352087e0.md).
 * A Zapier hook URL cannot echo a header, so the integration registers this relay's address
 * instead: the relay answers the check itself and passes every event on to the Zap's hook URL.
 *
 * It is not an open proxy: it relays only to addresses it signed (see signed-target.ts), only to
 * Zapier hook URLs, and keeps nothing. Only Web-standard APIs, so it runs on Cloudflare Workers
 * and in Node.
 */

export interface RelayEnv {
  /** The HMAC key shared with the integration's STRATUSTEXTING_HOOK_RELAY_SECRET. */
  RELAY_SECRET?: string;
  /** Extra loopback origins to relay to (tests, the tour), comma separated: `http://127.0.0.1:8080`. */
  RELAY_ALLOWED_ORIGINS?: string;
}

const ZAPIER_HOOKS_ORIGIN = 'https://hooks.zapier.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MIN_SECRET_LENGTH = 32;
const MAX_BODY_BYTES = 256 * 1024;
const MAX_TOKEN_LENGTH = 1024;
const UPSTREAM_TIMEOUT_MS = 10_000;
const RELAYED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function refuse(status: number, error: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json', ...headers } });
}

type Settings = { secret: string; extraOrigins: Set<string> } | { problem: string };

function settingsOf(env: RelayEnv): Settings {
  const secret = env.RELAY_SECRET ?? '';
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      problem: `The relay is not configured: set RELAY_SECRET (at least ${MIN_SECRET_LENGTH} characters) with \`npx wrangler secret put RELAY_SECRET\`.`,
    };
  }
  const extraOrigins = new Set<string>();
  for (const entry of (env.RELAY_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim())) {
    if (entry === '') continue;
    const url = URL.canParse(entry) ? new URL(entry) : null;
    if (!url || url.origin !== entry || !LOOPBACK_HOSTS.has(url.hostname)) {
      return { problem: 'RELAY_ALLOWED_ORIGINS may name only loopback origins, such as http://127.0.0.1:8080.' };
    }
    extraOrigins.add(entry);
  }
  return { secret, extraOrigins };
}

function isRelayable(target: string, extraOrigins: Set<string>): boolean {
  const url = URL.canParse(target) ? new URL(target) : null;
  if (!url || url.username !== '' || url.password !== '') return false;
  if (url.origin === ZAPIER_HOOKS_ORIGIN) return url.pathname.startsWith('/hooks/');
  return extraOrigins.has(url.origin);
}

/** The request's body, or null when it is larger than the relay carries. */
async function boundedBody(request: Request): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function answerHandshake(token: string): Response {
  if (token === '' || token.length > MAX_TOKEN_LENGTH) {
    return refuse(400, `The validation-token header must hold 1 to ${MAX_TOKEN_LENGTH} characters.`);
  }
  return new Response(null, { status: 200, headers: { 'validation-token': token } });
}

async function forward(request: Request, target: string): Promise<Response> {
  const body = await boundedBody(request);
  if (body === null) return refuse(413, `The body is larger than the ${MAX_BODY_BYTES} bytes the relay carries.`);
  const headers = new Headers();
  const contentType = request.headers.get('content-type');
  if (contentType !== null) headers.set('content-type', contentType);
  let answer: Response;
  try {
    // A redirect is passed back, never followed: the relay reaches only the address it signed.
    answer = await fetch(target, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
    return timedOut
      ? refuse(504, `Zapier did not answer within ${UPSTREAM_TIMEOUT_MS / 1000} s.`)
      : refuse(502, 'Zapier could not be reached.');
  }
  const answerType = answer.headers.get('content-type');
  return new Response(answer.body, { status: answer.status, headers: answerType === null ? {} : { 'content-type': answerType } });
}

/** The relay's fetch handler: the handshake, or one event passed on to the Zap. */
export async function handleRelay(request: Request, env: RelayEnv): Promise<Response> {
  const settings = settingsOf(env);
  if ('problem' in settings) return refuse(500, settings.problem);
  const route = RELAY_PATH.exec(new URL(request.url).pathname);
  if (!route) return refuse(404, 'Not a relay address: expected /v1/<target>/<signature>.');
  const target = await verifiedTarget(settings.secret, route[1] as string, route[2] as string);
  if (target === null) return refuse(403, 'This relay did not sign this address.');
  if (!isRelayable(target, settings.extraOrigins)) return refuse(403, 'The relay passes events only to Zapier hook URLs.');

  // Documented as a GET; RingCentral, whose subscription model the platform mirrors, validates with
  // a POST. The header, not the method, makes a handshake, and a handshake is never passed on.
  const token = request.headers.get('validation-token');
  if (token !== null) return answerHandshake(token);
  if (request.method === 'GET') return refuse(400, 'A GET must carry a validation-token header.');
  if (!RELAYED_METHODS.has(request.method)) {
    return refuse(405, `The relay answers GET (the handshake) and passes on ${[...RELAYED_METHODS].join(', ')}.`, {
      allow: ['GET', ...RELAYED_METHODS].join(', '),
    });
  }
  return forward(request, target);
}
