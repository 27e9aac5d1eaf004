import commPeak from '../../src/providers/commpeak/integration';
import smsExtension from '../../src/providers/sms-extension/integration';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../../tools/sandbox';
import { runner } from '../support/run';
import { startReceiver, useSandbox } from './support';

/** The integrations themselves, through Zapier's runtime, against the sandbox: the shapes must agree. */

describe('the integrations against the sandbox', () => {
  const sandbox = useSandbox();
  const savedEnv = { ...process.env };
  afterAll(() => {
    process.env = savedEnv;
  });

  describe('StratusTexting', () => {
    const run = runner(stratusTexting);
    beforeAll(() => {
      Object.assign(process.env, integrationEnvironment(sandbox()).stratustexting);
    });

    it('tests the connection, sends an SMS and finds the seeded contact', async () => {
      const authData = sandbox().stratusTextingTokens();
      await expect(run.connectionTest({ authData })).resolves.toMatchObject({
        site_count: 2,
        first_site: 'Main Office',
      });
      const sent = await run.create('send_sms', {
        authData,
        inputData: { from: '+19495550100', to: '(949) 555-0111', text: 'Hello from the sandbox' },
      });
      expect(sent).toMatchObject({ result: 'Message Processed Successfully' });
      const found = await run.search('find_contact', {
        authData,
        inputData: { mobile: '(949) 555-0111' },
      });
      expect(found).toEqual([expect.objectContaining({ first_name: 'Jamie', mobile: '+19495550111' })]);
    });

    it('Find or Create Custom Consent: finds nothing by name, creates it, then finds it by name and by ID', async () => {
      const authData = sandbox().stratusTextingTokens();
      const byName = () => run.search<{ id: string }[]>('find_consent', { authData, inputData: { name: 'delivery updates' } });
      expect(await byName()).toEqual([]);
      const created = await run.create<{ id: string }>('create_consent', { authData, inputData: { name: 'Delivery updates' } });
      expect(await byName()).toEqual([expect.objectContaining({ id: created.id, name: 'Delivery updates' })]);
      expect(await run.search('find_consent', { authData, inputData: { consent_id: created.id } })).toEqual([
        expect.objectContaining({ id: created.id, name: 'Delivery updates' }),
      ]);
    });

    it('subscribes the inbound-message trigger, receives an inbound text and reads the message', async () => {
      const receiver = await startReceiver();
      try {
        const authData = sandbox().stratusTextingTokens();
        const department = sandbox().state.stratustexting.sites[0];
        const subscribeBundle = { authData, inputData: { department_id: department.id }, targetUrl: receiver.url };
        await run.subscribe('new_inbound_message', subscribeBundle);

        await fetch(`${sandbox().url}/stratustexting/_sandbox/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ from: '+19495550123', to: department.phoneNumber, text: 'Can I book for Friday?' }),
        });
        expect(receiver.received).toHaveLength(1);

        const messages = await run.trigger('new_inbound_message', { authData, cleanedRequest: receiver.received[0].body });
        expect(messages).toEqual([
          expect.objectContaining({
            from: '+19495550123',
            to: [department.phoneNumber],
            text: 'Can I book for Friday?',
            direction: 'inbound',
          }),
        ]);
      } finally {
        await receiver.close();
      }
    });
  });

  describe('CommPeak', () => {
    const run = runner(commPeak);
    const authData = { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey };
    beforeAll(() => {
      Object.assign(process.env, integrationEnvironment(sandbox()).commpeak);
    });

    it('sends an SMS and finds its status', async () => {
      const sent = await run.create<{ message_uuid: string }>('send_sms', {
        authData,
        inputData: { from: 'GLOBAL', to: '+972 52 426 5292', text: 'Hello from the sandbox' },
      });
      expect(sent).toMatchObject({ to: '972524265292', status: 'accepted' });

      const found = await run.search('find_message_status', {
        authData,
        inputData: { message_uuid: sent.message_uuid },
      });
      expect(found).toEqual([expect.objectContaining({ message_uuid: sent.message_uuid, status: 'DELIVERED' })]);
    });
  });

  describe('SMS Extension', () => {
    const run = runner(smsExtension);
    const { clientId, clientSecret, username, password } = SANDBOX_CREDENTIALS.smsExtension;

    it('signs in, sends an SMS and finds it by id', async () => {
      Object.assign(process.env, integrationEnvironment(sandbox())['sms-extension']);
      const credentials = { base_url: sandbox().urls.smsExtension, client_id: clientId, client_secret: clientSecret, username, password };
      const session = await run.startSession<Record<string, string>>({ authData: credentials });
      const authData = { ...credentials, ...session };

      const sent = await run.create<{ id: string }>('send_sms', {
        authData,
        inputData: { from: 'ACMESHOP', to: '07400 900123', text: 'Hello from the sandbox' },
      });
      expect(sent).toMatchObject({ id: expect.any(String), sender_id: 'ACMESHOP', to: '+447400900123' });

      const found = await run.search('find_sms', {
        authData,
        inputData: { id: sent.id },
      });
      expect(found).toEqual([
        expect.objectContaining({ id: sent.id, sender: 'ACMESHOP', receiver: '447400900123', text: 'Hello from the sandbox' }),
      ]);

      const toThatNumber = await run.trigger<{ id: string; receiver: string }[]>('new_sms', {
        authData,
        inputData: { sender: 'ACMESHOP', receiver: '+44 7400 900123' },
      });
      expect(toThatNumber.map((sms) => sms.id)).toContain(sent.id);
      expect(new Set(toThatNumber.map((sms) => sms.receiver))).toEqual(new Set(['447400900123']));
    });

    it('Sender ID Approved skips a sender id while it is pending and returns it once the provider approves it', async () => {
      const credentials = { base_url: sandbox().urls.smsExtension, client_id: clientId, client_secret: clientSecret, username, password };
      const authData = { ...credentials, ...(await run.startSession<Record<string, string>>({ authData: credentials })) };
      const added = await run.create<{ reference: string }>('add_sender_id', { authData, inputData: { sender_id: 'SOONOK' } });
      const approvals = () => run.trigger<{ id: string; sender_id: string }[]>('sender_id_approved', { authData });

      expect((await approvals()).map((sender) => sender.sender_id)).not.toContain('SOONOK');
      await fetch(`${sandbox().url}/sms-extension/_sandbox/sender-ids/SOONOK/approve`, { method: 'POST' });
      expect(await approvals()).toContainEqual(
        expect.objectContaining({
          id: `${added.reference}-approved`,
          sender_id_record: added.reference,
          sender_id: 'SOONOK',
          approved: true,
        }),
      );
    });
  });
});
