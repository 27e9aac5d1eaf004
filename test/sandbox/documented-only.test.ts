import nock from 'nock';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment, startSandbox, type Sandbox } from '../../tools/sandbox';
import { appError, rejection } from '../support/errors';
import { runner, type TestBundle } from '../support/run';
import { startReceiver } from './support';

/**
 * The sandbox with every assumed StratusTexting endpoint answering as the real gateway answers a
 * path it lacks: what the provider documents must still work, and each guess must fail alone,
 * saying which operation the provider does not offer.
 */

const run = runner(stratusTexting);

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

/** A bundle connected to the sandbox's StratusTexting account. */
const connected = (bundle: TestBundle = {}) => ({ authData: sandbox.stratusTextingTokens(), ...bundle });

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

  it('tests the connection (a documented read of a message that cannot exist); the label goes without the assumed sites list', async () => {
    await expect(run.connectionTest(connected())).resolves.toEqual({ site_count: 0 });
  });

  it('refuses the connection test with a wrong access token (401) or a wrong API key (403)', async () => {
    const error = await rejection(run.connectionTest({ authData: { ...sandbox.stratusTextingTokens(), access_token: 'not-a-token' } }));
    expect(error.name).toBe('RefreshAuthError');
    process.env.API_KEY = 'not-the-api-key';
    try {
      expect(appError(await rejection(run.connectionTest(connected())))).toMatchObject({ code: 'forbidden', status: 403 });
    } finally {
      Object.assign(process.env, integrationEnvironment(sandbox).stratustexting);
    }
  });

  it('finds a message by id', async () => {
    const department = sandbox.state.stratustexting.sites[0];
    const answer = await fetch(`${sandbox.url}/stratustexting/_sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+19495550111', to: department.phoneNumber, text: 'Documented only' }),
    });
    const { message } = (await answer.json()) as { message: { id: string } };
    await expect(run.search('find_message', connected({ inputData: { message_id: message.id } }))).resolves.toEqual([
      expect.objectContaining({ id: message.id, from: '+19495550111', to: [department.phoneNumber], text: 'Documented only' }),
    ]);
  });

  it('asks for the Organization ID to subscribe, then subscribes with it and delivers; unsubscribing is not offered', async () => {
    const receiver = await startReceiver();
    try {
      const department = sandbox.state.stratustexting.sites[0];
      const error = appError(
        await rejection(
          run.subscribe('new_inbound_message', connected({ inputData: { department_id: department.id }, targetUrl: receiver.url })),
        ),
      );
      expect(error).toMatchObject({ code: 'organization_needed', status: 400 });
      expect(error.message).toContain("Enter the Organization ID in this trigger's settings");

      const inputData = { department_id: department.id, organization_id: sandbox.state.stratustexting.orgId };
      const subscription = await run.subscribe<{ id: string }>('new_inbound_message', connected({ inputData, targetUrl: receiver.url }));
      expect(subscription).toMatchObject({
        eventFilters: [`/orgId/${sandbox.state.stratustexting.orgId}/department/${department.id}/message?direction=inbound`],
        status: 'ACTIVE',
      });

      await fetch(`${sandbox.url}/stratustexting/_sandbox/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+19495550123', to: department.phoneNumber, text: 'Still there?' }),
      });
      await expect(
        run.trigger('new_inbound_message', connected({ cleanedRequest: receiver.received[0]?.body, subscribeData: subscription })),
      ).resolves.toEqual([expect.objectContaining({ from: '+19495550123', text: 'Still there?', direction: 'inbound' })]);

      // Removing a subscription is not documented: it stays until it expires.
      expect(appError(await rejection(run.unsubscribe('new_inbound_message', connected({ subscribeData: subscription }))))).toEqual(
        notOffered('Unsubscribe from events'),
      );
      expect(sandbox.state.stratustexting.subscriptions.size).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it('creates a custom consent and changes its status (both documented)', async () => {
    const consent = (await run.create('create_consent', connected({ inputData: { name: 'Documented reminders' } }))) as {
      id: string;
    };
    expect(consent).toMatchObject({ name: 'Documented reminders', active: true });
    await expect(
      run.create('change_consent_status', connected({ inputData: { consent_id: consent.id, status: 'inactive' } })),
    ).resolves.toMatchObject({ id: consent.id, active: false });
    await expect(run.search('find_consent', connected({ inputData: { consent_id: consent.id } }))).resolves.toEqual([
      expect.objectContaining({ id: consent.id, name: 'Documented reminders', active: false }),
    ]);
  });
});

describe('documented-only mode: each assumed operation fails alone, saying StratusTexting does not offer it', () => {
  it.each([
    { step: 'create', key: 'send_sms', inputData: { from: '+19495550100', to: '+19495550111', text: 'Hi' }, action: 'Send SMS' },
    {
      step: 'create',
      key: 'send_mms',
      inputData: { from: '+19495550100', to: '+19495550111', media: 'https://example.com/a.png' },
      action: 'Send MMS',
    },
    {
      step: 'create',
      key: 'upsert_contact',
      inputData: { mobile: '+19495550111', first_name: 'Jamie' },
      action: 'Create or Update Contact',
    },
    { step: 'create', key: 'update_contact', inputData: { contact_id: 'c-1', first_name: 'Jamie' }, action: 'Update Contact' },
    { step: 'create', key: 'update_consent', inputData: { consent_id: 'cc-1', name: 'Renamed' }, action: 'Update Custom Consent' },
    {
      step: 'create',
      key: 'set_contact_consent',
      inputData: { mobile: '+19495550111', consent_id: 'cc-1', action: 'add' },
      action: 'Add Custom Consent to Contact',
    },
    { step: 'search', key: 'find_contact', inputData: { mobile: '+19495550111' }, action: 'Find Contact' },
    { step: 'search', key: 'find_consent', inputData: { name: 'Appointment reminders' }, action: 'Get All Custom Consents' },
    { step: 'trigger', key: 'site_list', inputData: {}, action: 'Get Sites' },
    { step: 'trigger', key: 'consent_list', inputData: {}, action: 'Get All Custom Consents' },
    { step: 'triggerList', key: 'new_contact', inputData: { department_id: 'd-1' }, action: 'Get All Contacts' },
  ] as const)('$step $key', async ({ step, key, inputData, action }) => {
    expect(appError(await rejection(run[step](key, connected({ inputData }))))).toEqual(notOffered(action));
  });
});
