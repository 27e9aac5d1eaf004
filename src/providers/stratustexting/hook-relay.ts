import { createHmac } from 'node:crypto';
import { errors } from 'zapier-platform-core';
import { errorCodeOf, messageOf, providerStatusOf } from '../../core/error-details';
import { withAdvice } from '../../core/provider-errors';
import { brand } from './brand';

/**
 * The hook relay (the repository's relay/ folder): on subscribe, the platform checks the callback
 * URL with a `validation-token` handshake that a Zapier hook URL cannot answer (documented with
 * "Create or update subscription", https://developer.beetexting.com/create-or-update-subscription-21352087e0.md).
 * With STRATUSTEXTING_HOOK_RELAY_URL and STRATUSTEXTING_HOOK_RELAY_SECRET set, the Zap registers
 * the relay's signed address for its hook URL; the relay answers the handshake and passes each
 * event on. The address is `<relay URL>/v1/<hook URL, base64url>/<HMAC-SHA256 of the hook URL, base64url>`,
 * the format relay/src/signed-target.ts verifies.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const MIN_SECRET_LENGTH = 32;
const DEPLOY = 'cd relay && npx wrangler secret put RELAY_SECRET && npx wrangler deploy';
const SETTINGS = 'STRATUSTEXTING_HOOK_RELAY_URL and STRATUSTEXTING_HOOK_RELAY_SECRET';

interface HookRelay {
  /** The relay's URL, without a trailing slash. */
  url: string;
  secret: string;
}

function misconfigured(problem: string): Error {
  return new errors.Error(
    `This integration is misconfigured: ${problem} An integration admin corrects it with \`zapier-platform env:set\`.`,
    'misconfigured',
    500,
  );
}

/** The relay's URL, checked without ever quoting it: it could carry a password. */
function checkedRelayUrl(raw: string): string {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url)
    throw misconfigured('STRATUSTEXTING_HOOK_RELAY_URL is not a URL; use the address the relay was deployed at, starting with https://.');
  if (url.username !== '' || url.password !== '')
    throw misconfigured('STRATUSTEXTING_HOOK_RELAY_URL must not carry a user name or password.');
  if (raw.includes('?') || raw.includes('#'))
    throw misconfigured('STRATUSTEXTING_HOOK_RELAY_URL must not carry a query (?…) or a fragment (#…).');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw misconfigured('STRATUSTEXTING_HOOK_RELAY_URL must start with https:// (plain HTTP is allowed only for localhost).');
  }
  return url.toString().replace(/\/+$/, '');
}

/** The relay this deployment uses, or null when Zaps register their own hook URL. */
function configuredRelay(): HookRelay | null {
  const url = process.env.STRATUSTEXTING_HOOK_RELAY_URL?.trim() ?? '';
  const secret = process.env.STRATUSTEXTING_HOOK_RELAY_SECRET ?? '';
  if (url === '' && secret === '') return null;
  if (url === '' || secret === '') throw misconfigured(`set both ${SETTINGS}, or neither.`);
  if (secret.length < MIN_SECRET_LENGTH) {
    throw misconfigured(`STRATUSTEXTING_HOOK_RELAY_SECRET must be at least ${MIN_SECRET_LENGTH} characters (the relay's RELAY_SECRET).`);
  }
  return { url: checkedRelayUrl(url), secret };
}

/** The address to subscribe for a Zap's hook URL: the relay's signed address when a relay is set, else the hook URL. */
export function subscribedUri(hookUrl: string): string {
  const relay = configuredRelay();
  if (!relay) return hookUrl;
  const signature = createHmac('sha256', relay.secret).update(hookUrl, 'utf8').digest('base64url');
  return `${relay.url}/v1/${Buffer.from(hookUrl, 'utf8').toString('base64url')}/${signature}`;
}

// ASSUMPTION: [st-handshake-wording] how the platform answers a failed handshake is not documented; a reason naming
// the validation or the callback is taken as one.
const HANDSHAKE_WORDS = /validat|handshake|callback|verif/i;
const REFUSALS = new Set(['provider_rejected', 'provider_unavailable', 'provider_timeout']);

function handshakeAdvice(reason: string): string {
  const { product } = brand();
  const relay = configuredRelay();
  const [cause, remedy] = relay
    ? [
        `the hook relay at ${relay.url} did not answer ${product}'s validation-token handshake`,
        `An integration admin checks that the relay is deployed there and that its RELAY_SECRET equals STRATUSTEXTING_HOOK_RELAY_SECRET (${DEPLOY}).`,
      ]
    : [
        `${product} checks a new hook URL with a validation-token handshake, which Zapier's hook URLs cannot answer`,
        `An integration admin deploys the hook relay from this integration's relay/ folder (${DEPLOY}) and sets ${SETTINGS} with \`zapier-platform env:set\`.`,
      ];
  const lead = HANDSHAKE_WORDS.test(reason) ? 'The likely cause' : 'If every Zap fails to turn on this way, a possible cause';
  return `${lead}: ${cause}. ${remedy}`;
}

/** A refused subscribe, with what the handshake has to do with it and what the integration admin sets. */
export function withHandshakeAdvice(cause: unknown): unknown {
  const code = errorCodeOf(cause);
  if (code === undefined || !REFUSALS.has(code)) return cause;
  const message = messageOf(cause);
  return new errors.Error(withAdvice(message, handshakeAdvice(message)), code, providerStatusOf(cause));
}
