import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment } from '../../tools/sandbox';
import { startRelay, type RelayServer } from '../../tools/tour/relay-server';
import { startReceiver, useSandbox, type Receiver } from '../sandbox/support';
import { runner } from '../support/run';

/** A Zap turned on through the relay, against the sandbox with the validation-token handshake enforced. */

const run = runner(stratusTexting);
const SECRET = 'through-sandbox-relay-secret-0123456789';

describe('subscribing through the hook relay', () => {
  const sandbox = useSandbox();
  const savedEnv = { ...process.env };
  let receiver: Receiver;
  let relay: RelayServer;
  beforeEach(async () => {
    Object.assign(process.env, integrationEnvironment(sandbox()).stratustexting);
    receiver = await startReceiver({ echoesToken: false });
    relay = await startRelay({ RELAY_SECRET: SECRET, RELAY_ALLOWED_ORIGINS: new URL(receiver.url).origin });
  });
  afterEach(async () => {
    process.env = { ...savedEnv };
    await relay.close();
    await receiver.close();
    sandbox().state.stratustexting.subscriptions.clear();
  });

  const subscribeBundle = () => ({
    authData: sandbox().stratusTextingTokens(),
    inputData: { department_id: sandbox().state.stratustexting.sites[0].id },
    targetUrl: receiver.url,
  });

  it("is needed: the Zap's own hook URL fails the handshake and the error names the relay settings", async () => {
    await expect(run.subscribe('new_inbound_message', subscribeBundle())).rejects.toThrow(
      /validation-token handshake.*STRATUSTEXTING_HOOK_RELAY_URL and STRATUSTEXTING_HOOK_RELAY_SECRET/,
    );
    expect(receiver.handshakes).toHaveLength(1);
    expect(sandbox().state.stratustexting.subscriptions.size).toBe(0);
  });

  it('answers the handshake for the Zap, and a customer text reaches the Zap through it', async () => {
    Object.assign(process.env, { STRATUSTEXTING_HOOK_RELAY_URL: relay.url, STRATUSTEXTING_HOOK_RELAY_SECRET: SECRET });
    const subscribed = await run.subscribe<{ uri: string }>('new_inbound_message', subscribeBundle());
    expect(subscribed.uri).toMatch(new RegExp(`^${relay.url}/v1/[A-Za-z0-9_-]+/[A-Za-z0-9_-]{43}$`));
    expect(receiver.handshakes).toEqual([]);

    const department = sandbox().state.stratustexting.sites[0];
    await fetch(`${sandbox().url}/stratustexting/_sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+19495550123', to: department.phoneNumber, text: 'Through the relay?' }),
    });
    await sandbox().idle();
    expect(sandbox().state.stratustexting.deliveries.at(-1)).toMatchObject({ uri: subscribed.uri, status: 200 });
    expect(receiver.received).toEqual([
      {
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
        body: expect.objectContaining({ messageInfo: expect.any(Object) }),
      },
    ]);
    const messages = await run.trigger('new_inbound_message', {
      authData: sandbox().stratusTextingTokens(),
      cleanedRequest: receiver.received[0]?.body,
    });
    expect(messages).toEqual([expect.objectContaining({ from: '+19495550123', text: 'Through the relay?', direction: 'inbound' })]);
  });
});
