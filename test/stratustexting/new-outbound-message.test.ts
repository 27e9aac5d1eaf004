import { api, appError, appTester, authData, BASE, rejection, triggers } from './support';

const trigger = triggers.new_outbound_message;
const deliver = (cleanedRequest: unknown) =>
  appTester(trigger.operation.perform, { authData, inputData: { department_id: 'dept-1' }, cleanedRequest });

describe('New Outbound Message (new_outbound_message)', () => {
  it('fetches the message the event names and returns it normalised', async () => {
    api()
      .get(`${BASE}/message/getmessagebyid/msg-out-1`)
      .reply(200, {
        id: 'msg-out-1',
        from: '+19495550100',
        to: [{ phoneNumber: '+19495550111' }],
        text: 'Your order is ready 🎉',
        direction: 'OUTBOUND',
        status: 'SENT',
        lastUpdated: 1749579000000,
      });
    await expect(deliver({ uuid: 'evt-9', messageInfo: { messageId: 'msg-out-1', lastUpdated: 1749579000000 } })).resolves.toEqual([
      {
        id: 'msg-out-1',
        from: '+19495550100',
        to: ['+19495550111'],
        text: 'Your order is ready 🎉',
        direction: 'OUTBOUND',
        status: 'SENT',
        last_updated: '2025-06-10T18:10:00.000Z',
      },
    ]);
  });

  it('starts nothing for a body without a message id', async () => {
    await expect(deliver({ uuid: 'evt-9' })).resolves.toEqual([]);
  });

  it('explains in the editor that past messages cannot be listed', async () => {
    const error = await rejection(appTester(trigger.operation.performList, { authData, inputData: { department_id: 'dept-1' } }));
    expect(appError(error)).toEqual({
      message:
        'StratusTexting offers no way to list past messages. Send a text from the department to see a real one, or continue with the sample.',
      code: 'no_sample_source',
      status: 404,
    });
  });

  it('has an outbound sample', () => {
    expect(trigger.operation.sample).toMatchObject({ direction: 'outbound' });
  });
});
