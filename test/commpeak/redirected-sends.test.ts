import nock from 'nock';
import { BASE_URL, appError, authData, commpeak, keyedMessage, rejection, run } from './support';

/**
 * A send CommPeak redirects other than by a same-host 307/308 may have been processed (a 303
 * says it was): the step says the message may have been sent and how to check, and requests
 * nothing more, so the redirect's answer can never be taken for the send's.
 */

const KEY = 'order-1042';
const TEXT = 'Your order is ready';
const A = keyedMessage(KEY, TEXT, '972524265292');
const B = keyedMessage(KEY, TEXT, '972545330008');

const TAIL = 'Check before running this step again, or the recipient may get the message twice.';
const REPLAY = 'A replay gives every message the internal ID it had, so CommPeak can recognise the ones it already has.';
const LOG = "in your CommPeak account's message log at my.commpeak.com.";

const redirected: Record<number, string> = {
  301: 'redirected the request to /v2/simple_send/ instead of answering it, and a send is never repeated there as a GET without the message',
  302: 'redirected the request to /v2/simple_send/ instead of answering it, and a send is never repeated there as a GET without the message',
  303: 'processed the request and redirected to /v2/simple_send/ (303 See Other) instead of answering it',
};

/** The send answered `status` pointing at /v2/simple_send/, where a GET would find a 404 and a POST an acceptance. */
function redirectsTo(messages: (typeof A)[], status: number) {
  commpeak()
    .post('/simple_send/', { messages })
    .reply(status, '', { Location: `${BASE_URL}/v2/simple_send/` });
  return nock(BASE_URL).get('/v2/simple_send/').reply(404, { detail: 'Not Found' }).post('/v2/simple_send/').reply(200, {});
}

function expectNothingFollowed(followed: nock.Scope): void {
  expect(followed.pendingMocks()).toHaveLength(2);
  nock.cleanAll();
}

describe.each([301, 302, 303])('a CommPeak send answered %i', (status) => {
  it('Send SMS: outcome unknown, naming the internal id to look for, and no further request', async () => {
    const followed = redirectsTo([A], status);
    const error = await rejection(
      run.create('send_sms', { authData, inputData: { from: 'GLOBAL', to: '+972524265292', text: TEXT, idempotency_key: KEY } }),
    );
    expect(appError(error)).toEqual({
      message: `The message may have been sent: CommPeak ${redirected[status]}, so it is unknown whether "send an SMS" went through. Look for internal ID ${A.internal_id} ${LOG} ${TAIL} (HTTP ${status})`,
      code: 'outcome_unknown',
      status,
    });
    expectNothingFollowed(followed);
  });

  it('Send Bulk SMS: every message of the request outcome unknown, none "did not go", and no further request', async () => {
    const followed = redirectsTo([A, B], status);
    const error = await rejection(
      run.create('send_bulk_sms', {
        authData,
        inputData: { from: 'GLOBAL', to: ['+972524265292', '+972545330008'], text: TEXT, idempotency_key: KEY },
      }),
    );
    expect(appError(error)).toEqual({
      message:
        `CommPeak accepted 0 of 2 messages; 2 may have been sent (outcome unknown) and 0 did not go. The message may have been sent: CommPeak ${redirected[status]}, so it is unknown whether "send bulk SMS" went through. ` +
        `Look for internal IDs ${A.internal_id} to ${B.internal_id} (2 messages) ${LOG} ${TAIL} ${REPLAY} (HTTP ${status})`,
      code: 'outcome_unknown',
      status: 502,
    });
    expectNothingFollowed(followed);
  });
});
