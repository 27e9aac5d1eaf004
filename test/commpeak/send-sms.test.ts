import { NOTHING_TO_REPORT } from '../support/send-output';
import type nock from 'nock';
import { internalId, senderFor } from '../../src/providers/commpeak/messages';
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
  thrown,
} from './support';

const create = integration.creates.send_sms;
const sendSms = (inputData: Record<string, unknown>) => run.create('send_sms', { authData, inputData });

const KEY = 'row-42';
const TEXT = 'test message 1';
const ID = expectedInternalId(`key:${KEY}`, 'GLOBAL', '972524265292', TEXT);
const input = { from: 'GLOBAL', to: '+972 52-426-5292', text: TEXT, idempotency_key: KEY };
/** What an unknown outcome tells the user to do: look the message up by its internal id. */
const CHECK = `Look for internal ID ${ID} in your CommPeak account's message log at my.commpeak.com. Check before running this step again, or the recipient may get the message twice.`;
const request = { messages: [{ internal_id: ID, sender: 'GLOBAL', recipient_phone: '972524265292', message_content: TEXT }] };

describe('Send SMS through CommPeak', () => {
  it('posts one message to /simple_send/ in digits-only form and returns what CommPeak accepted', async () => {
    commpeak()
      .post('/simple_send/', request)
      .reply(200, {
        status: true,
        task_id: '251a4cfb-f098-4a84-83a1-66f6273bbb1d',
        messages: [{ internal_id: ID, message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a', error: null }],
      });
    await expect(sendSms(input)).resolves.toEqual({
      message_uuid: '0562f2aa-5945-4f41-824a-b774fc2e2b2a',
      task_id: '251a4cfb-f098-4a84-83a1-66f6273bbb1d',
      internal_id: ID,
      sender: 'GLOBAL',
      to: '972524265292',
      accepted_earlier: false,
      status: 'accepted',
      text: TEXT,
      encoding: 'GSM-7',
      segments: 1,
      ...NOTHING_TO_REPORT,
    });
  });

  // ASSUMPTION (docs/providers.md): DUPLICATE_INTERNAL_ID is CommPeak's code for an internal_id it already has.
  it('reports a replay that CommPeak answers DUPLICATE_INTERNAL_ID as accepted by an earlier run, not as a failure', async () => {
    commpeak()
      .post('/simple_send/', request)
      .reply(200, { status: true, task_id: 'task-2', messages: [{ internal_id: ID, message_uuid: null, error: 'DUPLICATE_INTERNAL_ID' }] });
    await expect(sendSms(input)).resolves.toEqual({
      message_uuid: null,
      task_id: 'task-2',
      internal_id: ID,
      sender: 'GLOBAL',
      to: '972524265292',
      accepted_earlier: true,
      status: 'accepted',
      text: TEXT,
      encoding: 'GSM-7',
      segments: 1,
      ...NOTHING_TO_REPORT,
    });
  });

  it('normalises a national number with the default country', async () => {
    const id = expectedInternalId(`key:${KEY}`, 'GLOBAL', '447400900123', 'Hi');
    commpeak()
      .post('/simple_send/', { messages: [{ internal_id: id, sender: 'GLOBAL', recipient_phone: '447400900123', message_content: 'Hi' }] })
      .reply(200, { status: true, task_id: 't-1', messages: [{ internal_id: id, message_uuid: 'u-1', error: null }] });
    const output = await sendSms({ from: 'GLOBAL', to: '07400 900123', text: 'Hi', default_country: 'GB', idempotency_key: KEY });
    expect(output).toMatchObject({ to: '447400900123', message_uuid: 'u-1' });
  });

  it('rejects a number that cannot be one, quoting it, before sending anything', async () => {
    expect(appError(await rejection(sendSms({ ...input, to: '+972 12' })))).toEqual(inputProblem('To: "+972 12" is not a phone number.'));
  });

  it('raises Zapier\'s throttle when the message comes back with error "RATE_LIMIT" in a 200 (as documented)', async () => {
    commpeak()
      .post('/simple_send/', request)
      .reply(200, {
        status: true,
        task_id: 'ad340f18-e91d-4975-bd6a-efa0cd82a7e3',
        messages: [{ internal_id: ID, message_uuid: null, error: 'RATE_LIMIT' }],
      });
    expect(throttle(await rejection(sendSms(input)))).toEqual({
      message: 'CommPeak did not accept the message to 972524265292: RATE_LIMIT. CommPeak is rate limiting; Zapier retries in 60 seconds.',
      delay: 60,
    });
  });

  /** Sends the step's message, CommPeak answering `status` with `body`, and expects the step to fail with `error`. */
  async function failsWith({ status, body, error }: { status: number; body: nock.Body; error: ReturnType<typeof appError> }) {
    commpeak().post('/simple_send/', request).reply(status, body);
    expect(appError(await rejection(sendSms(input)))).toEqual(error);
  }

  it.each([
    {
      answer: 'any other per-message code, naming it and its details',
      status: 200,
      body: {
        status: true,
        task_id: 't-1',
        messages: [{ internal_id: ID, message_uuid: null, error: 'INVALID_SENDER', details: 'Sender not allowed' }],
      },
      error: {
        message:
          'CommPeak did not accept the message to 972524265292: INVALID_SENDER (Sender not allowed). Check the number, the sender and the text.',
        code: 'message_rejected',
        status: 400,
      },
    },
    {
      answer: 'the documented 403, with the wrong-key advice',
      status: 403,
      body: NOT_AUTHENTICATED,
      error: forbiddenError('send an SMS'),
    },
    {
      answer: "a 422, showing FastAPI's validation detail",
      status: 422,
      body: { detail: [{ loc: ['body', 'messages', 0, 'sender'], msg: 'field required', type: 'value_error.missing' }] },
      error: {
        message:
          'CommPeak refused the values given for "send an SMS" ("body.messages.0.sender: field required"). Check the values in this step against that reason, then replay it. (HTTP 422)',
        code: 'provider_rejected',
        status: 422,
      },
    },
  ])('fails on $answer', failsWith);

  it.each([
    {
      answer: 'a 200 that leaves the message out',
      status: 200,
      body: { status: true, task_id: 't-1', messages: [] },
      error: {
        message:
          'The message may have been sent: CommPeak answered without listing the message to 972524265292, ' +
          `so it is unknown whether "send an SMS" went through. ${CHECK}`,
        code: 'outcome_unknown',
        status: 502,
      },
    },
    {
      answer: 'an entry with neither a message_uuid nor an error',
      status: 200,
      body: { status: true, task_id: 't-1', messages: [{ internal_id: ID, message_uuid: null, error: null }] },
      error: {
        message:
          'The message may have been sent: CommPeak listed the message to 972524265292 with neither a message_uuid nor an error, ' +
          `so it is unknown whether "send an SMS" went through. ${CHECK}`,
        code: 'outcome_unknown',
        status: 502,
      },
    },
    {
      answer: 'a 5xx (CommPeak may have accepted the message before failing)',
      status: 503,
      body: '',
      error: {
        message:
          'The message may have been sent: CommPeak answered with an error ("no reason given (empty response)"), ' +
          `so it is unknown whether "send an SMS" went through. ${CHECK} (HTTP 503)`,
        code: 'outcome_unknown',
        status: 503,
      },
    },
    {
      answer: 'a malformed 200 (quoting what it could not read)',
      status: 200,
      body: { status: true, messages: 'queued' },
      error: {
        message:
          'The message may have been sent: CommPeak answered with a response this integration does not understand (messages: Expected array, received string), ' +
          `so it is unknown whether "send an SMS" went through. ${CHECK} (HTTP 200)`,
        code: 'outcome_unknown',
        status: 200,
      },
    },
  ])('reports $answer as outcome unknown, naming the internal id', failsWith);

  it('matches the answer by internal_id, not by position', async () => {
    commpeak()
      .post('/simple_send/', request)
      .reply(200, { status: true, task_id: 't-1', messages: [{ internal_id: 'someone-else', message_uuid: 'u-9', error: null }] });
    expect(appError(await rejection(sendSms(input))).code).toBe('outcome_unknown');
  });

  it('raises the throttle with Retry-After on an HTTP 429', async () => {
    commpeak().post('/simple_send/', request).reply(429, { detail: 'Too Many Requests' }, { 'Retry-After': '30' });
    expect(throttle(await rejection(sendSms(input))).delay).toBe(30);
  });

  it('refuses an idempotency key that is not text, naming the field, rather than silently ignoring it', async () => {
    expect(appError(await rejection(sendSms({ ...input, idempotency_key: ['a', 'b'] })))).toEqual(
      inputProblem('Idempotency Key: Expected string, received array'),
    );
  });

  it('offers the idempotency key field and explains the rule in its help text', () => {
    const field = (create.operation.inputFields as { key: string; helpText?: string }[]).find(
      (candidate) => candidate.key === 'idempotency_key',
    );
    expect(field?.helpText).toBe(
      "Map something unique to this Zap run, such as the trigger's record ID: each message's CommPeak `internal_id` is then made from this key, the sender, the number and the text, so a replay of this step (even with its numbers in another order) gives each message the id it had, and CommPeak can recognise the repeat. " +
        'A message CommPeak answers as a repeat is listed as accepted by an earlier run, not sent again. ' +
        'Left blank, every run gives its messages new internal IDs, so two runs with the same text to the same number are two messages.',
    );
  });
});

describe('the internal_id (idempotency)', () => {
  const message = { sender: 'GLOBAL', recipient: '972524265292', text: 'Hi' };

  it('is the same for a retried step with the same key, whatever the time', () => {
    const first = internalId({ idempotencyKey: 'row-42' }, message);
    expect(internalId({ idempotencyKey: ' row-42 ' }, message)).toBe(first);
    expect(first).toBe(expectedInternalId('key:row-42', 'GLOBAL', '972524265292', 'Hi'));
  });

  it('differs when the key, sender, recipient or text differ', () => {
    const scope = { idempotencyKey: 'row-42' };
    const ids = new Set([
      internalId(scope, message),
      internalId({ idempotencyKey: 'row-43' }, message),
      internalId(scope, { ...message, sender: 'OTHER' }),
      internalId(scope, { ...message, recipient: '972545330008' }),
      internalId(scope, { ...message, text: 'Hi!' }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('without a key, is new for every message, even the same text to the same number in the same minute', () => {
    const ids = Array.from({ length: 1000 }, () => internalId({}, message));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^zap-[0-9a-f]{32}$/);
    expect(internalId({ idempotencyKey: '  ' }, message)).not.toBe(internalId({ idempotencyKey: '  ' }, message));
  });

  it('without a key, sends two genuine runs of the same step as two messages with different internal ids', async () => {
    const sent: string[] = [];
    commpeak()
      .post('/simple_send/')
      .times(2)
      .reply((_uri, body) => {
        const [message] = (body as typeof request).messages;
        expect(message).toEqual({ ...request.messages[0], internal_id: expect.stringMatching(/^zap-[0-9a-f]{32}$/) });
        sent.push(message.internal_id);
        return [200, { status: true, task_id: 't-1', messages: [{ internal_id: message.internal_id, message_uuid: `u-${sent.length}` }] }];
      });
    const first = (await sendSms({ ...input, idempotency_key: '' })) as Record<string, unknown>;
    const second = (await sendSms({ ...input, idempotency_key: '' })) as Record<string, unknown>;
    expect([first.internal_id, second.internal_id]).toEqual(sent);
    expect(sent[0]).not.toBe(sent[1]);
    expect([first.message_uuid, second.message_uuid]).toEqual(['u-1', 'u-2']);
  });

  it('with a key, gives a replayed step the same internal id', async () => {
    commpeak()
      .post('/simple_send/', request)
      .times(2)
      .reply(200, { status: true, task_id: 't-1', messages: [{ internal_id: ID, message_uuid: 'u-1' }] });
    await expect(sendSms(input)).resolves.toMatchObject({ internal_id: ID });
    await expect(sendSms(input)).resolves.toMatchObject({ internal_id: ID });
  });
});

describe('the sender', () => {
  it('passes a name as typed', () => {
    expect(senderFor(' GLOBAL ')).toBe('GLOBAL');
  });

  it('passes a name with digits in it as typed: a letter makes it a name, not a number to clean up', () => {
    expect(senderFor('SHOP24')).toBe('SHOP24');
    expect(senderFor('Acme 2 Go')).toBe('Acme 2 Go');
    expect(senderFor('+44Shop')).toBe('+44Shop');
  });

  it('writes a number with + or 00 as international digits', () => {
    expect(senderFor('+972 52-426-5292')).toBe('972524265292');
    expect(senderFor('00972524265292')).toBe('972524265292');
  });

  it('keeps a short code or an international digit string, without punctuation', () => {
    expect(senderFor('12345')).toBe('12345');
    expect(senderFor('972 52 426 5292')).toBe('972524265292');
  });

  it('rejects what is neither a number nor a name, quoting it', () => {
    expect(appError(thrown(() => senderFor('+972 12')))).toEqual(inputProblem('Sender: "+972 12" is not a phone number.'));
    expect(appError(thrown(() => senderFor('972+12')))).toEqual(inputProblem('Sender: "972+12" is not a phone number or a sender name.'));
  });
});
