import { MESSAGE_UUIDS, NO_RECORD_ANSWERS, appError, authData, commpeak, inputProblem, integration, rejection, run } from './support';

const search = integration.searches.find_message_status;
const findStatus = (inputData: Record<string, unknown>) => run.search('find_message_status', { authData, inputData });

const [FIRST, SECOND] = MESSAGE_UUIDS;

// Zapier uses only a search's first result: the search is about one message.
describe('Find Message Status through CommPeak (find_message_status)', () => {
  it("posts the one UUID to /messages_status/ and returns CommPeak's record of it", async () => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(200, [{ message_uuid: FIRST, status: 'DELIVERED', delivered_at: '2026-01-01T09:00:05Z' }]);
    await expect(findStatus({ message_uuid: FIRST })).resolves.toEqual([
      { message_uuid: FIRST, status: 'DELIVERED', delivered_at: '2026-01-01T09:00:05Z' },
    ]);
  });

  it('keeps the UUID as typed when CommPeak writes it otherwise', async () => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(200, { data: { messages: [{ uuid: FIRST.toUpperCase(), state: 'SENT' }] } });
    await expect(findStatus({ message_uuid: ` ${FIRST} ` })).resolves.toEqual([
      { message_uuid: FIRST, uuid: FIRST.toUpperCase(), state: 'SENT' },
    ]);
  });

  const anotherMessageOnly = {
    answer: 'reports on another message only',
    status: 200,
    body: [{ message_uuid: SECOND, status: 'DELIVERED' }],
  };
  it.each([anotherMessageOnly, ...NO_RECORD_ANSWERS])('finds nothing when CommPeak $answer', async ({ status, body }) => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(status, body);
    await expect(findStatus({ message_uuid: FIRST })).resolves.toEqual([]);
  });

  describe('input', () => {
    it.each([
      {
        name: 'takes one UUID, and points to Get Message Statuses for more',
        typed: `${FIRST}, ${SECOND}`,
        message: 'Message UUID: give one message UUID (2 given). To look up many at once, use the Get Message Statuses action.',
      },
      {
        name: 'quotes what is not a message UUID',
        typed: 'zap-1234',
        message: 'Message UUID: "zap-1234" is not a message UUID (like 0562f2aa-5945-4f41-824a-b774fc2e2b2a).',
      },
      { name: 'needs one', typed: ' ', message: 'Message UUID: The message UUID is required.' },
    ])('$name', async ({ typed, message }) => {
      expect(appError(await rejection(findStatus({ message_uuid: typed })))).toEqual(inputProblem(message));
    });
  });

  it('offers the message UUID and the status as outputs, with a matching sample', () => {
    expect(search.operation.sample).toEqual({ message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a', status: 'DELIVERED' });
    expect(search.operation.outputFields).toEqual([
      { key: 'message_uuid', label: 'Message UUID' },
      { key: 'status', label: 'Status (as CommPeak reports it)' },
    ]);
  });
});
