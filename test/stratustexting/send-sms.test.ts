import { NOTHING_TO_REPORT } from '../support/send-output';
import nock from 'nock';
import { answerPost, api, apiHeaders, appError, run, authData, BASE, FORBIDDEN_HINT, inputProblem, rejection, API_HOST } from './support';

const send = (inputData: Record<string, unknown>) => run.create('send_sms', { authData, inputData });
const SENT = { result: 'Message Processed Successfully' };

/** Answers the send with `status` and `body`, recording the raw path (with its query) and body of the request. */
const expectSend = (status: number, body: unknown, headers?: Record<string, string>) =>
  answerPost(`${BASE}/message/sendsms`, status, body, headers);

describe('Send SMS (send_sms)', () => {
  describe('the request', () => {
    it('POSTs from, to (comma separated) and text in the query string, with an empty body and both credentials', async () => {
      const seen = expectSend(200, SENT);
      await send({ from: '(949) 555-0100', to: '+1 949 555 0111, 949-555-0112', text: 'Your order #1042 is ready.' });
      // z.request percent-encodes the query: "+" becomes %2B, "," %2C, " " %20, "#" %23.
      expect(seen).toEqual([
        {
          path: `${BASE}/message/sendsms?from=%2B19495550100&to=%2B19495550111%2C%2B19495550112&text=Your%20order%20%231042%20is%20ready.`,
          body: '',
        },
      ]);
    });

    it('sends the query values that decode to E.164 numbers and the text as typed', async () => {
      api()
        .post(`${BASE}/message/sendsms`, '')
        .query({ from: '+19495550100', to: '+19495550111,+19495550112', text: 'Hi & bye: 50% off + free = yes?' })
        .reply(200, SENT);
      await send({ from: '9495550100', to: ['949 555 0111', '+19495550112'], text: 'Hi & bye: 50% off + free = yes?' });
    });

    it('sends a text with curly braces exactly as typed', async () => {
      const text = 'Hi {{first_name}}, use code {{CODE}} at checkout.';
      api().post(`${BASE}/message/sendsms`, '').query({ from: '+19495550100', to: '+19495550111', text }).reply(200, SENT);
      await expect(send({ from: '9495550100', to: '9495550111', text })).resolves.toMatchObject({ text });
    });

    it('reads recipients without a country code in the Default Country, and the sender as a US number', async () => {
      api().post(`${BASE}/message/sendsms`).query({ from: '+19495550100', to: '+447400900123', text: 'Hello' }).reply(200, SENT);
      await send({ from: '(949) 555-0100', to: '07400 900123', text: 'Hello', default_country: 'GB' });
    });

    it('does not read the sender in the Default Country', async () => {
      const error = await rejection(send({ from: '07400 900100', to: '07400 900123', text: 'Hello', default_country: 'GB' }));
      expect(appError(error)).toEqual(inputProblem('From Number: "07400 900100" is not a phone number.'));
    });

    it('sends Accept: application/json with the bearer token and the API key', async () => {
      nock(API_HOST, { reqheaders: { ...apiHeaders, accept: 'application/json' } })
        .post(`${BASE}/message/sendsms`)
        .query(true)
        .reply(200, SENT);
      await send({ from: '+19495550100', to: '+19495550111', text: 'Hello' });
    });
  });

  describe('the output', () => {
    it('says the message was accepted, keeps the whole response, and adds its id, the numbers, the text, GSM-7 encoding and one segment', async () => {
      expectSend(200, { result: 'Message Processed Successfully', messageId: 'm-77' });
      await expect(send({ from: '(949) 555-0100', to: '949-555-0111', text: 'Your order is ready.' })).resolves.toEqual({
        status: 'accepted',
        result: 'Message Processed Successfully',
        messageId: 'm-77',
        message_id: 'm-77',
        from: '+19495550100',
        to: ['+19495550111'],
        text: 'Your order is ready.',
        encoding: 'GSM-7',
        segments: 1,
        ...NOTHING_TO_REPORT,
      });
    });

    it.each([
      {
        name: 'counts 153-character segments for a long GSM-7 message',
        text: 'a'.repeat(307),
        sentText: 'a'.repeat(307),
        encoding: 'GSM-7',
        segments: 3,
        nonGsmCharacters: [],
      },
      {
        name: 'reports UCS-2 and 67-unit segments for a message with an emoji, sending the emoji UTF-8 percent-encoded',
        text: `Party time ${'🎉'.repeat(30)}`, // 11 + 60 UTF-16 units = 71 > 70
        sentText: `Party%20time%20${'%F0%9F%8E%89'.repeat(30)}`,
        encoding: 'UCS-2',
        segments: 2,
        nonGsmCharacters: ['🎉'],
      },
      {
        name: 'reports one UCS-2 segment for a short message with an emoji',
        text: 'Thanks 👍',
        sentText: 'Thanks%20%F0%9F%91%8D',
        encoding: 'UCS-2',
        segments: 1,
        nonGsmCharacters: ['👍'],
      },
    ])('$name', async ({ text, sentText, encoding, segments, nonGsmCharacters }) => {
      const seen = expectSend(200, SENT);
      await expect(send({ from: '+19495550100', to: '+19495550111', text })).resolves.toEqual({
        ...SENT,
        status: 'accepted',
        message_id: null,
        from: '+19495550100',
        to: ['+19495550111'],
        text,
        encoding,
        segments,
        duplicates_dropped: [],
        non_gsm_characters: nonGsmCharacters,
        quiet_hours_held: [],
        replaced_characters: [],
      });
      expect(seen[0]?.path).toBe(`${BASE}/message/sendsms?from=%2B19495550100&to=%2B19495550111&text=${sentText}`);
    });
  });

  describe('bad input, refused before anything is sent', () => {
    const FIFTY_ONE = Array.from({ length: 51 }, (_, index) => `+1949555${String(index).padStart(4, '0')}`);

    it.each([
      {
        name: 'quotes an impossible recipient number',
        to: '+19495550111, 12345',
        problem: 'To (one or more numbers): "12345" is not a phone number.',
      },
      { name: 'quotes an impossible From number', from: '555', problem: 'From Number: "555" is not a phone number.' },
      { name: 'refuses an empty message', text: '   ', problem: 'Message: The message is required.' },
      { name: 'refuses a step without recipients', to: ' , ', problem: 'To (one or more numbers): At least one phone number is required.' },
      { name: 'refuses more than 50 recipients', to: FIFTY_ONE, problem: 'To (one or more numbers): Give at most 50 phone numbers.' },
      { name: 'refuses a blank From number', from: ' ', problem: 'From Number: The sender is required.' },
    ])('$name', async ({ from = '+19495550100', to = '+19495550111', text = 'Hi', problem }) => {
      expect(appError(await rejection(send({ from, to, text })))).toEqual(inputProblem(problem));
    });

    it('refuses a message longer than 1000 characters, and accepts exactly 1000', async () => {
      const error = await rejection(send({ from: '+19495550100', to: '+19495550111', text: 'a'.repeat(1001) }));
      expect(appError(error)).toEqual(inputProblem('Message: The message is longer than 1000 characters (1001).'));
      expectSend(200, SENT);
      await expect(send({ from: '+19495550100', to: '+19495550111', text: 'a'.repeat(1000) })).resolves.toMatchObject({ segments: 7 });
    });

    // Counted as the third-party client that sets the limit counts (JavaScript's length, UTF-16 units).
    it('counts an emoji as two: 998 letters and 😀 go, 999 letters and 😀 do not', async () => {
      const atLimit = `${'a'.repeat(998)}😀`;
      api().post(`${BASE}/message/sendsms`, '').query({ from: '+19495550100', to: '+19495550111', text: atLimit }).reply(200, SENT);
      await expect(send({ from: '+19495550100', to: '+19495550111', text: atLimit })).resolves.toMatchObject({ text: atLimit });
      const error = await rejection(send({ from: '+19495550100', to: '+19495550111', text: `${'a'.repeat(999)}😀` }));
      expect(appError(error)).toEqual(
        inputProblem(
          'Message: The message is longer than 1000 characters (1001, counting each emoji such as 😀 as two, as StratusTexting does).',
        ),
      );
    });
  });

  describe('provider errors', () => {
    const input = { from: '+19495550100', to: '+19495550111', text: 'Hi' };

    it('maps a 400 to a provider_rejected error quoting the reason', async () => {
      expectSend(400, { message: 'Invalid from number' });
      expect(appError(await rejection(send(input)))).toEqual({
        message: `StratusTexting refused the values given for "Send SMS" ("Invalid from number"). Check the values in this step against that reason, then replay it. (HTTP 400)`,
        code: 'provider_rejected',
        status: 400,
      });
    });

    it('lets the runtime raise RefreshAuthError on a 401, so Zapier refreshes the token and retries', async () => {
      expectSend(401, { message: 'Unauthorized' });
      expect((await rejection(send(input))).name).toBe('RefreshAuthError');
    });

    it('maps a 403 to a forbidden error that names the API key and the scope', async () => {
      expectSend(403, { message: 'Forbidden' });
      expect(appError(await rejection(send(input)))).toEqual({
        message: `StratusTexting refused the connected account access to "Send SMS" ("Forbidden"). ${FORBIDDEN_HINT} (HTTP 403)`,
        code: 'forbidden',
        status: 403,
      });
    });

    it('maps a 404 to a not_found error', async () => {
      expectSend(404, { message: 'Not Found' });
      expect(appError(await rejection(send(input)))).toEqual({
        message: `StratusTexting found nothing for "Send SMS" ("Not Found"). The item does not exist or this account cannot see it: check the ids in this step. (HTTP 404)`,
        code: 'not_found',
        status: 404,
      });
    });

    it('maps a 429 to a ThrottledError that waits the Retry-After seconds', async () => {
      expectSend(429, { message: 'Too Many Requests' }, { 'Retry-After': '30' });
      const error = await rejection(send(input));
      expect(error.name).toBe('ThrottledError');
      expect(JSON.parse(error.message)).toEqual({
        message: `StratusTexting is limiting how often "Send SMS" may run ("Too Many Requests"). Zapier runs the step again in 30 seconds; nothing to change. (HTTP 429)`,
        delay: 30,
      });
    });

    const unknown = (what: string, status: number) =>
      `The message may have been sent: StratusTexting ${what}, so it is unknown whether "Send SMS" went through. ` +
      'Open the conversation with the recipient in StratusTexting to see whether it is there. ' +
      `Check before running this step again, or the recipient may get the message twice. (HTTP ${status})`;

    it.each([
      [500, { message: 'Internal server error' }, 'Internal server error'],
      [
        503,
        '<html><head><title>503 Service Temporarily Unavailable</title></head></html>',
        'an HTML error page titled "503 Service Temporarily Unavailable"',
      ],
    ])('reports a %i as outcome unknown: the message may have been sent', async (status, body, reason) => {
      expectSend(status, body);
      expect(appError(await rejection(send(input)))).toEqual({
        message: unknown(`answered with an error ("${reason}")`, status),
        code: 'outcome_unknown',
        status,
      });
    });

    it('reports a success body that is not a JSON object as outcome unknown', async () => {
      expectSend(200, '[1, 2]');
      expect(appError(await rejection(send(input)))).toEqual({
        message: unknown('answered with a response this integration does not understand (body: Expected object, received array)', 200),
        code: 'outcome_unknown',
        status: 200,
      });
    });
  });
});
