import nock from 'nock';
import { API_HOST, BASE, SENDS, api, appError, authData, rejection, run } from './support';

/**
 * A send StratusTexting redirects other than by a same-host 307/308 may have been processed (a
 * 303 says it was): the step says the message may have been sent and how to check, and requests
 * nothing more, so the redirect's answer can never be taken for the send's.
 */

const CHECK =
  'Open the conversation with the recipient in StratusTexting to see whether it is there. Check before running this step again, or the recipient may get the message twice.';

const redirected: Record<number, string> = {
  301: `redirected the request to ${BASE}/v2/message instead of answering it, and a send is never repeated there as a GET without the message`,
  302: `redirected the request to ${BASE}/v2/message instead of answering it, and a send is never repeated there as a GET without the message`,
  303: `processed the request and redirected to ${BASE}/v2/message (303 See Other) instead of answering it`,
};

describe.each([301, 302, 303])('a StratusTexting send answered %i', (status) => {
  it.each(SENDS)('$label: outcome unknown, saying how to check, and no further request', async ({ label, key, path, query, inputData }) => {
    api()
      .post(path, '')
      .query(query)
      .reply(status, '', { Location: `${BASE}/v2/message` });
    const followed = nock(API_HOST)
      .get(`${BASE}/v2/message`)
      .reply(404, { message: 'Not Found' })
      .post(`${BASE}/v2/message`)
      .reply(200, {});
    expect(appError(await rejection(run.create(key, { authData, inputData })))).toEqual({
      message: `The message may have been sent: StratusTexting ${redirected[status]}, so it is unknown whether "${label}" went through. ${CHECK} (HTTP ${status})`,
      code: 'outcome_unknown',
      status,
    });
    expect(followed.pendingMocks()).toHaveLength(2);
    nock.cleanAll();
  });
});
