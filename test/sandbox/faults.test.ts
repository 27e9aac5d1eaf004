import nock from 'nock';
import commPeak from '../../src/providers/commpeak/integration';
import smsExtension from '../../src/providers/sms-extension/integration';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment, SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../tools/sandbox';
import { appError, rejection } from '../support/errors';
import { runner } from '../support/run';

/**
 * Every provider's send against the sandbox failing like a network after accepting it: the
 * integration must say "may have been sent" (outcome_unknown), and the sandbox shows it was.
 * A recipient ending in 0444 drops the connection, 0502 answers an HTML 502, 0504 answers late,
 * 0303 answers a 303 See Other (to a path where a GET would find nothing).
 */

const TIMEOUT_MS = 2000;
const SLOW_ANSWER_MS = 3 * TIMEOUT_MS;
const RECHECK = 'Check before running this step again, or the recipient may get the message twice.';

/** What each fault leaves of the answer, as the error message says it. */
const LOST = {
  drop: (url: string) => `dropped the connection before answering (request to ${url} failed, reason: socket hang up)`,
  badGateway: () => 'answered with an error ("an HTML error page titled "502 Bad Gateway"")',
  slow: () => 'did not answer within 2 seconds',
  seeOther: () => 'processed the request and redirected to /see-other (303 See Other) instead of answering it',
};
/** How a message whose answer was lost to `fault` ends: with the HTTP status, when one came. */
const ENDING = { drop: '', badGateway: ' (HTTP 502)', slow: '', seeOther: ' (HTTP 303)' };
const FAULTS = [
  ['0444', 'drop', 502],
  ['0502', 'badGateway', 502],
  ['0504', 'slow', 504],
  ['0303', 'seeOther', 303],
] as const;

describe('sends whose answer the sandbox loses after accepting them', () => {
  let sandbox: Sandbox;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startSandbox({ port: 0, slowAnswerMs: SLOW_ANSWER_MS });
    const environment = integrationEnvironment(sandbox);
    Object.assign(process.env, environment.stratustexting, environment.commpeak, { PROVIDER_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) });
  });
  afterAll(async () => {
    process.env = savedEnv;
    await sandbox.close();
  });

  describe('StratusTexting', () => {
    const run = runner(stratusTexting);
    const check = 'Open the conversation with the recipient in StratusTexting to see whether it is there.';

    it.each(FAULTS)('Send SMS to a number ending in %s (%s): outcome unknown, and the message is there', async (suffix, fault, status) => {
      const to = `+1949555${suffix}`;
      const text = `Your table is ready (${fault})`;
      const error = await rejection(
        run.create('send_sms', {
          authData: sandbox.stratusTextingTokens(),
          inputData: { from: '+19495550100', to, text },
        }),
      );
      const url = `${sandbox.urls.stratustextingApi}/message/sendsms?from=%2B19495550100&to=${encodeURIComponent(to)}&text=${encodeURIComponent(text)}`;
      expect(appError(error)).toEqual({
        message: `The message may have been sent: StratusTexting ${LOST[fault](url)}, so it is unknown whether "Send SMS" went through. ${check} ${RECHECK}${ENDING[fault]}`,
        code: 'outcome_unknown',
        status,
      });
      const stored = [...sandbox.state.stratustexting.messages.values()].filter((message) => message.text === text);
      expect(stored).toEqual([expect.objectContaining({ direction: 'outbound', to: [{ phoneNumber: to }], status: 'SENT' })]);
    });

    it('Send MMS with its answer dropped: outcome unknown, and the message is there', async () => {
      const error = await rejection(
        run.create('send_mms', {
          authData: sandbox.stratusTextingTokens(),
          inputData: { from: '+19495550100', to: '+19495550444', media: 'https://files.example.com/menu.jpg' },
        }),
      );
      expect(appError(error)).toMatchObject({ code: 'outcome_unknown', status: 502 });
      expect(appError(error).message).toContain(`so it is unknown whether "Send MMS" went through. ${check}`);
      const stored = [...sandbox.state.stratustexting.messages.values()].filter(
        (message) => message.mediaUrl === 'https://files.example.com/menu.jpg',
      );
      expect(stored).toHaveLength(1);
    });
  });

  describe('CommPeak', () => {
    const run = runner(commPeak);
    const authData = { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey };

    it.each(FAULTS)(
      'Send SMS to a number ending in %s (%s): outcome unknown naming the internal id CommPeak has',
      async (suffix, fault, status) => {
        const error = await rejection(
          run.create('send_sms', {
            authData,
            inputData: { from: 'GLOBAL', to: `+97252426${suffix}`, text: `Code 4815 (${fault})`, idempotency_key: `run-${fault}` },
          }),
        );
        const accepted = [...sandbox.state.commpeak.messages.values()].filter(
          (message) => message.message_content === `Code 4815 (${fault})`,
        );
        expect(accepted).toEqual([expect.objectContaining({ recipient_phone: `97252426${suffix}`, sender: 'GLOBAL' })]);
        const id = accepted[0]?.internal_id;
        expect(appError(error)).toEqual({
          message:
            `The message may have been sent: CommPeak ${LOST[fault](`${sandbox.urls.commpeak}/simple_send/`)}, so it is unknown whether "send an SMS" went through. ` +
            `Look for internal ID ${id} in your CommPeak account's message log at my.commpeak.com. ${RECHECK}${ENDING[fault]}`,
          code: 'outcome_unknown',
          status,
        });
      },
    );

    it('Send Bulk SMS whose second batch answer is lost: accepted, unknown and not sent, as the sandbox has them', async () => {
      // 201 numbers: batches of 100, 100 and 1; the second batch holds the 0444 number.
      const numbers = Array.from({ length: 201 }, (_, index) => `+97254${String(4000100 + index)}`);
      numbers[150] = '+972524260444';
      const error = await rejection(
        run.create('send_bulk_sms', {
          authData,
          inputData: { from: 'GLOBAL', to: numbers, text: 'Doors open at 9', idempotency_key: 'bulk-run-1' },
        }),
      );
      const stored = [...sandbox.state.commpeak.messages.values()].filter((message) => message.message_content === 'Doors open at 9');
      expect(stored.map((message) => `+${message.recipient_phone}`)).toEqual(numbers.slice(0, 200));
      const secondBatch = stored.slice(100).map((message) => message.internal_id);
      expect(appError(error)).toEqual({
        message:
          'CommPeak accepted 100 of 201 messages; 100 may have been sent (outcome unknown) and 1 did not go. ' +
          `The message may have been sent: CommPeak dropped the connection before answering (request to ${sandbox.urls.commpeak}/simple_send/ failed, reason: socket hang up), ` +
          'so it is unknown whether "send bulk SMS" went through. ' +
          `Look for internal IDs ${secondBatch[0]} to ${secondBatch[99]} (100 messages) in your CommPeak account's message log at my.commpeak.com. ${RECHECK} ` +
          'A replay gives every message the internal ID it had, so CommPeak can recognise the ones it already has.',
        code: 'outcome_unknown',
        status: 502,
      });
    });
  });

  describe('SMS Extension', () => {
    const run = runner(smsExtension);
    const { clientId, clientSecret, username, password } = SANDBOX_CREDENTIALS.smsExtension;
    const check = "Look for it in SMS Extension's SMS history (the Find SMS search, with this sender and recipient).";

    it.each(FAULTS)(
      'Send SMS to a number ending in %s (%s): outcome unknown, and the SMS is in its history',
      async (suffix, fault, status) => {
        Object.assign(process.env, integrationEnvironment(sandbox)['sms-extension']);
        const credentials = { base_url: sandbox.urls.smsExtension, client_id: clientId, client_secret: clientSecret, username, password };
        const session = await run.startSession<Record<string, string>>({ authData: credentials });
        const text = `Your parcel is out for delivery (${fault})`;
        const error = await rejection(
          run.create('send_sms', {
            authData: { ...credentials, ...session },
            inputData: { from: 'ACMESHOP', to: `07400 90${suffix}`, text },
          }),
        );
        expect(appError(error)).toEqual({
          message: `The message may have been sent: SMS Extension ${LOST[fault](`${sandbox.urls.smsExtension}/sms/send`)}, so it is unknown whether "send an SMS" went through. ${check} ${RECHECK}${ENDING[fault]}`,
          code: 'outcome_unknown',
          status,
        });
        expect(sandbox.state.smsExtension.sms.filter((sms) => sms.text === text)).toEqual([
          expect.objectContaining({ sender: 'ACMESHOP', receiver: `4474009${suffix.padStart(5, '0')}` }),
        ]);
      },
    );
  });
});
