import { appError, appTester, authData, commpeak, inputProblem, integration, rejection } from './support';

const search = integration.searches.find_message_status;
const findStatus = (inputData: Record<string, unknown>) => appTester(search.operation.perform as never, { authData, inputData });

const FIRST = 'e6b7ae60-6bbc-4db5-bfe4-7c9af27b8bdc';
const SECOND = '81e766af-06eb-4676-ac83-0ca32b8aff85';

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

  it.each([
    ['reports on another message only', 200, [{ message_uuid: SECOND, status: 'DELIVERED' }]],
    ['reports on nothing', 200, { status: true, messages: [] }],
    ['answers 404', 404, { detail: 'Not Found' }],
  ])('finds nothing when CommPeak %s', async (_case, status, body) => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(status, body);
    await expect(findStatus({ message_uuid: FIRST })).resolves.toEqual([]);
  });

  describe('input', () => {
    it('takes one UUID, and points to Get Message Statuses for more', async () => {
      expect(appError(await rejection(findStatus({ message_uuid: `${FIRST}, ${SECOND}` })))).toEqual(
        inputProblem('Message UUID: give one message UUID (2 given). To look up many at once, use the Get Message Statuses action.'),
      );
    });

    it('quotes what is not a message UUID', async () => {
      expect(appError(await rejection(findStatus({ message_uuid: 'zap-1234' })))).toEqual(
        inputProblem('Message UUID: "zap-1234" is not a message UUID (like 0562f2aa-5945-4f41-824a-b774fc2e2b2a).'),
      );
    });

    it('needs one', async () => {
      expect(appError(await rejection(findStatus({ message_uuid: ' ' })))).toEqual(
        inputProblem('Message UUID: The message UUID is required.'),
      );
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
