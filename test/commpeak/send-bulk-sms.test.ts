import nock from 'nock';
import {
  NOT_AUTHENTICATED,
  appError,
  authData,
  commpeak,
  expectedInternalId,
  forbiddenError,
  inputProblem,
  integration,
  rejection,
  run,
  throttle,
  ukNumbers,
} from './support';

/** Messages per request to CommPeak, and per step: pinned, so a change to either fails here. */
const BATCH_SIZE = 100;
const MAX_MESSAGES = 1000;

const create = integration.creates.send_bulk_sms;
const sendBulk = (inputData: Record<string, unknown>) => run.create('send_bulk_sms', { authData, inputData });

const KEY = 'order-1042';
const TASK = '251a4cfb-f098-4a84-83a1-66f6273bbb1d';

/** The message CommPeak is sent for `text` to `recipient`, with the step's key. */
function sent(recipient: string, text: string, sender = 'GLOBAL') {
  return {
    internal_id: expectedInternalId(`key:${KEY}`, sender, recipient, text),
    sender,
    recipient_phone: recipient,
    message_content: text,
  };
}
type Sent = ReturnType<typeof sent>;

const accepted = (message: Sent, uuid: string) => ({ internal_id: message.internal_id, message_uuid: uuid, error: null });
const refused = (message: Sent, error: string) => ({ internal_id: message.internal_id, message_uuid: null, error });

/** A message as the step's output lists it. */
function outcome(
  message: Sent,
  fields: {
    status: string;
    accepted_earlier?: boolean;
    message_uuid?: string | null;
    task_id?: string | null;
    error?: string | null;
    reason?: string | null;
  },
) {
  return {
    internal_id: message.internal_id,
    recipient_phone: message.recipient_phone,
    text: message.message_content,
    accepted_earlier: false,
    message_uuid: null,
    task_id: null,
    error: null,
    reason: null,
    ...fields,
  };
}

/** A sale to `count` UK numbers: the messages CommPeak is sent, and the step that sends them. */
function saleTo(count: number) {
  const numbers = ukNumbers(count);
  return {
    messages: numbers.map((number) => sent(number.digits, 'Sale!')),
    send: () => sendBulk({ from: 'GLOBAL', to: numbers.map((number) => number.typed), text: 'Sale!', idempotency_key: KEY }),
  };
}

/** CommPeak accepting every message of `batch` as task `taskId`. */
function acceptsBatch(batch: Sent[], taskId: string, uuidPrefix = 'u') {
  commpeak()
    .post('/simple_send/', { messages: batch })
    .reply(200, { status: true, task_id: taskId, messages: batch.map((message, index) => accepted(message, `${uuidPrefix}${index}`)) });
}

const A = sent('972524265292', 'Your order is ready');
const B = sent('972545330008', 'Your order is ready');
/** The step sending A and B, without and with the Idempotency Key. */
const toAandB = { from: 'GLOBAL', to: ['+972524265292', '+972545330008'], text: 'Your order is ready' };
const toAandBWithKey = { ...toAandB, idempotency_key: KEY };

describe('Send Bulk SMS through CommPeak', () => {
  it('sends one text to a list of numbers in one request and lists each message', async () => {
    commpeak()
      .post('/simple_send/', { messages: [A, B] })
      .reply(200, { status: true, task_id: TASK, messages: [accepted(B, 'uuid-b'), accepted(A, 'uuid-a')] });
    await expect(
      sendBulk({ from: 'GLOBAL', to: ['+972 52-426-5292', '+972545330008'], text: 'Your order is ready', idempotency_key: KEY }),
    ).resolves.toEqual({
      total_count: 2,
      accepted_count: 2,
      failed_count: 0,
      failed: [],
      summary: '2 of 2 messages accepted by CommPeak (0 failed, 0 outcome unknown, 0 not sent).',
      sender: 'GLOBAL',
      task_ids: [TASK],
      messages: [
        outcome(A, { status: 'accepted', message_uuid: 'uuid-a', task_id: TASK }),
        outcome(B, { status: 'accepted', message_uuid: 'uuid-b', task_id: TASK }),
      ],
      duplicates_dropped: [],
    });
  });

  it('sends the same text to the same number once, however it was written, and lists the repeats dropped', async () => {
    const other = sent('972524265292', 'Hello Ann');
    commpeak()
      .post('/simple_send/', { messages: [A, other] })
      .reply(200, { status: true, task_id: TASK, messages: [accepted(A, 'uuid-a'), accepted(other, 'uuid-o')] });
    const output = await sendBulk({
      from: 'GLOBAL',
      to: '+972 52-426-5292, 972524265292, 00972524265292',
      messages: [
        { item_to: '972524265292', item_text: 'Your order is ready' },
        { item_to: '+972524265292', item_text: 'Hello Ann' },
      ],
      text: 'Your order is ready',
      idempotency_key: KEY,
    });
    expect(output).toMatchObject({
      total_count: 2,
      accepted_count: 2,
      duplicates_dropped: ['972524265292', '972524265292', '972524265292'],
    });
  });

  it('sends line items, each with its own text or the Message, before the To list', async () => {
    const first = sent('447400900123', 'Hello Ann');
    const second = sent('19495550100', 'Default text');
    const third = sent('972524265292', 'Default text');
    commpeak()
      .post('/simple_send/', { messages: [first, second, third] })
      .reply(200, { status: true, task_id: TASK, messages: [accepted(first, 'u1'), accepted(second, 'u2'), accepted(third, 'u3')] });
    const output = await sendBulk({
      from: 'GLOBAL',
      text: 'Default text',
      messages: [
        { item_to: '07400 900123', item_text: 'Hello Ann' },
        { item_to: '', item_text: '' },
        { item_to: '+1 (949) 555-0100', item_text: '' },
      ],
      to: '+972524265292',
      default_country: 'GB',
      idempotency_key: KEY,
    });
    expect(output).toMatchObject({
      total_count: 3,
      accepted_count: 3,
      messages: [
        outcome(first, { status: 'accepted', message_uuid: 'u1', task_id: TASK }),
        outcome(second, { status: 'accepted', message_uuid: 'u2', task_id: TASK }),
        outcome(third, { status: 'accepted', message_uuid: 'u3', task_id: TASK }),
      ],
    });
  });

  it('names the line item of a number that cannot be one', async () => {
    const error = await rejection(
      sendBulk({ from: 'GLOBAL', text: 'Hi', messages: [{ item_to: '+972524265292' }, { item_to: '+1 555' }] }),
    );
    expect(appError(error)).toEqual(inputProblem('Line item 2: To: "+1 555" is not a phone number.'));
  });

  it('takes a single line item given only as its fields', async () => {
    const only = sent('972524265292', 'Hi');
    commpeak()
      .post('/simple_send/', { messages: [only] })
      .reply(200, { status: true, task_id: TASK, messages: [accepted(only, 'u1')] });
    await expect(sendBulk({ from: 'GLOBAL', item_to: '+972524265292', item_text: 'Hi', idempotency_key: KEY })).resolves.toMatchObject({
      accepted_count: 1,
      messages: [outcome(only, { status: 'accepted', message_uuid: 'u1', task_id: TASK })],
    });
  });

  it(`sends ${BATCH_SIZE} messages per request`, async () => {
    const sale = saleTo(BATCH_SIZE + 20);
    acceptsBatch(sale.messages.slice(0, BATCH_SIZE), 'task-1');
    acceptsBatch(sale.messages.slice(BATCH_SIZE), 'task-2', 'v');
    const output = await sale.send();
    expect(output).toMatchObject({
      total_count: BATCH_SIZE + 20,
      accepted_count: BATCH_SIZE + 20,
      failed_count: 0,
      task_ids: ['task-1', 'task-2'],
    });
  });

  describe('with an Idempotency Key, internal ids come from the key and the content, not the order', () => {
    it('sends the same recipients in another order with the same id for each recipient', async () => {
      // Ids pinned here, computed by hand from the documented recipe: key, sender, recipient, text.
      expect([A.internal_id, B.internal_id]).toEqual([
        expectedInternalId('key:order-1042', 'GLOBAL', '972524265292', 'Your order is ready'),
        expectedInternalId('key:order-1042', 'GLOBAL', '972545330008', 'Your order is ready'),
      ]);
      commpeak()
        .post('/simple_send/', { messages: [A, B] })
        .reply(200, { status: true, task_id: TASK, messages: [accepted(A, 'uuid-a'), accepted(B, 'uuid-b')] });
      commpeak()
        .post('/simple_send/', { messages: [B, A] })
        .reply(200, { status: true, task_id: 'task-2', messages: [accepted(B, 'uuid-b'), accepted(A, 'uuid-a')] });
      await expect(sendBulk(toAandBWithKey)).resolves.toMatchObject({ accepted_count: 2 });
      await expect(sendBulk({ ...toAandBWithKey, to: ['+972545330008', '+972524265292'] })).resolves.toMatchObject({
        accepted_count: 2,
      });
    });

    it('gives two recipients of the same text different ids', async () => {
      const seen: Sent[] = [];
      commpeak()
        .post('/simple_send/')
        .reply((_uri, body) => {
          seen.push(...(body as { messages: Sent[] }).messages);
          return [200, { status: true, task_id: TASK, messages: [accepted(A, 'uuid-a'), accepted(B, 'uuid-b')] }];
        });
      await sendBulk(toAandBWithKey);
      expect(seen).toEqual([A, B]);
      expect(A.internal_id).not.toBe(B.internal_id);
    });

    // ASSUMPTION (docs/providers.md): DUPLICATE_INTERNAL_ID is CommPeak's code for an internal_id it already has.
    it('reports a message CommPeak answers DUPLICATE_INTERNAL_ID as accepted by an earlier run, not failed', async () => {
      commpeak()
        .post('/simple_send/', { messages: [B, A] })
        .reply(200, { status: true, task_id: 'task-2', messages: [refused(A, 'DUPLICATE_INTERNAL_ID'), accepted(B, 'uuid-b')] });
      await expect(sendBulk({ ...toAandBWithKey, to: ['+972545330008', '+972524265292'] })).resolves.toEqual({
        total_count: 2,
        accepted_count: 2,
        failed_count: 0,
        failed: [],
        summary: '2 of 2 messages accepted by CommPeak (1 of them by an earlier run, 0 failed, 0 outcome unknown, 0 not sent).',
        sender: 'GLOBAL',
        task_ids: ['task-2'],
        messages: [
          outcome(B, { status: 'accepted', message_uuid: 'uuid-b', task_id: 'task-2' }),
          outcome(A, {
            status: 'accepted',
            accepted_earlier: true,
            task_id: 'task-2',
            reason: `Accepted earlier: CommPeak already had internal ID ${A.internal_id} (DUPLICATE_INTERNAL_ID), so this run did not send it again.`,
          }),
        ],
        duplicates_dropped: [],
      });
    });

    it('succeeds when CommPeak answers every message as one it already has', async () => {
      commpeak()
        .post('/simple_send/', { messages: [A, B] })
        .reply(200, {
          status: true,
          task_id: 'task-3',
          messages: [refused(A, 'DUPLICATE_INTERNAL_ID'), refused(B, 'DUPLICATE_INTERNAL_ID')],
        });
      await expect(sendBulk(toAandBWithKey)).resolves.toMatchObject({
        accepted_count: 2,
        failed_count: 0,
        summary: '2 of 2 messages accepted by CommPeak (2 of them by an earlier run, 0 failed, 0 outcome unknown, 0 not sent).',
      });
    });
  });

  it('without an Idempotency Key, gives every message of every run a new internal_id', async () => {
    const runs: string[][] = [];
    commpeak()
      .post('/simple_send/')
      .times(2)
      .reply((_uri, body) => {
        const { messages } = body as { messages: Sent[] };
        expect(messages).toEqual([
          { ...A, internal_id: expect.stringMatching(/^zap-[0-9a-f]{32}$/) },
          { ...B, internal_id: expect.stringMatching(/^zap-[0-9a-f]{32}$/) },
        ]);
        runs.push(messages.map((message) => message.internal_id));
        return [200, { status: true, task_id: TASK, messages: messages.map((message, index) => accepted(message, `u${index}`)) }];
      });
    await expect(sendBulk(toAandB)).resolves.toMatchObject({ accepted_count: 2 });
    await expect(sendBulk(toAandB)).resolves.toMatchObject({ accepted_count: 2 });
    expect(new Set(runs.flat()).size).toBe(4);
  });

  describe('per-message failures', () => {
    it('reports the messages a 200 refused, and succeeds because some were accepted', async () => {
      const C = sent('447400900123', 'Your order is ready');
      commpeak()
        .post('/simple_send/', { messages: [A, B, C] })
        .reply(200, {
          status: true,
          task_id: TASK,
          messages: [accepted(A, 'uuid-a'), refused(B, 'BLACKLISTED'), refused(C, 'INVALID_NUMBER')],
        });
      const failedB = outcome(B, {
        status: 'failed',
        task_id: TASK,
        error: 'BLACKLISTED',
        reason: 'CommPeak did not accept the message to 972545330008: BLACKLISTED.',
      });
      const failedC = outcome(C, {
        status: 'failed',
        task_id: TASK,
        error: 'INVALID_NUMBER',
        reason: 'CommPeak did not accept the message to 447400900123: INVALID_NUMBER.',
      });
      await expect(
        sendBulk({ from: 'GLOBAL', to: '+972524265292, +972545330008, +447400900123', text: 'Your order is ready', idempotency_key: KEY }),
      ).resolves.toEqual({
        total_count: 3,
        accepted_count: 1,
        failed_count: 2,
        failed: [failedB, failedC],
        summary:
          '1 of 3 messages accepted by CommPeak (2 failed, 0 outcome unknown, 0 not sent). Did not go: 972545330008 (BLACKLISTED), 447400900123 (INVALID_NUMBER).',
        sender: 'GLOBAL',
        task_ids: [TASK],
        messages: [outcome(A, { status: 'accepted', message_uuid: 'uuid-a', task_id: TASK }), failedB, failedC],
        duplicates_dropped: [],
      });
    });

    it('stops at a RATE_LIMIT and says exactly which messages went and which were not sent', async () => {
      const { messages, send } = saleTo(2 * BATCH_SIZE + 1);
      const secondBatch = messages.slice(BATCH_SIZE, 2 * BATCH_SIZE);
      const lastMessage = messages[2 * BATCH_SIZE];
      acceptsBatch(messages.slice(0, BATCH_SIZE), 'task-1');
      commpeak()
        .post('/simple_send/', { messages: secondBatch })
        .reply(200, {
          status: true,
          task_id: 'task-2',
          messages: [accepted(secondBatch[0], 'v0'), ...secondBatch.slice(1).map((message) => refused(message, 'RATE_LIMIT'))],
        });
      const output = (await send()) as { messages: { status: string }[]; failed: unknown[] };
      expect(output).toMatchObject({
        total_count: 2 * BATCH_SIZE + 1,
        accepted_count: BATCH_SIZE + 1,
        failed_count: BATCH_SIZE,
        task_ids: ['task-1', 'task-2'],
      });
      expect(output.messages.filter((message) => message.status === 'accepted')).toHaveLength(BATCH_SIZE + 1);
      expect(output.failed).toHaveLength(BATCH_SIZE);
      expect(output.failed[0]).toEqual(
        outcome(secondBatch[1], {
          status: 'failed',
          task_id: 'task-2',
          error: 'RATE_LIMIT',
          reason: `CommPeak did not accept the message to ${secondBatch[1].recipient_phone}: RATE_LIMIT.`,
        }),
      );
      expect(output.failed[BATCH_SIZE - 1]).toEqual(
        outcome(lastMessage, { status: 'not_sent', error: 'NOT_SENT', reason: 'Not sent: CommPeak was rate limiting (RATE_LIMIT).' }),
      );
    });

    it('keeps what went when a later request is answered 429, and sends nothing after it', async () => {
      const { messages, send } = saleTo(2 * BATCH_SIZE + 1);
      acceptsBatch(messages.slice(0, BATCH_SIZE), 'task-1');
      commpeak()
        .post('/simple_send/', { messages: messages.slice(BATCH_SIZE, 2 * BATCH_SIZE) })
        .reply(429, { detail: 'Too Many Requests' }, { 'Retry-After': '120' });
      const output = (await send()) as { failed: unknown[] };
      expect(output).toMatchObject({ accepted_count: BATCH_SIZE, failed_count: BATCH_SIZE + 1, task_ids: ['task-1'] });
      expect(output.failed[0]).toEqual(
        outcome(messages[BATCH_SIZE], {
          status: 'failed',
          error: 'RATE_LIMIT',
          reason:
            'CommPeak is limiting how often "send bulk SMS" may run ("Too Many Requests"). Zapier runs the step again in 120 seconds; nothing to change. (HTTP 429)',
        }),
      );
      expect(output.failed[BATCH_SIZE]).toEqual(
        outcome(messages[2 * BATCH_SIZE], {
          status: 'not_sent',
          error: 'NOT_SENT',
          reason: 'Not sent: an earlier request failed (RATE_LIMIT).',
        }),
      );
    });

    it('fails with outcome_unknown when a later request is answered 5xx: its messages may have gone, later ones did not', async () => {
      const { messages, send } = saleTo(2 * BATCH_SIZE + 1);
      const secondBatch = messages.slice(BATCH_SIZE, 2 * BATCH_SIZE);
      acceptsBatch(messages.slice(0, BATCH_SIZE), 'task-1');
      commpeak().post('/simple_send/', { messages: secondBatch }).reply(502, '<html><head><title>502 Bad Gateway</title></head></html>');
      const error = await rejection(send());
      expect(appError(error)).toEqual({
        message:
          `CommPeak accepted ${BATCH_SIZE} of ${2 * BATCH_SIZE + 1} messages; ${BATCH_SIZE} may have been sent (outcome unknown) and 1 did not go. ` +
          'The message may have been sent: CommPeak answered with an error ("an HTML error page titled "502 Bad Gateway""), so it is unknown whether "send bulk SMS" went through. ' +
          `Look for internal IDs ${secondBatch[0].internal_id} to ${secondBatch[BATCH_SIZE - 1].internal_id} (${BATCH_SIZE} messages) in your CommPeak account's message log at my.commpeak.com. ` +
          'Check before running this step again, or the recipient may get the message twice. A replay gives every message the internal ID it had, so CommPeak can recognise the ones it already has. (HTTP 502)',
        code: 'outcome_unknown',
        status: 502,
      });
      // The third request was never sent (nock would answer "no match" for it).
      expect(nock.pendingMocks()).toEqual([]);
    });

    it('without a key, warns that a replay would send the accepted messages again', async () => {
      commpeak()
        .post('/simple_send/')
        .reply((_uri, body) => {
          const [first, second] = (body as { messages: Sent[] }).messages;
          return [
            200,
            {
              status: true,
              task_id: TASK,
              messages: [accepted(first, 'u1'), { internal_id: second.internal_id, message_uuid: null, error: null }],
            },
          ];
        });
      const error = await rejection(sendBulk(toAandB));
      expect(appError(error)).toMatchObject({ code: 'outcome_unknown', status: 502 });
      expect(appError(error).message).toMatch(
        new RegExp(
          '^CommPeak accepted 1 of 2 messages; 1 may have been sent \\(outcome unknown\\) and 0 did not go\\. CommPeak listed the message to 972545330008 with neither a message_uuid nor an error: it may have been sent\\. ' +
            "Look for internal ID zap-[0-9a-f]{32} in your CommPeak account's message log at my\\.commpeak\\.com\\. Check them before running this step again\\. " +
            'A replay would send the 1 accepted messages again \\(no Idempotency Key is set\\): send the ones that did not go in a new step instead\\.$',
        ),
      );
    });
  });

  describe('when no message was accepted, the step fails', () => {
    it("with Zapier's throttle when CommPeak rate limited every message", async () => {
      commpeak()
        .post('/simple_send/', { messages: [A, B] })
        .reply(200, {
          status: true,
          task_id: 'ad340f18-e91d-4975-bd6a-efa0cd82a7e3',
          messages: [refused(A, 'RATE_LIMIT'), refused(B, 'RATE_LIMIT')],
        });
      expect(throttle(await rejection(sendBulk(toAandBWithKey)))).toEqual({
        message:
          'CommPeak accepted none of the 2 messages (972524265292: RATE_LIMIT, 972545330008: RATE_LIMIT). CommPeak is rate limiting; Zapier retries in 60 seconds.',
        delay: 60,
      });
    });

    it.each([
      {
        name: 'with outcome_unknown, not a throttle, for the documented rate-limit answer that leaves one message out',
        status: 200,
        body: { status: true, task_id: 'ad340f18-e91d-4975-bd6a-efa0cd82a7e3', messages: [refused(A, 'RATE_LIMIT')] },
        error: {
          message:
            'CommPeak accepted 0 of 2 messages; 1 may have been sent (outcome unknown) and 1 did not go. CommPeak answered without listing the message to 972545330008: it may have been sent. ' +
            `Look for internal ID ${B.internal_id} in your CommPeak account's message log at my.commpeak.com. Check them before running this step again. ` +
            'A replay gives every message the internal ID it had, so CommPeak can recognise the ones it already has.',
          code: 'outcome_unknown',
          status: 502,
        },
      },
      {
        name: 'with an error naming the codes otherwise',
        status: 200,
        body: { status: true, task_id: TASK, messages: [refused(A, 'INVALID_NUMBER'), refused(B, 'BLACKLISTED')] },
        error: {
          message:
            'CommPeak accepted none of the 2 messages (972524265292: INVALID_NUMBER, 972545330008: BLACKLISTED). Check the numbers, the sender and the text.',
          code: 'messages_rejected',
          status: 400,
        },
      },
      {
        name: "with the first request's own error when it fails outright (the documented 403)",
        status: 403,
        body: NOT_AUTHENTICATED,
        error: forbiddenError('send bulk SMS'),
      },
      {
        name: 'with outcome_unknown on a malformed answer to the first request',
        status: 200,
        body: 'OK',
        error: {
          message:
            'CommPeak accepted 0 of 2 messages; 2 may have been sent (outcome unknown) and 0 did not go. The message may have been sent: CommPeak answered with a response this integration does not understand (body: Expected object, received string), so it is unknown whether "send bulk SMS" went through. ' +
            `Look for internal IDs ${A.internal_id} to ${B.internal_id} (2 messages) in your CommPeak account's message log at my.commpeak.com. ` +
            'Check before running this step again, or the recipient may get the message twice. A replay gives every message the internal ID it had, so CommPeak can recognise the ones it already has. (HTTP 200)',
          code: 'outcome_unknown',
          status: 502,
        },
      },
    ])('$name', async ({ status, body, error }: { status: number; body: nock.Body; error: ReturnType<typeof appError> }) => {
      commpeak()
        .post('/simple_send/', { messages: [A, B] })
        .reply(status, body);
      expect(appError(await rejection(sendBulk(toAandBWithKey)))).toEqual(error);
    });
  });

  describe('input', () => {
    it.each([
      {
        name: 'needs at least one number',
        input: { text: 'Hi' },
        message: 'To: give at least one phone number, in To or in the line items.',
      },
      {
        name: 'needs a message for the numbers in To',
        input: { to: ['+972524265292'] },
        message: 'Message: a message is required for the numbers in To.',
      },
      {
        name: 'needs a number for a line item with a text',
        input: { messages: [{ item_to: ' ', item_text: 'Hi' }] },
        message: 'Line item 1: To: a phone number is required.',
      },
      {
        name: 'quotes a number that cannot be one',
        input: { to: ['+972524265292', 'call me'], text: 'Hi' },
        message: 'To: "call me" is not a phone number. Include the country code (for example +1 for the US) or set Default Country.',
      },
    ])('$name', async ({ input, message }) => {
      expect(appError(await rejection(sendBulk({ from: 'GLOBAL', ...input })))).toEqual(inputProblem(message));
    });

    it(`refuses more than ${MAX_MESSAGES} messages in one step`, async () => {
      const numbers = ukNumbers(MAX_MESSAGES + 1).map((number) => number.typed);
      expect(appError(await rejection(sendBulk({ from: 'GLOBAL', to: numbers, text: 'Hi' })))).toEqual(
        inputProblem(`To: ${MAX_MESSAGES + 1} messages is more than the ${MAX_MESSAGES} one step may send.`),
      );
    });

    it('documents when the step fails in the editor', () => {
      const rule = (create.operation.inputFields as { key: string; helpText?: string }[]).find((field) => field.key === 'bulk_rule');
      expect(rule?.helpText).toContain('The step fails when no message was accepted');
      expect(rule?.helpText).toContain('and when an answer was lost');
      expect(rule?.helpText).toContain(`${BATCH_SIZE} per request`);
    });
  });
});
