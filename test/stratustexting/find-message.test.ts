import { api, appError, run, authData, BASE, inputProblem, rejection } from './support';

const find = (messageId: unknown) => run.search('find_message', { authData, inputData: { message_id: messageId } });

describe('Find Message (find_message)', () => {
  it('GETs the message by id and returns it normalised', async () => {
    api()
      .get(`${BASE}/message/getmessagebyid/6650f1c2a4b7e93d1c2f8a10`)
      .reply(200, {
        id: '6650f1c2a4b7e93d1c2f8a10',
        from: '+19495550111',
        to: [{ phoneNumber: '+19495550100' }],
        text: 'Liked "Your order is ready"',
        direction: 'INBOUND',
        status: 'RECEIVED',
        lastUpdated: 1749579000000,
        mediaUrls: [],
      });
    await expect(find(' 6650f1c2a4b7e93d1c2f8a10 ')).resolves.toEqual([
      {
        id: '6650f1c2a4b7e93d1c2f8a10',
        from: '+19495550111',
        to: ['+19495550100'],
        text: 'Liked "Your order is ready"',
        direction: 'INBOUND',
        status: 'RECEIVED',
        last_updated: '2025-06-10T18:10:00.000Z',
        mediaUrls: [],
      },
    ]);
  });

  it('percent-encodes the id in the path', async () => {
    api().get(`${BASE}/message/getmessagebyid/a%3Fb%23c`).reply(200, { id: 'a?b#c' });
    await expect(find('a?b#c')).resolves.toEqual([
      { id: 'a?b#c', from: null, to: [], text: '', direction: null, status: null, last_updated: null },
    ]);
  });

  it.each(['a/b', '..', '%2e%2e/x'])('refuses the id "%s", which would address another path, and sends nothing', async (id) => {
    expect(appError(await rejection(find(id)))).toEqual({
      message: `Message ID: "${id}" cannot be an id: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.`,
      code: 'invalid_input',
      status: 400,
    });
  });

  it('finds nothing when the message does not exist (404)', async () => {
    api().get(`${BASE}/message/getmessagebyid/missing`).reply(404, { message: 'Message not found' });
    await expect(find('missing')).resolves.toEqual([]);
  });

  it('requires the message id', async () => {
    expect(appError(await rejection(find('  ')))).toEqual(inputProblem('Message ID: The message ID is required.'));
  });

  it('refuses a message without an id', async () => {
    api().get(`${BASE}/message/getmessagebyid/m-1`).reply(200, { text: 'hello' });
    expect(appError(await rejection(find('m-1')))).toEqual({
      message: 'StratusTexting answered "Get Message" with a response this integration does not understand (id: Invalid input). (HTTP 200)',
      code: 'unexpected_response',
      status: 200,
    });
  });

  it('refuses a timestamp no date can hold, instead of crashing', async () => {
    api().get(`${BASE}/message/getmessagebyid/m-1`).reply(200, { id: 'm-1', lastUpdated: 1e20 });
    expect(appError(await rejection(find('m-1')))).toEqual({
      message:
        'StratusTexting answered "Get Message" with a response this integration does not understand (lastUpdated: Number must be less than or equal to 8640000000000000). (HTTP 200)',
      code: 'unexpected_response',
      status: 200,
    });
  });
});
