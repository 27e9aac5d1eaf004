import type { Sandbox } from '../sandbox';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../sandbox';
import { expectThat, type Transcript } from './transcript';
import { deployable } from './zapier';

export async function smsExtensionTour(sandbox: Sandbox, transcript: Transcript): Promise<void> {
  const app = deployable('sms-extension');
  const { clientId, clientSecret, username, password } = SANDBOX_CREDENTIALS.smsExtension;
  Object.assign(process.env, integrationEnvironment(sandbox)['sms-extension']);
  const credentials = { base_url: sandbox.urls.smsExtension, client_id: clientId, client_secret: clientSecret, username, password };
  let authData: Record<string, string> = credentials;
  const senderId = 'TOURSHOP';
  let sentId = '';

  transcript.section('SMS Extension (password-grant session)');
  await transcript.step('Connect: sign in with username and password, test the connection', async () => {
    const session = await app.run<Record<string, string>>('authentication.sessionConfig.perform', { authData });
    authData = { ...credentials, ...session };
    await app.run('authentication.test', { authData });
    expectThat(Boolean(authData.access_token), 'no access token came back');
    return `signed in as ${username}; the connection test passed`;
  });

  await transcript.step(`Add Sender ID ${senderId}: it waits for approval`, async () => {
    const added = await app.run<Record<string, unknown>>('creates.add_sender_id.operation.perform', {
      authData,
      inputData: { sender_id: senderId },
    });
    expectThat(added.status === 'pending_approval', `expected approval to be needed: ${JSON.stringify(added)}`);
    return String(added.approval_note ?? 'approval needed');
  });

  await transcript.step(`Find or Add Sender ID ${senderId}: the search finds it, so it is not asked for twice`, async () => {
    const found = await app.run<Record<string, unknown>[]>('searches.find_sender_id.operation.perform', {
      authData,
      inputData: { sender_id: senderId },
    });
    expectThat(found.length === 1 && found[0]?.sender_id === senderId, `expected ${senderId} to be found: ${JSON.stringify(found)}`);
    return `found ${senderId}: ${String(found[0]?.approval_status)}`;
  });

  await transcript.step('Send SMS from the unapproved sender is refused with a clear message', async () => {
    const refused = await app
      .run('creates.send_sms.operation.perform', { authData, inputData: { from: senderId, to: '07400 900123', text: 'Hello' } })
      .then(
        () => 'sent',
        (cause: Error) => cause.message,
      );
    expectThat(/not approved/i.test(refused), `expected a "not approved" error, got: ${refused}`);
    return (JSON.parse(refused.split('\n')[0]) as { message: string }).message;
  });

  await transcript.step('The provider approves it; New Sender ID shows its state', async () => {
    await fetch(`${sandbox.url}/sms-extension/_sandbox/sender-ids/${senderId}/approve`, { method: 'POST' });
    const senders = await app.run<Record<string, unknown>[]>('triggers.new_sender_id.operation.perform', {
      authData,
      inputData: {},
      meta: {},
    });
    const ours = senders.find((sender) => sender.sender_id === senderId);
    expectThat(ours?.approved === true, `${senderId} is not listed as approved: ${JSON.stringify(ours)}`);
    return `${senderId}: ${String(ours?.approval_status)}`;
  });

  await transcript.step(`Sender ID Approved fires for ${senderId} now that it is approved`, async () => {
    const approvals = await app.run<Record<string, unknown>[]>('triggers.sender_id_approved.operation.perform', {
      authData,
      inputData: {},
      meta: {},
    });
    const ours = approvals.find((sender) => sender.sender_id === senderId);
    expectThat(ours !== undefined, `${senderId} is not among the approved sender ids: ${JSON.stringify(approvals)}`);
    return `${approvals.length} approved sender id(s); ${senderId} under ${String(ours?.id)}`;
  });

  await transcript.step('Send SMS from the approved sender', async () => {
    const sent = await app.run<Record<string, string>>('creates.send_sms.operation.perform', {
      authData,
      inputData: { from: senderId, to: '07400 900123', text: 'Your parcel arrives today between 10:00 and 12:00.' },
    });
    sentId = sent.id;
    return `SMS ${sent.id} to ${sent.to}, ${sent.encoding}, ${sent.segments} segment(s)`;
  });

  await transcript.step('Poll New SMS: the message just sent is the newest', async () => {
    const items = await app.run<Record<string, unknown>[]>('triggers.new_sms.operation.perform', { authData, inputData: {}, meta: {} });
    expectThat(String(items[0]?.id) === sentId, `newest is ${String(items[0]?.id)}, expected ${sentId}`);
    return `${items.length} SMS in the window, newest first: ${sentId}`;
  });

  await transcript.step('Find SMS by id', async () => {
    const found = await app.run<Record<string, unknown>[]>('searches.find_sms.operation.perform', { authData, inputData: { id: sentId } });
    expectThat(String(found[0]?.id) === sentId, 'not found');
    return `found: "${String(found[0]?.text)}"`;
  });

  await transcript.step('Click to Dial a UK number', async () => {
    const dialled = await app.run<Record<string, unknown>>('creates.click_to_dial.operation.perform', {
      authData,
      inputData: { destination: '020 7946 0018' },
    });
    return `calling ${String(dialled.destination_number)}`;
  });
}
