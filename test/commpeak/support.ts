import { createHash } from 'node:crypto';
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import integration from '../../src/providers/commpeak/integration';

export { integration };

// The integration reads it at each request.
export const BASE_URL = 'https://sendsms.commpeak.test';
process.env.COMMPEAK_BASE_URL = BASE_URL;

// Core's logging patch of http(s).request outlives a test file and captures its nock (see
// test/core/send-sms.test.ts); it only logs, so the tests run without it.
export const appTester = createAppTester({ ...integration, flags: { skipHttpPatch: true } });

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

/** What the step's error says when its request is answered 403, as CommPeak documents it. */
export const FORBIDDEN_ADVICE =
  "The API key is wrong (or the stream's IP allow-list blocks Zapier): copy the stream's API key again from my.commpeak.com, and turn off the IP ACL of that stream, since Zapier's addresses change.";

export { appError, inputProblem, rejection, throttle, thrown } from '../support/errors';

/** The documented `internal_id`: "zap-" and 32 hex characters of a SHA-256 over the message's identity. */
export function expectedInternalId(anchor: string, sender: string, recipient: string, text: string, position: number): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([anchor, sender, recipient, text, position]))
    .digest('hex');
  return `zap-${digest.slice(0, 32)}`;
}
