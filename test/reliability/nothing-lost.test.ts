import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import { AUTH_DATA, HOSTS, appOf, configureEnvironment } from '../../tools/reliability/error-matrix';
import { recordFigure } from './figures';

configureEnvironment();
const appTester = createAppTester({ ...appOf('commpeak'), flags: { skipHttpPatch: true } });
const bulk = (appOf('commpeak').creates as unknown as Record<string, { operation: { perform: never } }>).send_bulk_sms.operation.perform;

/** 250 numbers: three requests of 100, 100 and 50. */
const numbers = Array.from({ length: 250 }, (_, index) => `+9725242${String(65000 + index).padStart(5, '0')}`);
const bundle = { authData: AUTH_DATA.commpeak, inputData: { from: 'GLOBAL', to: numbers, text: 'Hello', idempotency_key: 'run-1' } };

interface Sent {
  internal_id: string;
  recipient_phone: string;
}
type Outcome = { recipient_phone: string; status: string; error: string | null; message_uuid: string | null };

function count(messages: Outcome[]): Record<string, number> {
  return messages.reduce<Record<string, number>>(
    (counts, message) => ({ ...counts, [message.status]: (counts[message.status] ?? 0) + 1 }),
    {},
  );
}

/** "250 messages, …: 140 accepted, 60 failed, 50 not sent, every message accounted for" */
function recordOutcome(what: string, messages: Outcome[]): void {
  const statuses = count(messages);
  const unaccounted =
    numbers.filter((number, index) => messages[index]?.recipient_phone !== number.slice(1)).length +
    Math.max(0, messages.length - numbers.length);
  recordFigure(
    `nothing lost: ${numbers.length} messages, ${what}: ${statuses.accepted ?? 0} accepted, ${statuses.failed ?? 0} failed, ${statuses.not_sent ?? 0} not sent` +
      (unaccounted === 0 ? ', every message accounted for, in order' : `, ${unaccounted} messages unaccounted for`),
  );
}

function accept(messages: Sent[], rateLimitFrom = Infinity) {
  return {
    status: true,
    task_id: 'task',
    messages: messages.map((message, index) =>
      index >= rateLimitFrom
        ? { internal_id: message.internal_id, error: 'RATE_LIMIT' }
        : { internal_id: message.internal_id, message_uuid: `uuid-${message.recipient_phone}` },
    ),
  };
}

describe('a bulk send interrupted by throttling loses nothing', () => {
  it('reports exactly which messages went and which did not when the second request is rate limited half way', async () => {
    const accepted = new Set<string>();
    let request = 0;
    let rateLimited = { request: 0, fromMessage: 0 };
    nock(HOSTS.commpeak)
      .post('/simple_send/')
      .times(2)
      .reply((_uri, body) => {
        request += 1;
        const { messages } = body as { messages: Sent[] };
        const answer = accept(messages, request === 2 ? 40 : Infinity);
        answer.messages.forEach((result, index) => 'message_uuid' in result && accepted.add(messages[index].recipient_phone));
        const firstRefused = answer.messages.findIndex((result) => 'error' in result);
        if (firstRefused !== -1) rateLimited = { request, fromMessage: firstRefused + 1 };
        return [200, answer];
      });
    const result = (await appTester(bulk, bundle)) as { accepted_count: number; failed_count: number; messages: Outcome[] };
    recordOutcome(`batch ${rateLimited.request} rate limited (RATE_LIMIT) from its message ${rateLimited.fromMessage}`, result.messages);
    const statuses = count(result.messages);
    expect(statuses).toEqual({ accepted: 140, failed: 60, not_sent: 50 });
    expect(result.messages.map((message) => message.recipient_phone)).toEqual(numbers.map((number) => number.slice(1)));
    // Accepted in the output exactly when CommPeak accepted it; never a uuid for one it did not.
    for (const message of result.messages) {
      expect(message.status === 'accepted').toBe(accepted.has(message.recipient_phone));
      expect(message.message_uuid !== null).toBe(message.status === 'accepted');
    }
    expect({ accepted: result.accepted_count, failed: result.failed_count }).toEqual({ accepted: 140, failed: 110 });
  });

  it('reports a 429 on a later request as not sent for that batch and the rest, keeping the accepted ones', async () => {
    nock(HOSTS.commpeak)
      .post('/simple_send/')
      .reply((_uri, body) => [200, accept((body as { messages: Sent[] }).messages)]);
    nock(HOSTS.commpeak).post('/simple_send/').reply(429, { detail: 'Too many requests' }, { 'Retry-After': '30' });
    const result = (await appTester(bulk, bundle)) as { messages: Outcome[] };
    recordOutcome('batch 2 answered HTTP 429', result.messages);
    const by = (status: string) => result.messages.filter((message) => message.status === status);
    expect([by('accepted').length, by('failed').length, by('not_sent').length]).toEqual([100, 100, 50]);
    expect(new Set(by('failed').map((message) => message.error))).toEqual(new Set(['RATE_LIMIT']));
  });

  it('throws, and reports no success, when the very first request is throttled: nothing went', async () => {
    nock(HOSTS.commpeak).post('/simple_send/').reply(429, { detail: 'Too many requests' }, { 'Retry-After': '30' });
    await expect(appTester(bulk, bundle)).rejects.toMatchObject({ name: 'ThrottledError' });
  });

  it('throws a throttle, not a success, when CommPeak rate limits every message of a 200', async () => {
    nock(HOSTS.commpeak)
      .post('/simple_send/')
      .reply((_uri, body) => [200, accept((body as { messages: Sent[] }).messages, 0)]);
    await expect(appTester(bulk, bundle)).rejects.toMatchObject({ name: 'ThrottledError' });
  });
});
