import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { callProvider } from '../../src/core/provider-request';
import { appOf } from '../support/apps';
import { rejection, throttle } from '../support/errors';
import { runner } from '../support/run';

/**
 * A provider's Retry-After reaches Zapier as a delay between 1 second and 1 day, always finite,
 * and the step's message says the delay Zapier was given, not the figure the provider sent.
 */

const API = 'https://api.acme-sms.test';

const findMessage = async (z: ZObject) =>
  callProvider(z, { url: `${API}/messages/msg_42` }, schema.object({ id: schema.string() }), {
    provider: 'Acme SMS',
    action: 'Find Message',
  });

const run = runner(appOf({ creates: { find_message: findMessage } }));

const throttledFor = (seconds: number) => ({
  message: `Acme SMS is limiting how often "Find Message" may run ("Slow down"). Zapier runs the step again in ${seconds === 1 ? '1 second' : `${seconds} seconds`}; nothing to change. (HTTP 429)`,
  delay: seconds,
});

describe('a 429 with Retry-After', () => {
  it.each([
    { name: 'a normal figure, 120', header: '120', delay: 120 },
    { name: '0 (replaying at once would meet the same limit)', header: '0', delay: 1 },
    { name: 'a date already past', header: 'Wed, 21 Oct 2015 07:28:00 GMT', delay: 1 },
    { name: '99999999999 (3,170 years)', header: '99999999999', delay: 86400 },
    { name: '400 digits (Infinity when read as a number)', header: '9'.repeat(400), delay: 86400 },
  ])('$name: Zapier waits $delay s, and the message says so', async ({ header, delay }) => {
    nock(API).get('/messages/msg_42').reply(429, { message: 'Slow down' }, { 'Retry-After': header });
    expect(throttle(await rejection(run.create('find_message')))).toEqual(throttledFor(delay));
  });
});
