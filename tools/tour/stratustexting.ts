import { randomBytes } from 'node:crypto';
import type { Sandbox } from '../sandbox';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../sandbox';
import { startReceiver } from './receiver';
import { startRelay } from './relay-server';
import { expectThat, type Transcript } from './transcript';
import { deployable } from './zapier';

interface Message {
  id: string;
  from: string;
  text: string;
}

const ZAPIER_REDIRECT = 'https://zapier.com/dashboard/auth/oauth/return/StratusTextingCLIAPI/';

/** Signs in through the sandbox's hosted login page as a person would, returning the code. */
async function signIn(authorizeUrl: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expectThat(page.status === 200 && html.includes('<form'), `the login page did not load (HTTP ${page.status})`);
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? new URL(authorizeUrl).pathname;
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    form.set(name, value.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  }
  const { username, password } = SANDBOX_CREDENTIALS.stratustexting;
  form.set('username', username);
  form.set('password', password);
  const submitted = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const location = submitted.headers.get('location') ?? '';
  const code = location ? new URL(location).searchParams.get('code') : null;
  expectThat(submitted.status === 302 && code !== null, `signing in did not redirect back with a code (HTTP ${submitted.status})`);
  return code as string;
}

export async function stratusTextingTour(sandbox: Sandbox, transcript: Transcript): Promise<void> {
  Object.assign(process.env, integrationEnvironment(sandbox).stratustexting);
  const app = deployable('stratustexting');
  const receiver = await startReceiver();
  const relaySecret = randomBytes(32).toString('hex');
  const relay = await startRelay({ RELAY_SECRET: relaySecret, RELAY_ALLOWED_ORIGINS: new URL(receiver.url).origin });
  const department = sandbox.state.stratustexting.sites[0];
  const customer = '+19495550177';
  let authData: Record<string, string> = {};
  let subscribeData: Record<string, unknown> = {};
  let inbound: Message | undefined;
  let contactId = '';

  transcript.section('StratusTexting (OAuth2, instant triggers)');
  try {
    await transcript.step('Connect: sign in on the login page, exchange the code, test the connection', async () => {
      const inputData = { redirect_uri: ZAPIER_REDIRECT, state: 'tour-state' };
      const authorizeUrl = await app.run<string>('authentication.oauth2Config.authorizeUrl', { inputData });
      const code = await signIn(authorizeUrl);
      authData = await app.run('authentication.oauth2Config.getAccessToken', { inputData: { ...inputData, code } });
      const tested = await app.run<Record<string, unknown>>('authentication.test', { authData });
      const label = await app.run<string>('authentication.connectionLabel', { authData, inputData: tested });
      expectThat(Boolean(authData.access_token && authData.refresh_token), 'no tokens came back');
      return `connected as "${label}"; ${String(tested.site_count)} sites`;
    });

    const subscribeBundle = { authData, inputData: { department_id: department.id }, targetUrl: receiver.url };
    await transcript.step("Without the hook relay, the platform's validation-token check refuses the Zap's own hook URL", async () => {
      const refusal = await app.run('triggers.new_inbound_message.operation.performSubscribe', subscribeBundle).then(
        () => 'subscribed',
        (cause: Error) => cause.message,
      );
      const named = ['validation-token handshake', 'STRATUSTEXTING_HOOK_RELAY_URL', 'npx wrangler deploy'].every((part) =>
        refusal.includes(part),
      );
      expectThat(named && receiver.received.length === 0, `expected a refusal naming the relay settings, got: ${refusal}`);
      return 'refused; the error names the handshake, the two settings and the relay deploy command';
    });

    Object.assign(process.env, { STRATUSTEXTING_HOOK_RELAY_URL: relay.url, STRATUSTEXTING_HOOK_RELAY_SECRET: relaySecret });
    await transcript.step(`Turn on a Zap through the hook relay: subscribe "New Inbound Message" for ${department.name}`, async () => {
      subscribeData = await app.run('triggers.new_inbound_message.operation.performSubscribe', subscribeBundle);
      const uri = String(subscribeData.uri);
      expectThat(uri.startsWith(`${relay.url}/v1/`), `the subscription is for ${uri}, not the relay`);
      return `subscription ${String(subscribeData.id)} for the relay's signed address (the relay answered the handshake), renewed by Zapier before ${String(subscribeData.expiration_date)}`;
    });

    await transcript.step(
      `A customer texts ${department.phoneNumber}; the event reaches the hook through the relay and the trigger reads the message`,
      async () => {
        await fetch(`${sandbox.url}/stratustexting/_sandbox/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ from: customer, to: department.phoneNumber, text: 'Hi! Can I book a table for Friday?' }),
        });
        const event = await receiver.next();
        const delivered = sandbox.state.stratustexting.deliveries.at(-1);
        expectThat(
          delivered?.uri.startsWith(`${relay.url}/v1/`) === true && delivered.status === 200,
          'the event did not go through the relay',
        );
        const items = await app.run<Message[]>('triggers.new_inbound_message.operation.perform', {
          authData,
          inputData: { department_id: department.id },
          subscribeData,
          cleanedRequest: event,
        });
        expectThat(items.length === 1 && items[0].from === customer, `expected one message from ${customer}, got ${JSON.stringify(items)}`);
        inbound = items[0];
        return `message ${inbound.id} from ${inbound.from}: "${inbound.text}"`;
      },
    );

    await transcript.step('Reply with Send SMS', async () => {
      const sent = await app.run<Record<string, unknown>>('creates.send_sms.operation.perform', {
        authData,
        inputData: { from: department.phoneNumber, to: inbound?.from ?? customer, text: 'Friday works! See you at 7pm 🍽️' },
      });
      expectThat(sent.result === 'Message Processed Successfully', `unexpected answer ${JSON.stringify(sent)}`);
      return `${String(sent.result)}; ${String(sent.encoding)}, ${String(sent.segments)} segment(s)`;
    });

    await transcript.step('Find or create the customer as a contact (search, then create)', async () => {
      const inputData = { mobile: customer, first_name: 'Casey', last_name: 'Diner' };
      const before = await app.run<unknown[]>('searches.find_contact.operation.perform', { authData, inputData });
      expectThat(before.length === 0, 'the customer was already a contact');
      const created = await app.run<Record<string, unknown>>('creates.upsert_contact.operation.perform', { authData, inputData });
      const after = await app.run<Record<string, unknown>[]>('searches.find_contact.operation.perform', { authData, inputData });
      expectThat(after[0]?.id === created.id, 'the new contact cannot be found by its number');
      contactId = String(created.id);
      return `not found, so created contact ${String(created.id)} (${String(created.first_name)} ${String(created.last_name)}); found by number now`;
    });

    await transcript.step(
      'A second Zap on "Updated Contact" fires once the contact is changed, with the contact as it is now',
      async () => {
        const contactsZap = await app.run<Record<string, unknown>>('triggers.updated_contact.operation.performSubscribe', {
          ...subscribeBundle,
          targetUrl: `${receiver.url}contacts`,
        });
        try {
          await app.run('creates.update_contact.operation.perform', {
            authData,
            inputData: { contact_id: contactId, last_name: 'Okafor' },
          });
          const event = await receiver.next();
          const items = await app.run<Record<string, unknown>[]>('triggers.updated_contact.operation.perform', {
            authData,
            inputData: { department_id: department.id },
            subscribeData: contactsZap,
            cleanedRequest: event,
          });
          expectThat(
            items.length === 1 && items[0].id === contactId && items[0].last_name === 'Okafor',
            `expected contact ${contactId} as changed, got ${JSON.stringify(items)}`,
          );
          return `contact ${contactId} is now ${String(items[0].first_name)} ${String(items[0].last_name)}, as fetched after the event`;
        } finally {
          await app.run('triggers.updated_contact.operation.performUnsubscribe', { authData, subscribeData: contactsZap });
        }
      },
    );

    await transcript.step('The access token expires: the step asks for a refresh, the refresh keeps the refresh token', async () => {
      await fetch(`${sandbox.url}/stratustexting/_sandbox/expire-tokens`, { method: 'POST' });
      const outcome = await app
        .run('searches.find_message.operation.perform', { authData, inputData: { message_id: inbound?.id ?? '' } })
        .then(
          () => 'succeeded',
          (cause: Error) => cause.name,
        );
      expectThat(outcome === 'RefreshAuthError', `expected RefreshAuthError, got ${outcome}`);
      const refreshed = await app.run<Record<string, string>>('authentication.oauth2Config.refreshAccessToken', { authData });
      expectThat(refreshed.refresh_token === authData.refresh_token, 'the refresh token was lost');
      authData = { ...authData, ...refreshed };
      const found = await app.run<Message[]>('searches.find_message.operation.perform', {
        authData,
        inputData: { message_id: inbound?.id ?? '' },
      });
      expectThat(found[0]?.id === inbound?.id, 'the message was not found after the refresh');
      return 'RefreshAuthError, refreshed, and the retried Find Message found the message';
    });

    await transcript.step('Turn the Zap off: unsubscribe', async () => {
      const removed = await app.run<Record<string, unknown>>('triggers.new_inbound_message.operation.performUnsubscribe', {
        authData,
        subscribeData,
      });
      const left = sandbox.state.stratustexting.subscriptions.size;
      expectThat(removed.removed === true && left === 0, `${left} subscription(s) left behind`);
      return `subscription ${String(removed.id)} deleted; none left`;
    });
  } finally {
    delete process.env.STRATUSTEXTING_HOOK_RELAY_URL;
    delete process.env.STRATUSTEXTING_HOOK_RELAY_SECRET;
    await relay.close();
    await receiver.close();
  }
}
