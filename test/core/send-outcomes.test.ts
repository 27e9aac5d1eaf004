import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { connectionError } from '../../src/core/provider-errors';
import { callProvider } from '../../src/core/provider-request';
import { appOf } from '../support/apps';
import { appError, rejection } from '../support/errors';
import { runner } from '../support/run';

/**
 * The three outcomes of a send (accepted, not sent, outcome unknown), decided by the one error
 * table: against nock, and against real sockets on 127.0.0.1 for what node-fetch reports when a
 * connection is refused, dropped after the request was written, or left unanswered.
 */

const API = 'https://api.acme-sms.test';
const CHECK = 'Look for it in the Acme SMS outbox.';
const UNKNOWN_TAIL = `${CHECK} Check before running this step again, or the recipient may get the message twice.`;

const sendContext = { provider: 'Acme SMS', action: 'Send Text', sendCheck: CHECK };

const sendText = async (z: ZObject, bundle: Bundle) =>
  callProvider(
    z,
    { url: `${bundle.inputData.base ?? API}/messages`, method: 'POST', body: { to: '+19495550111', text: 'Hi' } },
    schema.object({ id: schema.string() }),
    sendContext,
  );

const postNote = async (z: ZObject, bundle: Bundle) =>
  callProvider(
    z,
    { url: `${bundle.inputData.base ?? API}/notes`, method: 'POST', body: { text: 'Hi' } },
    schema.object({ id: schema.string() }),
    { provider: 'Acme SMS', action: 'Post Note' },
  );

const run = runner(appOf({ creates: { send_text: sendText, post_note: postNote } }));
const send = (base?: string) => run.create('send_text', { inputData: { base } });
const note = (base?: string) => run.create('post_note', { inputData: { base } });

beforeAll(() => {
  process.env.PROVIDER_REQUEST_TIMEOUT_MS = '2000';
});
afterAll(() => {
  delete process.env.PROVIDER_REQUEST_TIMEOUT_MS;
});

describe('a send the provider answered', () => {
  it('is accepted on a 2xx it can read', async () => {
    nock(API).post('/messages', { to: '+19495550111', text: 'Hi' }).reply(201, { id: 'm-1' });
    await expect(send()).resolves.toEqual({ id: 'm-1' });
  });

  it('is not sent on a 4xx, with the provider reason', async () => {
    nock(API).post('/messages').reply(422, { message: 'Invalid number' });
    expect(appError(await rejection(send()))).toEqual({
      message:
        'Acme SMS refused the values given for "Send Text" ("Invalid number"). Check the values in this step against that reason, then replay it. (HTTP 422)',
      code: 'provider_rejected',
      status: 422,
    });
  });

  it('is throttled, not unknown, on a 503 with Retry-After: the request was not processed', async () => {
    nock(API).post('/messages').reply(503, { message: 'Maintenance' }, { 'Retry-After': '120' });
    const error = await rejection(send());
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message:
        'Acme SMS is unavailable for now, so "Send Text" waits ("Maintenance"). Zapier runs the step again in 120 seconds; nothing to change. (HTTP 503)',
      delay: 120,
    });
  });
});

describe('a send whose answer was lost is outcome unknown, never "not sent"', () => {
  it.each([
    [500, { message: 'Internal error' }, 'Internal error'],
    [502, '<html><head><title>502 Bad Gateway</title></head></html>', 'an HTML error page titled "502 Bad Gateway"'],
    [503, '', 'no reason given (empty response)'],
    [504, 'upstream timed out', 'upstream timed out'],
  ])('on HTTP %i', async (status, body, reason) => {
    nock(API).post('/messages').reply(status, body);
    expect(appError(await rejection(send()))).toEqual({
      message: `The message may have been sent: Acme SMS answered with an error ("${reason}"), so it is unknown whether "Send Text" went through. ${UNKNOWN_TAIL} (HTTP ${status})`,
      code: 'outcome_unknown',
      status,
    });
  });

  it.each([
    {
      name: 'on a 200 HTML page',
      answer: (request: nock.Interceptor) => request.reply(200, '<!DOCTYPE html><html><head><title>Sign in</title></head></html>'),
      error: {
        message:
          'The message may have been sent: Acme SMS answered with an HTML error page titled "Sign in" instead of data: check that the step reaches the Acme SMS API, ' +
          `so it is unknown whether "Send Text" went through. ${UNKNOWN_TAIL} (HTTP 200)`,
        code: 'outcome_unknown',
        status: 200,
      },
    },
    {
      name: 'on a timeout',
      answer: (request: nock.Interceptor) => request.delay(6000).reply(201, { id: 'm-1' }),
      error: {
        message: `The message may have been sent: Acme SMS did not answer within 2 seconds, so it is unknown whether "Send Text" went through. ${UNKNOWN_TAIL}`,
        code: 'outcome_unknown',
        status: 504,
      },
    },
  ])('$name', async ({ answer, error }) => {
    answer(nock(API).post('/messages'));
    expect(appError(await rejection(send()))).toEqual(error);
    nock.abortPendingRequests();
  });

  // nock's replyWithError reaches node-fetch as a timeout, so the codes are given to the table directly.
  it.each(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', undefined])('on a network error with code %s', (code) => {
    const error = connectionError(sendContext, { code }, 'the line went dead');
    expect(appError(error)).toEqual({
      message: `The message may have been sent: Acme SMS dropped the connection before answering (the line went dead), so it is unknown whether "Send Text" went through. ${UNKNOWN_TAIL}`,
      code: 'outcome_unknown',
      status: 502,
    });
  });
});

describe('a send that never reached the provider is not sent', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])('on %s', (code) => {
    expect(appError(connectionError(sendContext, { code }, `connect ${code}`))).toEqual({
      message: `Could not reach Acme SMS for "Send Text": connect ${code}. The message was not sent. Try again later.`,
      code: 'provider_unreachable',
      status: 503,
    });
  });
});

describe('operations that send nothing keep their messages', () => {
  it('a 5xx is the provider being unavailable', async () => {
    nock(API).post('/notes').reply(502, { message: 'Bad gateway' });
    expect(appError(await rejection(note()))).toEqual({
      message: `Acme SMS failed on its side during "Post Note" ("Bad gateway"). Nothing in this step needs to change: try again later. (HTTP 502)`,
      code: 'provider_unavailable',
      status: 502,
    });
  });

  it('a dropped connection is "could not reach"', () => {
    expect(appError(connectionError({ provider: 'Acme SMS', action: 'Post Note' }, { code: 'ECONNRESET' }, 'socket hang up'))).toEqual({
      message: 'Could not reach Acme SMS for "Post Note": socket hang up. Try again later.',
      code: 'provider_unreachable',
      status: 503,
    });
  });
});

describe('what node-fetch reports on real sockets (127.0.0.1)', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];

  async function listen(onConnection: (socket: Socket) => void): Promise<string> {
    const server = createServer((socket) => {
      sockets.push(socket);
      onConnection(socket);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    nock.disableNetConnect();
  });

  it('a connection reset after the request was written (ECONNRESET, "socket hang up") is outcome unknown', async () => {
    let received = '';
    const base = await listen((socket) =>
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (received.includes('"text":"Hi"')) socket.destroy();
      }),
    );
    expect(appError(await rejection(send(base)))).toEqual({
      message:
        `The message may have been sent: Acme SMS dropped the connection before answering (request to ${base}/messages failed, reason: socket hang up), ` +
        `so it is unknown whether "Send Text" went through. ${UNKNOWN_TAIL}`,
      code: 'outcome_unknown',
      status: 502,
    });
    // The provider had the whole request: it may well have sent the message.
    expect(received).toMatch(/^POST \/messages HTTP\/1\.1\r\n[\s\S]*\r\n\r\n\{"to":"\+19495550111","text":"Hi"\}$/);
  });

  it('a request left unanswered (request-timeout) is outcome unknown', async () => {
    const base = await listen(() => undefined);
    expect(appError(await rejection(send(base)))).toMatchObject({ code: 'outcome_unknown', status: 504 });
  });

  it('an answer cut off half way (body-timeout or reset) is outcome unknown', async () => {
    const base = await listen((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"id":');
        setTimeout(() => socket.destroy(), 20);
      }),
    );
    expect(appError(await rejection(send(base)))).toMatchObject({ code: 'outcome_unknown' });
  });

  it('a refused connection (ECONNREFUSED) is not sent: nothing was written', async () => {
    const base = await listen(() => undefined);
    const closing = servers.pop() as Server;
    await new Promise((resolve) => closing.close(resolve));
    expect(appError(await rejection(send(base)))).toEqual({
      message: `Could not reach Acme SMS for "Send Text": request to ${base}/messages failed, reason: connect ECONNREFUSED ${base.slice('http://'.length)}. The message was not sent. Try again later.`,
      code: 'provider_unreachable',
      status: 503,
    });
  });
});
