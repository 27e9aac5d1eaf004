import { errorCodeOf, messageOf } from '../../src/core/error-details';
import type { Sandbox } from '../sandbox';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../sandbox';
import { expectThat, type Transcript } from './transcript';
import { deployable } from './zapier';

/**
 * A send whose answer is lost after the provider accepted it: the sandbox drops the connection
 * for a recipient ending in 0444, and answers 303 See Other for one ending in 0303. Each step must
 * say the message may have been sent and how to check, and the sandbox must show that it was in
 * fact accepted.
 */
export async function faultsTour(sandbox: Sandbox, transcript: Transcript): Promise<void> {
  Object.assign(process.env, integrationEnvironment(sandbox).commpeak);
  const app = deployable('commpeak');

  /**
   * Sends `text` to `to` (a fault number): the step must fail as outcome unknown, saying the
   * message may have been sent and naming the internal id the sandbox in fact accepted it under.
   */
  const sendMayHaveGone = async (to: string, text: string, idempotencyKey: string) => {
    const failure = await app
      .run('creates.send_sms.operation.perform', {
        authData: { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey },
        inputData: { from: 'GLOBAL', to, text, idempotency_key: idempotencyKey },
      })
      .then(
        () => undefined,
        (cause: unknown) => cause,
      );
    expectThat(failure !== undefined, 'the step succeeded although no answer to the send came back');
    const message = messageOf(failure);
    expectThat(errorCodeOf(failure) === 'outcome_unknown', `expected the code outcome_unknown: ${message}`);
    expectThat(message.includes('The message may have been sent'), `the step does not say the message may have been sent: ${message}`);
    const accepted = [...sandbox.state.commpeak.messages.values()].filter((sent) => sent.message_content === text);
    expectThat(accepted.length === 1, `the sandbox holds ${accepted.length} such messages, not 1`);
    const id = accepted[0]?.internal_id ?? '';
    expectThat(message.includes(`internal ID ${id}`), `the step does not name the internal id CommPeak has (${id}): ${message}`);
    return {
      message,
      shown: `outcome_unknown: ${message}\nthe sandbox has it: internal ID ${id} accepted as ${accepted[0]?.message_uuid}`,
    };
  };

  transcript.section('A lost answer (CommPeak accepts the message, then the connection drops)');
  await transcript.step('Send SMS whose answer never arrives: outcome unknown, not "not sent"', async () => {
    const { shown } = await sendMayHaveGone('+972 52 426 0444', 'Your appointment is at 10:30 tomorrow.', 'tour-appointment-1');
    return shown;
  });

  transcript.section('A redirected send (CommPeak processes the message, then answers 303 See Other)');
  await transcript.step('Send SMS answered with a redirect: "may have been sent", and the redirect is not followed', async () => {
    const { message, shown } = await sendMayHaveGone('+972 52 426 0303', 'Your prescription is ready to collect.', 'tour-prescription-1');
    expectThat(message.includes('(303 See Other)'), `the step does not say it was redirected: ${message}`);
    return shown;
  });
}
