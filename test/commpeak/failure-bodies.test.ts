import { appError, authData, commpeak, keyedMessage, rejection, run } from './support';

/**
 * A 200 refusing the whole request (`"status": false`, or an `error` at the top, with no message
 * listed) is a refusal quoting the reason: nothing was sent. Where messages are listed, each is
 * read by itself; an empty `errors` says nothing.
 */

const KEY = 'order-1042';
const TEXT = 'Your order is ready';
const A = keyedMessage(KEY, TEXT, '972524265292');
const B = keyedMessage(KEY, TEXT, '972545330008');

const sendOne = () =>
  run.create('send_sms', { authData, inputData: { from: 'GLOBAL', to: '+972524265292', text: TEXT, idempotency_key: KEY } });
const sendBoth = () =>
  run.create('send_bulk_sms', {
    authData,
    inputData: { from: 'GLOBAL', to: ['+972524265292', '+972545330008'], text: TEXT, idempotency_key: KEY },
  });

const refusedWith = (action: string, reason: string) => ({
  message: `CommPeak refused "${action}" in its answer ("${reason}"). The message was not sent: fix what that reason says (in this step or in the CommPeak account), then replay this step. (HTTP 200)`,
  code: 'provider_rejected',
  status: 200,
});

describe.each([
  { label: 'Send SMS', action: 'send an SMS', messages: [A], send: sendOne, accepted: { status: 'accepted', message_uuid: 'u-0' } },
  { label: 'Send Bulk SMS', action: 'send bulk SMS', messages: [A, B], send: sendBoth, accepted: { accepted_count: 2, failed_count: 0 } },
])('CommPeak $label answered 200', ({ action, messages, send, accepted }) => {
  it.each([
    { says: '"status": false with an error', body: { status: false, error: 'INSUFFICIENT_FUNDS' }, reason: 'INSUFFICIENT_FUNDS' },
    {
      says: '"status": false with an empty list',
      body: { status: false, detail: 'Stream is paused', messages: [] },
      reason: 'Stream is paused',
    },
    { says: '"success": false', body: { success: false, message: 'Invalid sender' }, reason: 'Invalid sender' },
    { says: 'a non-empty errors list', body: { status: true, errors: ['x'] }, reason: 'x' },
    { says: '"status": false and no reason', body: { status: false, task_id: 't-1' }, reason: '{"status":false,"task_id":"t-1"}' },
  ])('saying $says is a refusal quoting the reason: not sent', async ({ body, reason }) => {
    commpeak().post('/simple_send/', { messages }).reply(200, body);
    expect(appError(await rejection(send()))).toEqual(refusedWith(action, reason));
  });

  it.each([
    { says: '"status": false beside messages it lists as accepted (each message is read by itself)', top: { status: false } },
    { says: 'an empty errors list', top: { status: true, errors: [] } },
  ])('with $says is accepted', async ({ top }) => {
    const listed = messages.map((sent, index) => ({ internal_id: sent.internal_id, message_uuid: `u-${index}`, error: null }));
    commpeak()
      .post('/simple_send/', { messages })
      .reply(200, { ...top, task_id: 't-1', messages: listed });
    await expect(send()).resolves.toMatchObject(accepted);
  });
});

it('Send Bulk SMS: "status": false listing one message as accepted and leaving the other out keeps the first, and the other is outcome unknown', async () => {
  commpeak()
    .post('/simple_send/', { messages: [A, B] })
    .reply(200, { status: false, task_id: 't-1', messages: [{ internal_id: A.internal_id, message_uuid: 'u-0', error: null }] });
  expect(appError(await rejection(sendBoth()))).toEqual({
    message:
      'CommPeak accepted 1 of 2 messages; 1 may have been sent (outcome unknown) and 0 did not go. ' +
      'CommPeak answered "status": false, without listing the message to 972545330008: it may have been sent. ' +
      `Look for internal ID ${B.internal_id} in your CommPeak account's message log at my.commpeak.com. Check them before running this step again. ` +
      'A replay gives every message the internal ID it had, so CommPeak can recognise the ones it already has.',
    code: 'outcome_unknown',
    status: 502,
  });
});
