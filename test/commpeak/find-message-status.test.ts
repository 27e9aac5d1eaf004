import {
  FORBIDDEN_ADVICE,
  NOT_AUTHENTICATED,
  appError,
  appTester,
  authData,
  commpeak,
  inputProblem,
  integration,
  rejection,
} from './support';

/** Message ids one lookup takes: pinned, so a change fails here. */
const MAX_MESSAGE_IDS = 100;

const search = integration.searches.find_message_status;
const findStatus = (inputData: Record<string, unknown>) => appTester(search.operation.perform as never, { authData, inputData });

const FIRST = 'e6b7ae60-6bbc-4db5-bfe4-7c9af27b8bdc';
const SECOND = '81e766af-06eb-4676-ac83-0ca32b8aff85';
const request = { message_uuids: [FIRST, SECOND] };

describe('Find Message Status through CommPeak', () => {
  it("posts the UUIDs to /messages_status/ and returns one result per UUID, in order, with CommPeak's own fields", async () => {
    commpeak()
      .post('/messages_status/', request)
      .reply(200, [
        { message_uuid: SECOND, status: 'UNDELIVERED', error_code: 'EXPIRED' },
        { message_uuid: FIRST, status: 'DELIVERED', delivered_at: '2026-01-01T09:00:05Z' },
      ]);
    await expect(findStatus({ message_ids: [FIRST, SECOND] })).resolves.toEqual([
      { message_uuid: FIRST, found: true, status: 'DELIVERED', delivered_at: '2026-01-01T09:00:05Z' },
      { message_uuid: SECOND, found: true, status: 'UNDELIVERED', error_code: 'EXPIRED' },
    ]);
  });

  it('finds the records under any key of a wrapped answer', async () => {
    commpeak()
      .post('/messages_status/', request)
      .reply(200, { status: true, data: { messages: [{ uuid: FIRST.toUpperCase(), state: 'SENT' }] } });
    await expect(findStatus({ message_ids: `${FIRST}, ${SECOND}` })).resolves.toEqual([
      { message_uuid: FIRST, found: true, uuid: FIRST.toUpperCase(), state: 'SENT' },
      { message_uuid: SECOND, found: false },
    ]);
  });

  it('reads an answer keyed by UUID, with objects or bare statuses', async () => {
    commpeak()
      .post('/messages_status/', request)
      .reply(200, { [FIRST]: 'DELIVERED', [SECOND]: { status: 'PENDING', parts: 2 } });
    await expect(findStatus({ message_ids: [FIRST, SECOND] })).resolves.toEqual([
      { message_uuid: FIRST, found: true, status: 'DELIVERED' },
      { message_uuid: SECOND, found: true, status: 'PENDING', parts: 2 },
    ]);
  });

  it('finds nothing when CommPeak reports on none of the UUIDs', async () => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(200, { status: true, messages: [] });
    await expect(findStatus({ message_ids: [FIRST] })).resolves.toEqual([]);
  });

  it('finds nothing on a 404', async () => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(404, { detail: 'Not Found' });
    await expect(findStatus({ message_ids: [FIRST] })).resolves.toEqual([]);
  });

  it('asks once for a UUID given twice', async () => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(200, [{ message_uuid: FIRST, status: 'DELIVERED' }]);
    await expect(findStatus({ message_ids: [FIRST, FIRST.toUpperCase()] })).resolves.toEqual([
      { message_uuid: FIRST, found: true, status: 'DELIVERED' },
    ]);
  });

  it("fails on the seed's 403 with the wrong-key advice", async () => {
    commpeak().post('/messages_status/', request).reply(403, NOT_AUTHENTICATED);
    expect(appError(await rejection(findStatus({ message_ids: [FIRST, SECOND] })))).toEqual({
      message: `CommPeak answered "find message status" with HTTP 403: Not authenticated. ${FORBIDDEN_ADVICE}`,
      code: 'forbidden',
      status: 403,
    });
  });

  it("reports a 5xx as CommPeak's problem", async () => {
    commpeak().post('/messages_status/', request).reply(500, { detail: 'Internal Server Error' });
    expect(appError(await rejection(findStatus({ message_ids: [FIRST, SECOND] })))).toEqual({
      message: `CommPeak answered "find message status" with HTTP 500: Internal Server Error. This is a problem on CommPeak's side; try again later.`,
      code: 'provider_unavailable',
      status: 500,
    });
  });

  it('reports an answer that is not JSON as one it does not understand', async () => {
    commpeak().post('/messages_status/', request).reply(200, 'OK');
    expect(appError(await rejection(findStatus({ message_ids: [FIRST, SECOND] })))).toEqual({
      message:
        'CommPeak answered "find message status" with a response this integration does not understand (body: expected a JSON object or list).',
      code: 'unexpected_response',
      status: 200,
    });
  });

  describe('input', () => {
    it('quotes what is not a message UUID', async () => {
      expect(appError(await rejection(findStatus({ message_ids: [FIRST, 'zap-1234'] })))).toEqual(
        inputProblem('Message UUIDs: "zap-1234" is not a message UUID (like 0562f2aa-5945-4f41-824a-b774fc2e2b2a).'),
      );
    });

    it('needs at least one', async () => {
      expect(appError(await rejection(findStatus({ message_ids: [' '] })))).toEqual(
        inputProblem('Message UUIDs: At least one message UUID is required.'),
      );
    });

    it(`takes at most ${MAX_MESSAGE_IDS}`, async () => {
      const ids = Array.from({ length: MAX_MESSAGE_IDS + 1 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
      expect(appError(await rejection(findStatus({ message_ids: ids })))).toEqual(
        inputProblem(`Message UUIDs: give at most ${MAX_MESSAGE_IDS} UUIDs (${MAX_MESSAGE_IDS + 1} given).`),
      );
    });
  });
});
