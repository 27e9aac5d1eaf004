import type { Sandbox } from '../sandbox';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../sandbox';
import { expectThat, type Transcript } from './transcript';
import { deployable } from './zapier';

interface BulkResult {
  accepted_count: number;
  failed_count: number;
  summary: string;
  messages: { recipient_phone: string; status: string; message_uuid: string | null; error: string | null }[];
}

export async function commPeakTour(sandbox: Sandbox, transcript: Transcript): Promise<void> {
  Object.assign(process.env, integrationEnvironment(sandbox).commpeak);
  const app = deployable('commpeak');
  const authData = { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey };
  const uuids: string[] = [];

  transcript.section('CommPeak SMS Streams (API key)');
  await transcript.step('Connect with the API key', async () => {
    await app.run('authentication.test', { authData });
    const refused = await app.run('authentication.test', { authData: { api_key: 'not-the-key' } }).then(
      () => 'accepted',
      (cause: Error) => cause.message,
    );
    expectThat(refused.includes('403'), `a wrong key was not refused: ${refused}`);
    return 'the key is accepted; a wrong key is refused with 403 "Not authenticated"';
  });

  await transcript.step('Send SMS', async () => {
    const sent = await app.run<Record<string, string>>('creates.send_sms.operation.perform', {
      authData,
      inputData: { from: 'GLOBAL', to: '+972 52 426 5292', text: 'Your code is 481516' },
    });
    uuids.push(sent.message_uuid);
    return `accepted as ${sent.message_uuid} (internal id ${sent.internal_id})`;
  });

  await transcript.step('Send Bulk SMS to three numbers, one of them rate limited by CommPeak', async () => {
    const result = await app.run<BulkResult>('creates.send_bulk_sms.operation.perform', {
      authData,
      inputData: {
        from: 'GLOBAL',
        to: ['+972 52 426 5293', '+972 52 426 0000', '+972 52 426 5294'],
        text: 'The shop opens at 9 tomorrow.',
      },
    });
    const refused = result.messages.filter((message) => message.status !== 'accepted');
    expectThat(
      result.accepted_count === 2 && refused.length === 1 && refused[0].error === 'RATE_LIMIT',
      `unexpected result ${JSON.stringify(result)}`,
    );
    uuids.push(...result.messages.flatMap((message) => (message.message_uuid ? [message.message_uuid] : [])));
    return `${result.summary}`;
  });

  await transcript.step('Get Message Statuses for the accepted messages, then Find Message Status for one', async () => {
    const { statuses } = await app.run<{ statuses: Record<string, unknown>[] }>('creates.get_message_statuses.operation.perform', {
      authData,
      inputData: { message_uuids: uuids },
    });
    expectThat(
      statuses.length === uuids.length && statuses.every((status) => status.found === true),
      `not every message was found: ${JSON.stringify(statuses)}`,
    );
    const found = await app.run<Record<string, unknown>[]>('searches.find_message_status.operation.perform', {
      authData,
      inputData: { message_uuid: uuids[0] },
    });
    expectThat(found.length === 1 && found[0]?.message_uuid === uuids[0], `the first message was not found: ${JSON.stringify(found)}`);
    return statuses.map((status) => `${String(status.message_uuid).slice(0, 8)}… ${String(status.status)}`).join(', ');
  });
}
