import { MESSAGE_UUIDS, appError, authData, commpeak, rejection, run } from './support';

const [FIRST, SECOND] = MESSAGE_UUIDS;

// A Zap can hold several CommPeak steps: an error names the one CommPeak refused.
describe('A CommPeak error names the step CommPeak answered with an error', () => {
  it.each([
    {
      step: 'find message status',
      uuids: [FIRST],
      perform: () => run.search('find_message_status', { authData, inputData: { message_uuid: FIRST } }),
    },
    {
      step: 'get message statuses',
      uuids: [FIRST, SECOND],
      perform: () => run.create('get_message_statuses', { authData, inputData: { message_uuids: [FIRST, SECOND] } }),
    },
  ])('"$step"', async ({ step, uuids, perform }) => {
    commpeak().post('/messages_status/', { message_uuids: uuids }).reply(500, { detail: 'Internal Server Error' });
    const error = appError(await rejection(perform()));
    expect(error.message).toBe(
      `CommPeak failed on its side during "${step}" ("Internal Server Error"). Nothing in this step needs to change: try again later. (HTTP 500)`,
    );
  });
});
