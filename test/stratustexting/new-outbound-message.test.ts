import { api, appError, authData, BASE, noPastMessages, rejection, run, triggers } from './support';

const trigger = triggers.new_outbound_message;
const deliver = (cleanedRequest: unknown) =>
  run.trigger('new_outbound_message', { authData, inputData: { department_id: 'dept-1' }, cleanedRequest });

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

  it.each([['INBOUND'], ['inbound'], ['Incoming']])('fires nothing for a message whose record says %s', async (direction) => {
    api()
      .get(`${BASE}/message/getmessagebyid/msg-in-1`)
      .reply(200, { id: 'msg-in-1', from: '+19495550111', to: ['+19495550100'], text: 'Liked “Ready”', direction });
    await expect(deliver({ uuid: 'evt-10', messageInfo: { messageId: 'msg-in-1' } })).resolves.toEqual([]);
  });

  it('fires nothing when the event says the message came in', async () => {
    api()
      .get(`${BASE}/message/getmessagebyid/msg-out-1`)
      .reply(200, { id: 'msg-out-1', from: '+19495550100', to: ['+19495550111'], text: 'Hello' });
    await expect(deliver({ uuid: 'evt-11', messageInfo: { messageId: 'msg-out-1', direction: 'INBOUND' } })).resolves.toEqual([]);
  });

  it('has no Ignore Reactions option: a department does not send reactions', () => {
    expect(trigger.operation.inputFields).toEqual([
      expect.objectContaining({ key: 'department_id' }),
      expect.objectContaining({ key: 'organization_id' }),
    ]);
  });

  it('starts nothing for a body without a message id', async () => {
    await expect(deliver({ uuid: 'evt-9' })).resolves.toEqual([]);
  });

  it('explains in the editor that past messages cannot be listed, before any message fired', async () => {
    const error = await rejection(
      run.triggerList('new_outbound_message', { authData, inputData: { department_id: 'dept-1' } }, { freshCache: true }),
    );
    expect(appError(error)).toEqual(noPastMessages('Send a text from the department to see a real one'));
  });

  it('offers the last message it fired for as the sample, not an inbound one of the same department', async () => {
    const message = { id: 'msg-out-2', from: '+19495550100', to: ['+19495550111'], text: 'See you at 7', direction: 'OUTBOUND' };
    api().get(`${BASE}/message/getmessagebyid/msg-out-2`).twice().reply(200, message);
    const bundle = { authData, inputData: { department_id: 'dept-1' } };
    await run.trigger(
      'new_outbound_message',
      { ...bundle, cleanedRequest: { messageInfo: { messageId: 'msg-out-2' } } },
      { freshCache: true },
    );
    const expected = { ...message, to: ['+19495550111'], status: null, last_updated: null };
    await expect(run.triggerList('new_outbound_message', bundle)).resolves.toEqual([expected]);
    await expect(rejection(run.triggerList('new_inbound_message', bundle))).resolves.toMatchObject({
      message: expect.stringContaining('no way to list past messages'),
    });
  });

  it('has its own sample: a message the department sent', () => {
    expect(trigger.operation.sample).toEqual({
      id: '6650f27da4b7e93d1c2f8a4c',
      from: '+19495550100',
      to: ['+19495550111'],
      text: 'Yes! Your order is ready for pickup until 6pm today.',
      direction: 'outbound',
      status: 'SENT',
      last_updated: '2025-06-10T18:12:30.000Z',
    });
  });
});
