import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import commPeak from '../../src/providers/commpeak/integration';
import smsExtension from '../../src/providers/sms-extension/integration';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../../tools/sandbox';
import { startReceiver, useSandbox } from './support';

/** The integrations themselves, through Zapier's runtime, against the sandbox: the shapes must agree. */

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
type Operations = Record<string, { operation: { perform: Perform; performSubscribe?: Perform } }>;
const operations = (definition: unknown, kind: 'triggers' | 'creates' | 'searches') => (definition as Record<string, Operations>)[kind];

describe('the integrations against the sandbox', () => {
  const sandbox = useSandbox();
  const savedEnv = { ...process.env };
  afterAll(() => {
    process.env = savedEnv;
  });

  describe('StratusTexting', () => {
    const appTester = createAppTester(stratusTexting);
    beforeAll(() => {
      Object.assign(process.env, integrationEnvironment(sandbox()).stratustexting);
    });

    it('tests the connection, sends an SMS and finds the seeded contact', async () => {
      const authData = sandbox().stratusTextingTokens();
      const auth = stratusTexting.authentication as unknown as { test: Perform };

      await expect(appTester(auth.test, { authData } as unknown as Bundle)).resolves.toMatchObject({
        site_count: 2,
        first_site: 'Main Office',
      });
      const sent = await appTester(operations(stratusTexting, 'creates').send_sms.operation.perform, {
        authData,
        inputData: { from: '+19495550100', to: '(949) 555-0111', text: 'Hello from the sandbox' },
      } as unknown as Bundle);
      expect(sent).toMatchObject({ result: 'Message Processed Successfully' });
      const found = await appTester(operations(stratusTexting, 'searches').find_contact.operation.perform, {
        authData,
        inputData: { mobile: '(949) 555-0111' },
      } as unknown as Bundle);
      expect(found).toEqual([expect.objectContaining({ first_name: 'Jamie', mobile: '+19495550111' })]);
    });

    it('subscribes the inbound-message trigger, receives an inbound text and reads the message', async () => {
      const receiver = await startReceiver();
      try {
        const authData = sandbox().stratusTextingTokens();
        const trigger = operations(stratusTexting, 'triggers').new_inbound_message.operation;
        const department = sandbox().state.stratustexting.sites[0];
        const subscribeBundle = { authData, inputData: { department_id: department.id }, targetUrl: receiver.url };
        await appTester(trigger.performSubscribe as Perform, subscribeBundle as unknown as Bundle);

        await fetch(`${sandbox().url}/stratustexting/_sandbox/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ from: '+19495550123', to: department.phoneNumber, text: 'Can I book for Friday?' }),
        });
        expect(receiver.received).toHaveLength(1);

        const messages = await appTester(trigger.perform, { authData, cleanedRequest: receiver.received[0].body } as unknown as Bundle);
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
    const appTester = createAppTester(commPeak);
    const authData = { api_key: SANDBOX_CREDENTIALS.commpeak.apiKey };
    beforeAll(() => {
      Object.assign(process.env, integrationEnvironment(sandbox()).commpeak);
    });

    it('sends an SMS and finds its status', async () => {
      const sent = (await appTester(operations(commPeak, 'creates').send_sms.operation.perform, {
        authData,
        inputData: { from: 'GLOBAL', to: '+972 52 426 5292', text: 'Hello from the sandbox' },
      } as unknown as Bundle)) as { message_uuid: string };
      expect(sent).toMatchObject({ to: '972524265292', status: 'accepted' });

      const found = await appTester(operations(commPeak, 'searches').find_message_status.operation.perform, {
        authData,
        inputData: { message_uuid: sent.message_uuid },
      } as unknown as Bundle);
      expect(found).toEqual([expect.objectContaining({ message_uuid: sent.message_uuid, status: 'DELIVERED' })]);
    });
  });

  describe('SMS Extension', () => {
    const appTester = createAppTester(smsExtension);
    const { clientId, clientSecret, username, password } = SANDBOX_CREDENTIALS.smsExtension;

    it('signs in, sends an SMS and finds it by id', async () => {
      const credentials = { base_url: sandbox().urls.smsExtension, client_id: clientId, client_secret: clientSecret, username, password };
      const auth = smsExtension.authentication as unknown as { sessionConfig: { perform: Perform } };
      const session = (await appTester(auth.sessionConfig.perform, { authData: credentials } as unknown as Bundle)) as Record<
        string,
        string
      >;
      const authData = { ...credentials, ...session };

      const sent = (await appTester(operations(smsExtension, 'creates').send_sms.operation.perform, {
        authData,
        inputData: { from: 'ACMESHOP', to: '07400 900123', text: 'Hello from the sandbox' },
      } as unknown as Bundle)) as { id: string };
      expect(sent).toMatchObject({ id: expect.any(String), sender_id: 'ACMESHOP', to: '+447400900123' });

      const found = await appTester(operations(smsExtension, 'searches').find_sms.operation.perform, {
        authData,
        inputData: { id: sent.id },
      } as unknown as Bundle);
      expect(found).toEqual([
        expect.objectContaining({ id: sent.id, sender: 'ACMESHOP', receiver: '447400900123', text: 'Hello from the sandbox' }),
      ]);
    });
  });
});
