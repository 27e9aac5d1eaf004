import { createHash } from 'node:crypto';
import nock from 'nock';
import integration from '../../src/providers/commpeak/integration';
import { runner } from '../support/run';

export { integration };

// The integration reads it at each request.
export const BASE_URL = 'https://sendsms.commpeak.test';
process.env.COMMPEAK_BASE_URL = BASE_URL;

export const run = runner(integration);

export const API_KEY = 'cp-stream-key-0123456789abcd';
export const authData = { api_key: API_KEY };

/** A CommPeak call that must carry the raw key (no scheme word) and JSON headers. */
export function commpeak() {
  return nock(BASE_URL)
    .matchHeader('authorization', API_KEY)
    .matchHeader('content-type', 'application/json')
    .matchHeader('accept', 'application/json');
}

export const NOT_AUTHENTICATED = { detail: 'Not authenticated' };

/** Two message UUIDs in the form CommPeak issues them. */
export const MESSAGE_UUIDS = ['e6b7ae60-6bbc-4db5-bfe4-7c9af27b8bdc', '81e766af-06eb-4676-ac83-0ca32b8aff85'] as const;

/** Answers of /messages_status/ that hold no record of the UUIDs asked about. */
export const NO_RECORD_ANSWERS = [
  { answer: 'reports on none of them', status: 200, body: { status: true, messages: [] } },
  { answer: 'answers 404', status: 404, body: { detail: 'Not Found' } },
];

/** The error `step` fails with when its request is answered CommPeak's documented 403 (NOT_AUTHENTICATED). */
export function forbiddenError(step: string) {
  const advice =
    "The API key is wrong (or the stream's IP allow-list blocks Zapier): copy the stream's API key again from my.commpeak.com, and turn off the IP ACL of that stream, since Zapier's addresses change.";
  return {
    message: `CommPeak refused the connected account access to "${step}" ("Not authenticated"). ${advice} (HTTP 403)`,
    code: 'forbidden',
    status: 403,
  };
}

export { appError, inputProblem, rejection, throttle, thrown } from '../support/errors';

/** The documented `internal_id`: "zap-" and 32 hex characters of a SHA-256 over the key and the message's content. */
export function expectedInternalId(anchor: string, sender: string, recipient: string, text: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([anchor, sender, recipient, text]))
    .digest('hex');
  return `zap-${digest.slice(0, 32)}`;
}

/** The message CommPeak is sent for `recipient` by a step from GLOBAL with Idempotency Key `key`. */
export function keyedMessage(key: string, text: string, recipient: string) {
  return {
    internal_id: expectedInternalId(`key:${key}`, 'GLOBAL', recipient, text),
    sender: 'GLOBAL',
    recipient_phone: recipient,
    message_content: text,
  };
}

/** `count` UK test numbers (+44 7700 900000 onwards) as typed and as CommPeak is sent them. */
export function ukNumbers(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const local = String(900000 + index);
    return { typed: `+44 7700 ${local}`, digits: `447700${local}` };
  });
}
