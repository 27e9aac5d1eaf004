import { describeText } from '../../src/core/message-text';
import type { Sandbox } from '../sandbox';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../sandbox';
import { describeError, expectThat, type Transcript } from './transcript';
import { deployable } from './zapier';

const RECIPIENT = '+972 52 426 5292';
const RECIPIENT_ZONE = 'Asia/Jerusalem';

/** A two-hour window around the recipient's current local time, e.g. `13:05-15:05`. */
function windowAroundNow(zone: string): string {
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date())
    .split(':')
    .map(Number) as [number, number];
  const at = (hours: number) => `${String((hours + 24) % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return `${at(hour - 1)}-${at(hour + 1)}`;
}

/** The guards of the shared Send SMS, shown through CommPeak's Send SMS. */
export async function guardsTour(sandbox: Sandbox, transcript: Transcript): Promise<void> {
  Object.assign(process.env, integrationEnvironment(sandbox).commpeak);
  const app = deployable('commpeak');
  const authData = { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey };

  transcript.section('Send SMS guards (shown through CommPeak)');
  await transcript.step('Quiet Hours stop a send inside the window, before any request', async () => {
    const before = sandbox.state.commpeak.messages.size;
    const quiet_hours = windowAroundNow(RECIPIENT_ZONE);
    const halted = await app
      .run('creates.send_sms.operation.perform', {
        authData,
        inputData: { from: 'GLOBAL', to: RECIPIENT, text: 'Flash sale now!', quiet_hours },
      })
      .then(
        () => undefined,
        (cause: unknown) => cause,
      );
    expectThat(halted instanceof Error && halted.name === 'HaltedError', `the send was not halted: ${describeError(halted)}`);
    expectThat(sandbox.state.commpeak.messages.size === before, 'a message reached CommPeak');
    return `quiet hours ${quiet_hours} (recipient's local time): ${describeError(halted)}`;
  });

  await transcript.step('Replace Characters Outside GSM-7 turns a UCS-2 message into GSM-7', async () => {
    const text = `Hi Sam, your order’s ready — “pickup” is at the front desk… ${'Thanks for shopping with us. '.repeat(2)}`.trim();
    const before = describeText(text);
    const sent = await app.run<{ text: string; encoding: string; segments: number; replaced_characters: string[] }>(
      'creates.send_sms.operation.perform',
      { authData, inputData: { from: 'GLOBAL', to: RECIPIENT, text, gsm7_replace: true } },
    );
    expectThat(before.encoding === 'UCS-2' && sent.encoding === 'GSM-7', `unexpected encodings ${before.encoding} → ${sent.encoding}`);
    expectThat(sent.segments < before.segments, `no segment saved: ${before.segments} → ${sent.segments}`);
    return `${before.encoding}, ${before.segments} segments (forced by ${before.nonGsmCharacters.join(' ')}) → ${sent.encoding}, ${sent.segments} segment(s); replaced ${sent.replaced_characters.join(', ')}`;
  });
}
