import nock from 'nock';
import { errorCodeOf, messageOf } from '../../src/core/error-details';
import { ANSWERS, AUTH_DATA, HOSTS, appOf, configureEnvironment, invocations } from '../../tools/reliability/error-matrix';
import { runner } from '../support/run';
import { recordFigure } from './figures';

configureEnvironment();
/** A busy machine must not turn an answer into a timeout: only the timeout cases wait less, and their answer comes far later. */
const PATIENT_MS = 10_000;
const IMPATIENT_MS = 1000;
const LATE_MS = 3 * IMPATIENT_MS;
process.env.PROVIDER_REQUEST_TIMEOUT_MS = String(PATIENT_MS);
function waitingAtMost(timeout: boolean): void {
  process.env.PROVIDER_REQUEST_TIMEOUT_MS = String(timeout ? IMPATIENT_MS : PATIENT_MS);
}
const commPeak = runner(appOf('commpeak'));

/** 250 numbers: three requests of 100, 100 and 50. */
const numbers = Array.from({ length: 250 }, (_, index) => `+9725242${String(65000 + index).padStart(5, '0')}`);
const bundle = { authData: AUTH_DATA.commpeak, inputData: { from: 'GLOBAL', to: numbers, text: 'Hello', idempotency_key: 'run-1' } };
const sendBulk = <Result>() => commPeak.create<Result>('send_bulk_sms', bundle);

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
    const result = await sendBulk<{ accepted_count: number; failed_count: number; messages: Outcome[] }>();
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
    const result = await sendBulk<{ messages: Outcome[] }>();
    recordOutcome('batch 2 answered HTTP 429', result.messages);
    const by = (status: string) => result.messages.filter((message) => message.status === status);
    expect([by('accepted').length, by('failed').length, by('not_sent').length]).toEqual([100, 100, 50]);
    expect(new Set(by('failed').map((message) => message.error))).toEqual(new Set(['RATE_LIMIT']));
  });

  it('throws, and reports no success, when the very first request is throttled: nothing went', async () => {
    nock(HOSTS.commpeak).post('/simple_send/').reply(429, { detail: 'Too many requests' }, { 'Retry-After': '30' });
    await expect(sendBulk()).rejects.toMatchObject({ name: 'ThrottledError' });
  });

  it('throws a throttle, not a success, when CommPeak rate limits every message of a 200', async () => {
    nock(HOSTS.commpeak)
      .post('/simple_send/')
      .reply((_uri, body) => [200, accept((body as { messages: Sent[] }).messages, 0)]);
    await expect(sendBulk()).rejects.toMatchObject({ name: 'ThrottledError' });
  });
});

describe('a bulk send whose batch 2 answer is lost loses nothing and claims nothing', () => {
  /** Ways the answer to batch 2 can be lost after CommPeak accepted all of it. */
  const LOST: [string, (scope: nock.Interceptor) => nock.Scope][] = [
    ['HTTP 502 HTML page', (scope) => scope.reply(502, '<html><head><title>502 Bad Gateway</title></head></html>')],
    ['HTTP 500', (scope) => scope.reply(500, { detail: 'Internal Server Error' })],
    ['HTTP 503 without Retry-After', (scope) => scope.reply(503, '')],
    ['a timeout', (scope) => scope.delay(LATE_MS).reply(200, {})],
    ['an unreadable 200', (scope) => scope.reply(200, 'OK')],
  ];

  const settled: string[] = [];
  afterAll(() => {
    recordFigure(
      `nothing lost: ${numbers.length} messages, batch 2's answer lost ${settled.length} ways (${settled.join(', ')}): each time 100 accepted, ` +
        '100 outcome unknown, 50 not sent, batch 3 never requested, and the step fails naming the unknown ones',
    );
  });

  it.each(LOST)('batch 2 answered with %s: 100 accepted, 100 outcome unknown, 50 not sent', async (what, lose) => {
    waitingAtMost(what === 'a timeout');
    const requested: Sent[][] = [];
    nock(HOSTS.commpeak)
      .post('/simple_send/')
      .reply((_uri, body) => {
        requested.push((body as { messages: Sent[] }).messages);
        return [200, accept((body as { messages: Sent[] }).messages)];
      });
    lose(
      nock(HOSTS.commpeak).post('/simple_send/', (body: { messages: Sent[] }) => {
        requested.push(body.messages);
        return true;
      }),
    );
    const error = await sendBulk().then(
      () => undefined,
      (cause: unknown) => cause,
    );
    nock.abortPendingRequests();
    const message = messageOf(error);
    // Batch 2 reached CommPeak (it accepted it); batch 3 was never sent.
    expect(requested.map((batch) => batch.length)).toEqual([100, 100]);
    expect(errorCodeOf(error)).toBe('outcome_unknown');
    expect(message).toMatch(/^CommPeak accepted 100 of 250 messages; 100 may have been sent \(outcome unknown\) and 50 did not go\. /);
    const [first, last] = [requested[1]?.[0]?.internal_id, requested[1]?.[99]?.internal_id];
    expect(message).toContain(`Look for internal IDs ${first} to ${last} (100 messages)`);
    expect(message).toContain('A replay gives every message the internal ID it had');
    settled.push(what);
  });
});

describe('lost answers: every send, every way an answer can be lost after sending', () => {
  const SENDS = invocations().filter((invocation) => /^creates\.send_(sms|mms|bulk_sms)\.operation\.perform$/.test(invocation.method));
  const FAULTS = ANSWERS.filter((answer) =>
    ['500', '502 HTML', '503 empty', 'timeout', '200 HTML page', '200 non-JSON'].includes(answer.name),
  );
  const told: Record<'unknown' | 'accepted' | 'notSent', number> = { unknown: 0, accepted: 0, notSent: 0 };

  afterAll(() => {
    recordFigure(
      `lost answers: ${SENDS.length} sends × ${FAULTS.length} faults (5xx, HTML, timeout, unreadable 200): ${told.unknown} reported "may have been sent" (outcome_unknown), ` +
        `${told.accepted} accepted (a 2xx the send documents as success), ${told.notSent} reported not sent`,
    );
  });

  it('pins the sends and faults it covers', () => {
    expect(SENDS.map((send) => `${send.provider} ${send.label}`)).toEqual([
      'stratustexting creates.send_sms perform',
      'stratustexting creates.send_mms perform',
      'commpeak creates.send_sms perform',
      'commpeak creates.send_bulk_sms perform',
      'sms-extension creates.send_sms perform',
    ]);
    expect(FAULTS).toHaveLength(6);
  });

  for (const fault of FAULTS) {
    it(`never says "not sent" when the answer is ${fault.name}`, async () => {
      waitingAtMost(fault.timeout === true);
      for (const send of SENDS) {
        const run = runner(appOf(send.provider));
        const [, key] = send.method.split('.');
        for (const method of ['GET', 'POST']) {
          const interceptor = nock(HOSTS[send.provider]).persist().intercept(/.*/, method);
          (fault.timeout ? interceptor.delay(LATE_MS) : interceptor).reply(fault.status ?? 200, fault.body ?? {}, fault.headers);
        }
        const outcome = await run.create(key, { authData: AUTH_DATA[send.provider], ...send.bundle }).then(
          () => 'accepted' as const,
          (cause: unknown) => cause,
        );
        nock.abortPendingRequests();
        nock.cleanAll();
        if (outcome === 'accepted') {
          // Only a 2xx whose text the send's own schema takes (SMS Extension answers free text).
          expect([send.provider, fault.name]).toEqual(['sms-extension', '200 non-JSON']);
          told.accepted += 1;
        } else if (errorCodeOf(outcome) === 'outcome_unknown' && messageOf(outcome).includes('may have been sent')) {
          told.unknown += 1;
        } else {
          told.notSent += 1;
          throw new Error(`${send.provider} ${send.label} on ${fault.name} told the user: ${messageOf(outcome)}`);
        }
      }
    });
  }
});
