import {
  MESSAGE_UUIDS,
  NOT_AUTHENTICATED,
  NO_RECORD_ANSWERS,
  appError,
  authData,
  commpeak,
  forbiddenError,
  inputProblem,
  rejection,
  run,
} from './support';

const getStatuses = (inputData: Record<string, unknown>) => run.create('get_message_statuses', { authData, inputData });

/** Pinned here, not imported: one step asks about at most this many messages. */
const MAX_MESSAGE_UUIDS = 100;

const [FIRST, SECOND] = MESSAGE_UUIDS;
const request = { message_uuids: [FIRST, SECOND] };

describe('Get Message Statuses through CommPeak (get_message_statuses)', () => {
  it("posts the UUIDs to /messages_status/ and returns one result per UUID, in order, with CommPeak's own fields", async () => {
    commpeak()
      .post('/messages_status/', request)
      .reply(200, [
        { message_uuid: SECOND, status: 'UNDELIVERED', error_code: 'EXPIRED' },
        { message_uuid: FIRST, status: 'DELIVERED', delivered_at: '2026-01-01T09:00:05Z' },
      ]);
    await expect(getStatuses({ message_uuids: [FIRST, SECOND] })).resolves.toEqual({
      total_count: 2,
      found_count: 2,
      statuses: [
        { message_uuid: FIRST, found: true, status: 'DELIVERED', delivered_at: '2026-01-01T09:00:05Z' },
        { message_uuid: SECOND, found: true, status: 'UNDELIVERED', error_code: 'EXPIRED' },
      ],
    });
  });

  it('finds the records under any key of a wrapped answer', async () => {
    commpeak()
      .post('/messages_status/', request)
      .reply(200, { status: true, data: { messages: [{ uuid: FIRST.toUpperCase(), state: 'SENT' }] } });
    await expect(getStatuses({ message_uuids: `${FIRST}, ${SECOND}` })).resolves.toEqual({
      total_count: 2,
      found_count: 1,
      statuses: [
        { message_uuid: FIRST, found: true, uuid: FIRST.toUpperCase(), state: 'SENT' },
        { message_uuid: SECOND, found: false },
      ],
    });
  });

  it('reads an answer keyed by UUID, with objects or bare statuses', async () => {
    commpeak()
      .post('/messages_status/', request)
      .reply(200, { [FIRST]: 'DELIVERED', [SECOND]: { status: 'PENDING', parts: 2 } });
    await expect(getStatuses({ message_uuids: [FIRST, SECOND] })).resolves.toEqual({
      total_count: 2,
      found_count: 2,
      statuses: [
        { message_uuid: FIRST, found: true, status: 'DELIVERED' },
        { message_uuid: SECOND, found: true, status: 'PENDING', parts: 2 },
      ],
    });
  });

  it.each(NO_RECORD_ANSWERS)('marks every UUID not found when CommPeak $answer', async ({ status, body }) => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(status, body);
    await expect(getStatuses({ message_uuids: [FIRST] })).resolves.toEqual({
      total_count: 1,
      found_count: 0,
      statuses: [{ message_uuid: FIRST, found: false }],
    });
  });

  it('finds a UUID typed in upper case in an answer that writes it in lower case, keeping it as typed', async () => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST.toUpperCase(), SECOND] })
      .reply(200, [{ message_uuid: FIRST, status: 'DELIVERED' }]);
    await expect(getStatuses({ message_uuids: [FIRST.toUpperCase(), SECOND] })).resolves.toEqual({
      total_count: 2,
      found_count: 1,
      statuses: [
        { message_uuid: FIRST.toUpperCase(), found: true, status: 'DELIVERED' },
        { message_uuid: SECOND, found: false },
      ],
    });
  });

  it('asks once for a UUID given twice', async () => {
    commpeak()
      .post('/messages_status/', { message_uuids: [FIRST] })
      .reply(200, [{ message_uuid: FIRST, status: 'DELIVERED' }]);
    await expect(getStatuses({ message_uuids: [FIRST, FIRST.toUpperCase()] })).resolves.toEqual({
      total_count: 1,
      found_count: 1,
      statuses: [{ message_uuid: FIRST, found: true, status: 'DELIVERED' }],
    });
  });

  it('fails on the documented 403 with the wrong-key advice', async () => {
    commpeak().post('/messages_status/', request).reply(403, NOT_AUTHENTICATED);
    expect(appError(await rejection(getStatuses({ message_uuids: [FIRST, SECOND] })))).toEqual(forbiddenError('get message statuses'));
  });

  it("reports a 5xx as CommPeak's problem", async () => {
    commpeak().post('/messages_status/', request).reply(500, { detail: 'Internal Server Error' });
    expect(appError(await rejection(getStatuses({ message_uuids: [FIRST, SECOND] })))).toEqual({
      message: `CommPeak failed on its side during "get message statuses" ("Internal Server Error"). Nothing in this step needs to change: try again later. (HTTP 500)`,
      code: 'provider_unavailable',
      status: 500,
    });
  });

  it('reports an answer that is not JSON as one it does not understand', async () => {
    commpeak().post('/messages_status/', request).reply(200, 'OK');
    expect(appError(await rejection(getStatuses({ message_uuids: [FIRST, SECOND] })))).toEqual({
      message:
        'CommPeak answered "get message statuses" with a response this integration does not understand (body: expected a JSON object or list). (HTTP 200)',
      code: 'unexpected_response',
      status: 200,
    });
  });

  describe('input', () => {
    it('quotes what is not a message UUID', async () => {
      expect(appError(await rejection(getStatuses({ message_uuids: [FIRST, 'zap-1234'] })))).toEqual(
        inputProblem('Message UUIDs: "zap-1234" is not a message UUID (like 0562f2aa-5945-4f41-824a-b774fc2e2b2a).'),
      );
    });

    it('needs at least one', async () => {
      expect(appError(await rejection(getStatuses({ message_uuids: [' '] })))).toEqual(
        inputProblem('Message UUIDs: At least one message UUID is required.'),
      );
    });

    it(`takes at most ${MAX_MESSAGE_UUIDS}`, async () => {
      const ids = Array.from({ length: MAX_MESSAGE_UUIDS + 1 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
      expect(appError(await rejection(getStatuses({ message_uuids: ids })))).toEqual(
        inputProblem(`Message UUIDs: give at most ${MAX_MESSAGE_UUIDS} UUIDs (${MAX_MESSAGE_UUIDS + 1} given).`),
      );
    });
  });
});
