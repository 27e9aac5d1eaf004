import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { callProvider } from '../../src/core/provider-request';
import { appOf } from '../support/apps';
import { appError, rejection } from '../support/errors';
import { runner } from '../support/run';

/**
 * A send never changes method. A same-origin 307/308 is followed with the same method and body;
 * every other redirect ends the step as outcome unknown ("may have been sent", how to check),
 * never as "not sent" or `redirect_refused`, and nothing more is requested. Reads still follow.
 */

const API = 'https://api.acme-sms.test';
const OTHER = 'https://collector.evil.test';
const CHECK = 'Look for it in the Acme SMS outbox.';
const MESSAGE = { to: '+19495550111', text: 'Hi' };

const sendText = async (z: ZObject) =>
  callProvider(
    z,
    { url: `${API}/messages`, method: 'POST', headers: { 'X-Api-Key': 'key-0123456789' }, body: MESSAGE },
    schema.object({ id: schema.string() }),
    { provider: 'Acme SMS', action: 'Send Text', sendCheck: CHECK },
  );

const findText = async (z: ZObject) =>
  callProvider(z, { url: `${API}/messages/m-1`, headers: { 'X-Api-Key': 'key-0123456789' } }, schema.object({ id: schema.string() }), {
    provider: 'Acme SMS',
    action: 'Find Text',
  });

const run = runner(appOf({ creates: { send_text: sendText, find_text: findText } }));
const send = () => run.create('send_text');

const mayHaveBeenSent = (what: string, status: number) => ({
  message: `The message may have been sent: Acme SMS ${what}, so it is unknown whether "Send Text" went through. ${CHECK} Check before running this step again, or the recipient may get the message twice. (HTTP ${status})`,
  code: 'outcome_unknown',
  status,
});

/** Answers any GET or POST to `host`: `untouched` then checks that neither was asked for. */
const anyRequestTo = (host: string) => nock(host).get(/.*/).reply(200, { id: 'm-1' }).post(/.*/).reply(200, { id: 'm-1' });

function expectUntouched(scope: nock.Scope): void {
  expect(scope.pendingMocks()).toHaveLength(2);
  nock.cleanAll();
}

describe('a send redirected', () => {
  it('by a 303 (the provider processed it) is outcome unknown, and no GET is made', async () => {
    nock(API).post('/messages', MESSAGE).reply(303, '', { Location: '/messages/m-1' });
    const followed = anyRequestTo(API);
    expect(appError(await rejection(send()))).toEqual(
      mayHaveBeenSent('processed the request and redirected to /messages/m-1 (303 See Other) instead of answering it', 303),
    );
    expectUntouched(followed);
  });

  it.each([301, 302])('by a same-host %s is outcome unknown, and the message is not repeated as a GET', async (status) => {
    nock(API)
      .post('/messages', MESSAGE)
      .reply(status, '', { Location: `${API}/v2/messages` });
    const followed = anyRequestTo(API);
    expect(appError(await rejection(send()))).toEqual(
      mayHaveBeenSent(
        'redirected the request to /v2/messages instead of answering it, and a send is never repeated there as a GET without the message',
        status,
      ),
    );
    expectUntouched(followed);
  });

  it.each([301, 302, 303, 307, 308])('to another host by a %s is outcome unknown, and the other host gets nothing', async (status) => {
    nock(API)
      .post('/messages', MESSAGE)
      .reply(status, '', { Location: `${OTHER}/collect` });
    const collector = anyRequestTo(OTHER);
    expect(appError(await rejection(send()))).toEqual(
      mayHaveBeenSent("redirected the request to another host, collector.evil.test, where the step's credentials are never sent", status),
    );
    expectUntouched(collector);
  });

  it('without a Location is outcome unknown', async () => {
    nock(API).post('/messages', MESSAGE).reply(307, '');
    expect(appError(await rejection(send()))).toEqual(mayHaveBeenSent('answered with a redirect that does not say where to', 307));
  });

  it('a fourth time in a row is outcome unknown', async () => {
    nock(API)
      .post('/messages', MESSAGE)
      .reply(307, '', { Location: '/a' })
      .post('/a', MESSAGE)
      .reply(307, '', { Location: '/b' })
      .post('/b', MESSAGE)
      .reply(308, '', { Location: '/c' })
      .post('/c', MESSAGE)
      .reply(307, '', { Location: '/d' });
    expect(appError(await rejection(send()))).toEqual(mayHaveBeenSent('redirected the request more than 3 times in a row', 307));
  });

  it.each([307, 308])('by a same-host %s is followed: the same POST, body and key, and its answer is the answer', async (status) => {
    nock(API).post('/messages', MESSAGE).reply(status, '', { Location: '/messages/' });
    nock(API, { reqheaders: { 'x-api-key': 'key-0123456789', 'content-type': 'application/json; charset=utf-8' } })
      .post('/messages/', MESSAGE)
      .reply(201, { id: 'm-1' });
    await expect(send()).resolves.toEqual({ id: 'm-1' });
  });
});

describe('a read redirected', () => {
  it.each([301, 302, 303, 307, 308])('by a same-host %s is still followed', async (status) => {
    nock(API).get('/messages/m-1').reply(status, '', { Location: '/v2/messages/m-1' });
    nock(API, { reqheaders: { 'x-api-key': 'key-0123456789' } })
      .get('/v2/messages/m-1')
      .reply(200, { id: 'm-1' });
    await expect(run.create('find_text')).resolves.toEqual({ id: 'm-1' });
  });
});
