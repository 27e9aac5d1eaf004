import nock from 'nock';
import { HOST, appError, authData, rejection, run, smsExtension } from './support';

/**
 * A send SMS Extension redirects other than by a same-host 307/308 may have been processed (a
 * 303 says it was): the step says the message may have been sent and how to check, and requests
 * nothing more, so the redirect's answer can never be taken for the send's.
 */

const CHECK =
  "Look for it in SMS Extension's SMS history (the Find SMS search, with this sender and recipient). Check before running this step again, or the recipient may get the message twice.";

const redirected: Record<number, string> = {
  301: 'redirected the request to /api/sms/detail/48213 instead of answering it, and a send is never repeated there as a GET without the message',
  302: 'redirected the request to /api/sms/detail/48213 instead of answering it, and a send is never repeated there as a GET without the message',
  303: 'processed the request and redirected to /api/sms/detail/48213 (303 See Other) instead of answering it',
};

describe.each([301, 302, 303])('an SMS Extension send answered %i', (status) => {
  it('Send SMS: outcome unknown, saying how to check, and no further request', async () => {
    smsExtension()
      .post('/api/sms/send', { source: 'ACMESHOP', destination: '447400900123', text: 'Your order is ready' })
      .reply(status, '', { Location: `${HOST}/api/sms/detail/48213` });
    const followed = nock(HOST).get('/api/sms/detail/48213').reply(200, { id: 48213 }).post('/api/sms/detail/48213').reply(200, {});
    const error = await rejection(
      run.create('send_sms', { authData, inputData: { from: 'ACMESHOP', to: '07400 900123', text: 'Your order is ready' } }),
    );
    expect(appError(error)).toEqual({
      message: `The message may have been sent: SMS Extension ${redirected[status]}, so it is unknown whether "send an SMS" went through. ${CHECK} (HTTP ${status})`,
      code: 'outcome_unknown',
      status,
    });
    expect(followed.pendingMocks()).toHaveLength(2);
    nock.cleanAll();
  });
});
