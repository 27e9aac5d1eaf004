import { appError, authData, rejection, run, smsExtension } from './support';

/**
 * A 200 whose body says the send failed is a refusal quoting the reason: nothing was sent. An empty
 * `errors` says nothing, so the send is accepted; a body that cannot be read stays outcome unknown.
 */

const wireBody = { source: 'ACMESHOP', destination: '447400900123', text: 'Your order is ready' };
const send = () => run.create('send_sms', { authData, inputData: { from: 'ACMESHOP', to: '07400 900123', text: 'Your order is ready' } });

describe('SMS Extension Send SMS answered 200', () => {
  it.each([
    { says: '"status": false with an error', body: { status: false, error: 'INSUFFICIENT_FUNDS' }, reason: 'INSUFFICIENT_FUNDS' },
    { says: '"success": false with a message', body: { success: false, message: 'Insufficient credit.' }, reason: 'Insufficient credit' },
    { says: 'a non-empty errors list', body: { message: 'Queued', errors: ['x'] }, reason: 'Queued — x' },
    {
      says: 'field errors, as Laravel words them',
      body: { errors: { destination: ['The destination is not a valid UK number.'] } },
      reason: 'destination: The destination is not a valid UK number',
    },
  ])('saying $says is a refusal quoting the reason: not sent', async ({ body, reason }) => {
    smsExtension().post('/api/sms/send', wireBody).reply(200, body);
    expect(appError(await rejection(send()))).toEqual({
      message: `SMS Extension refused "send an SMS" in its answer ("${reason}"). The message was not sent: fix what that reason says (in this step or in the SMS Extension account), then replay this step. (HTTP 200)`,
      code: 'provider_rejected',
      status: 200,
    });
  });

  it('with an empty errors list is accepted', async () => {
    smsExtension().post('/api/sms/send', wireBody).reply(200, { message: 'SMS sent successfully.', sms_id: 48213, errors: [] });
    await expect(send()).resolves.toMatchObject({ status: 'accepted', id: '48213', message: 'SMS sent successfully.', errors: [] });
  });

  it('that cannot be read stays outcome unknown', async () => {
    smsExtension().post('/api/sms/send', wireBody).reply(200, '<!DOCTYPE html><html><head><title>Error</title></head></html>');
    expect(appError(await rejection(send()))).toMatchObject({ code: 'outcome_unknown', status: 200 });
  });
});
