import { NOTHING_TO_REPORT } from '../support/send-output';
import { BASE, SENDS, api, appError, authData, rejection, run } from './support';

/**
 * A 200 whose body says the send failed is a refusal quoting the reason: nothing was sent. An empty
 * `errors` says nothing, so the send is accepted; a body that cannot be read stays outcome unknown.
 */

const refusedWith = (label: string, reason: string) => ({
  message: `StratusTexting refused "${label}" in its answer ("${reason}"). The message was not sent: fix what that reason says (in this step or in the StratusTexting account), then replay this step. (HTTP 200)`,
  code: 'provider_rejected',
  status: 200,
});

describe.each(SENDS)('$label answered 200', ({ label, key, path, query, inputData }) => {
  const answer = (body: unknown) =>
    api()
      .post(path, '')
      .query(query)
      .reply(200, body as object);
  const send = () => run.create(key, { authData, inputData });

  it.each([
    { says: '"status": false with an error', body: { status: false, error: 'INSUFFICIENT_FUNDS' }, reason: 'INSUFFICIENT_FUNDS' },
    {
      says: '"success": false with a message',
      body: { success: false, message: 'Sender number is not active' },
      reason: 'Sender number is not active',
    },
    { says: 'a non-empty errors list', body: { result: 'Message Processed', errors: ['x'] }, reason: 'x' },
    { says: 'an error alone', body: { error: 'Recipient has opted out' }, reason: 'Recipient has opted out' },
    { says: '"success": false and no reason', body: { success: false }, reason: '{"success":false}' },
  ])('saying $says is a refusal quoting the reason: not sent', async ({ body, reason }) => {
    answer(body);
    expect(appError(await rejection(send()))).toEqual(refusedWith(label, reason));
  });

  it('with an empty errors list is accepted', async () => {
    answer({ result: 'Message Processed Successfully', errors: [], error: null });
    await expect(send()).resolves.toMatchObject({
      status: 'accepted',
      result: 'Message Processed Successfully',
      errors: [],
      error: null,
      from: '+19495550100',
      to: ['+19495550111'],
    });
  });

  it('that cannot be read stays outcome unknown', async () => {
    api().post(path, '').query(query).reply(200, 'status=false', { 'Content-Type': 'text/plain' });
    expect(appError(await rejection(send()))).toMatchObject({ code: 'outcome_unknown', status: 200 });
  });
});

it('Send SMS accepted keeps its whole output (nothing about failure in it)', async () => {
  api()
    .post(`${BASE}/message/sendsms`, '')
    .query({ from: '+19495550100', to: '+19495550111', text: 'Hi' })
    .reply(200, { result: 'Message Processed Successfully', status: true });
  await expect(run.create('send_sms', { authData, inputData: { from: '9495550100', to: '9495550111', text: 'Hi' } })).resolves.toEqual({
    status: 'accepted',
    provider_status: true,
    result: 'Message Processed Successfully',
    message_id: null,
    from: '+19495550100',
    to: ['+19495550111'],
    text: 'Hi',
    encoding: 'GSM-7',
    segments: 1,
    ...NOTHING_TO_REPORT,
  });
});
