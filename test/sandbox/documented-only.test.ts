import nock from 'nock';
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment, startSandbox, type Sandbox } from '../../tools/sandbox';
import { appError, rejection } from '../support/errors';
import { startReceiver } from './support';

/**
 * The sandbox with every assumed StratusTexting endpoint answering as the real gateway answers a
 * path it lacks: what the provider documents must still work, and each guess must fail alone,
 * saying which operation the provider does not offer.
 */

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
interface Operation {
  perform: Perform;
  performList?: Perform;
  performSubscribe?: Perform;
  performUnsubscribe?: Perform;
}
const operation = (kind: 'triggers' | 'creates' | 'searches', key: string) =>
  (stratusTexting as unknown as Record<string, Record<string, { operation: Operation }>>)[kind][key].operation;
const appTester = createAppTester(stratusTexting);

let sandbox: Sandbox;
const savedEnv = { ...process.env };
beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1');
  sandbox = await startSandbox({ port: 0, documentedOnly: true });
  Object.assign(process.env, integrationEnvironment(sandbox).stratustexting);
});
afterAll(async () => {
  process.env = savedEnv;
  await sandbox.close();
});

const run = (perform: Perform | undefined, bundle: Record<string, unknown>) =>
  appTester(perform as Perform, { authData: sandbox.stratusTextingTokens(), ...bundle } as unknown as Bundle);

const notOffered = (action: string) => ({
  message:
    `StratusTexting does not offer "${action}" to this account or at this address ("Missing Authentication Token"). ` +
    "This integration's address for it is inferred, not documented, and StratusTexting does not have it. The other steps of this integration are not affected. (HTTP 403)",
  code: 'operation_not_available',
  status: 403,
});

describe('documented-only mode: what StratusTexting documents still works', () => {
  it('answers an assumed endpoint as the gateway answers a path it lacks, before any credential check', async () => {
    const response = await fetch(`${sandbox.urls.stratustextingApi}/sites`);
    expect(response.status).toBe(403);
    await expect(response.json()).resolves.toEqual({ message: 'Missing Authentication Token' });
  });

  it('connects: the test lists the subscriptions, and the label does without a site', async () => {
    const auth = stratusTexting.authentication as unknown as { test: Perform };
    await expect(run(auth.test, {})).resolves.toEqual({ site_count: 0 });
  });

  it('sends an SMS and finds the message it sent', async () => {
    await expect(
      run(operation('creates', 'send_sms').perform, { inputData: { from: '+19495550100', to: '(949) 555-0111', text: 'Documented only' } }),
    ).resolves.toMatchObject({ result: 'Message Processed Successfully' });
    const sent = [...sandbox.state.stratustexting.messages.values()].find((message) => message.text === 'Documented only');
    expect(sent).toBeDefined();
    await expect(run(operation('searches', 'find_message').perform, { inputData: { message_id: sent?.id } })).resolves.toEqual([
      expect.objectContaining({ id: sent?.id, from: '+19495550100', to: ['+19495550111'], text: 'Documented only' }),
    ]);
  });

  it('asks for the Organization ID to subscribe, then subscribes with it, delivers, and unsubscribes', async () => {
    const receiver = await startReceiver();
    try {
      const trigger = operation('triggers', 'new_inbound_message');
      const department = sandbox.state.stratustexting.sites[0];
      const error = appError(
        await rejection(run(trigger.performSubscribe, { inputData: { department_id: department.id }, targetUrl: receiver.url })),
      );
      expect(error).toMatchObject({ code: 'organization_needed', status: 400 });
      expect(error.message).toContain("Enter the Organization ID in this trigger's settings");

      const inputData = { department_id: department.id, organization_id: sandbox.state.stratustexting.orgId };
      const subscription = (await run(trigger.performSubscribe, { inputData, targetUrl: receiver.url })) as { id: string };
      expect(subscription).toMatchObject({
        eventFilters: [`/orgId/${sandbox.state.stratustexting.orgId}/department/${department.id}/message?direction=inbound`],
        status: 'ACTIVE',
      });

      await fetch(`${sandbox.url}/stratustexting/_sandbox/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+19495550123', to: department.phoneNumber, text: 'Still there?' }),
      });
      await expect(run(trigger.perform, { cleanedRequest: receiver.received[0]?.body, subscribeData: subscription })).resolves.toEqual([
        expect.objectContaining({ from: '+19495550123', text: 'Still there?', direction: 'inbound' }),
      ]);

      await expect(run(trigger.performUnsubscribe, { subscribeData: subscription })).resolves.toEqual({
        id: subscription.id,
        removed: true,
      });
      expect(sandbox.state.stratustexting.subscriptions.size).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('creates a custom consent and changes its status (both documented)', async () => {
    const consent = (await run(operation('creates', 'create_consent').perform, { inputData: { name: 'Documented reminders' } })) as {
      id: string;
    };
    expect(consent).toMatchObject({ name: 'Documented reminders', active: true });
    await expect(
      run(operation('creates', 'change_consent_status').perform, { inputData: { consent_id: consent.id, status: 'inactive' } }),
    ).resolves.toMatchObject({ id: consent.id, active: false });
  });
});

describe('documented-only mode: each assumed operation fails alone, saying StratusTexting does not offer it', () => {
  it.each([
    ['creates', 'send_mms', 'perform', { from: '+19495550100', to: '+19495550111', media: 'https://example.com/a.png' }, 'Send MMS'],
    ['creates', 'upsert_contact', 'perform', { mobile: '+19495550111', first_name: 'Jamie' }, 'Create or Update Contact'],
    ['creates', 'update_contact', 'perform', { contact_id: 'c-1', first_name: 'Jamie' }, 'Update Contact'],
    ['creates', 'update_consent', 'perform', { consent_id: 'cc-1', name: 'Renamed' }, 'Update Custom Consent'],
    [
      'creates',
      'set_contact_consent',
      'perform',
      { mobile: '+19495550111', consent_id: 'cc-1', action: 'add' },
      'Add Custom Consent to Contact',
    ],
    ['searches', 'find_contact', 'perform', { mobile: '+19495550111' }, 'Find Contact'],
    ['triggers', 'site_list', 'perform', {}, 'Get Sites'],
    ['triggers', 'consent_list', 'perform', {}, 'Get All Custom Consents'],
    ['triggers', 'new_contact', 'performList', { department_id: 'd-1' }, 'Get All Contacts'],
  ] as const)('%s %s', async (kind, key, method, inputData, action) => {
    expect(appError(await rejection(run(operation(kind, key)[method], { inputData })))).toEqual(notOffered(action));
  });
});
