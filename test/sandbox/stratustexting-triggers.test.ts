import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment } from '../../tools/sandbox';
import { runner } from '../support/run';
import { startReceiver, useSandbox, type Receiver } from './support';

/**
 * The triggers against the sandbox's real deliveries: each event the sandbox POSTs is handed to the
 * trigger as Zapier would, and only what the API confirms fires. The subscription is stored in the
 * sandbox directly, so these tests follow the deliveries whatever the subscribe handshake is.
 */
describe('StratusTexting triggers on the sandbox deliveries', () => {
  const sandbox = useSandbox();
  const savedEnv = { ...process.env };
  const run = runner(stratusTexting);
  let receiver: Receiver;
  let authData: Record<string, string>;

  beforeAll(() => {
    Object.assign(process.env, integrationEnvironment(sandbox()).stratustexting);
  });
  afterAll(() => {
    process.env = savedEnv;
  });
  beforeEach(async () => {
    receiver = await startReceiver();
    handed = 0;
    authData = sandbox().stratusTextingTokens();
  });
  afterEach(async () => {
    await receiver.close();
    sandbox().state.stratustexting.subscriptions.clear();
  });

  const department = () => sandbox().state.stratustexting.sites[0];
  function listen(tail: string): void {
    const { orgId } = sandbox().state.stratustexting;
    const now = new Date().toISOString();
    sandbox().state.stratustexting.subscriptions.set('sub-test', {
      id: 'sub-test',
      orgId,
      uri: receiver.url,
      eventFilters: [`/orgId/${orgId}/department/${department().id}/${tail}`],
      disabledFilters: [],
      expiresAt: Date.now() + 60_000,
      createdDateTime: now,
      lastUpdateDateTime: now,
    });
  }
  /** Hands each event received since the last call to the trigger, as separate Zap runs; returns what each fired. */
  let handed = 0;
  async function fire(trigger: string, inputData: Record<string, unknown> = { department_id: department().id }) {
    await sandbox().idle();
    const fired: unknown[] = [];
    for (const { body } of receiver.received.slice(handed)) {
      fired.push(await run.trigger(trigger, { authData, inputData, cleanedRequest: body }));
    }
    handed = receiver.received.length;
    return fired;
  }
  /** Hands the same events to a second trigger. */
  function fireAgain(trigger: string, inputData?: Record<string, unknown>) {
    handed = 0;
    return fire(trigger, inputData);
  }
  const addContact = (mobile: string, firstName: string) =>
    run.create<{ id: string }>('upsert_contact', { authData, inputData: { mobile, first_name: firstName } });
  const textIn = (text: string) =>
    fetch(`${sandbox().url}/stratustexting/_sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+19495550133', to: department().phoneNumber, text }),
    });

  const deleteContact = (id: string) => fetch(`${sandbox().url}/stratustexting/_sandbox/contact/${id}`, { method: 'DELETE' });

  it('New Contact fires for a contact created, not when it is updated or deleted', async () => {
    listen('contact');
    const created = await addContact('(949) 555-0144', 'Robin');
    expect(await fire('new_contact')).toEqual([[expect.objectContaining({ id: created.id, first_name: 'Robin', mobile: '+19495550144' })]]);

    await run.create('update_contact', {
      authData,
      inputData: { contact_id: created.id, last_name: 'Okafor' },
    });
    expect(await fire('new_contact')).toEqual([[]]);

    await deleteContact(created.id);
    expect(await fire('new_contact')).toEqual([[]]);
  });

  it('Updated Contact fires for each change, with the contact as it is now, and not for its creation or deletion', async () => {
    listen('contact');
    const created = await addContact('(949) 555-0146', 'Kai');
    expect(await fire('updated_contact')).toEqual([[]]);

    await run.create('update_contact', { authData, inputData: { contact_id: created.id, last_name: 'Okafor' } });
    expect(await fire('updated_contact')).toEqual([
      [expect.objectContaining({ id: created.id, first_name: 'Kai', last_name: 'Okafor', mobile: '+19495550146' })],
    ]);
    await run.create('update_contact', { authData, inputData: { contact_id: created.id, notes: 'Call after 5pm' } });
    expect(await fire('updated_contact')).toEqual([
      [expect.objectContaining({ id: created.id, last_name: 'Okafor', notes: 'Call after 5pm' })],
    ]);

    await deleteContact(created.id);
    expect(await fire('updated_contact')).toEqual([[]]);
  });

  it('Deleted Contact fires for a contact deleted, with its last details, and not for its creation or changes', async () => {
    listen('contact');
    const created = await addContact('(949) 555-0147', 'Ari');
    await run.create('update_contact', { authData, inputData: { contact_id: created.id, last_name: 'Mendes' } });
    expect(await fire('deleted_contact')).toEqual([[], []]);

    await deleteContact(created.id);
    expect(await fire('deleted_contact')).toEqual([
      [
        {
          id: created.id,
          first_name: 'Ari',
          last_name: 'Mendes',
          mobile: '+19495550147',
          email: null,
          company: null,
          notes: null,
          deleted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
    ]);
  });

  it('Deleted Contact fires nothing for a delete event about a contact that is still there', async () => {
    const [kept] = sandbox().state.stratustexting.contacts.values();
    const forged = {
      uuid: 'evt-forged',
      eventType: 'CONTACT_DELETED',
      contactInfo: { contactId: kept.id, mobileNumber: kept.mobileNumber },
    };
    await expect(
      run.trigger('deleted_contact', { authData, inputData: { department_id: department().id }, cleanedRequest: forged }),
    ).resolves.toEqual([]);
  });

  it('a contact created and deleted before its Zap runs fires nothing', async () => {
    listen('contact');
    const created = await addContact('(949) 555-0145', 'Gone');
    await deleteContact(created.id);
    expect(await fire('new_contact')).toEqual([[], []]);
  });

  it('an inbound text fires New Inbound Message and, handed the same event, not New Outbound Message', async () => {
    listen('message?direction=inbound');
    await textIn('Is the patio open tonight?');
    expect(await fire('new_inbound_message')).toEqual([
      [expect.objectContaining({ text: 'Is the patio open tonight?', direction: 'inbound' })],
    ]);
    expect(await fireAgain('new_outbound_message')).toEqual([[]]);
  });

  it('a sent text fires New Outbound Message and, handed the same event, not New Inbound Message', async () => {
    listen('message?direction=outbound');
    await run.create('send_sms', {
      authData,
      inputData: { from: department().phoneNumber, to: '(949) 555-0133', text: 'The patio opens at 5pm.' },
    });
    expect(await fire('new_outbound_message')).toEqual([
      [expect.objectContaining({ text: 'The patio opens at 5pm.', direction: 'outbound' })],
    ]);
    expect(await fireAgain('new_inbound_message')).toEqual([[]]);
  });

  it('a message event handed to a Zap on another department fires nothing: the record names its department', async () => {
    listen('message?direction=inbound');
    await textIn('Do you deliver?');
    const other = sandbox().state.stratustexting.sites[1];
    expect(await fire('new_inbound_message', { department_id: other.id })).toEqual([[]]);
    expect(await fireAgain('new_inbound_message')).toEqual([
      [expect.objectContaining({ text: 'Do you deliver?', departmentId: department().id })],
    ]);
  });

  it('a reaction texted in fires nothing with Ignore Reactions on, and fires with it off', async () => {
    listen('message?direction=inbound');
    await textIn('Loved “The patio opens at 5pm.”');
    expect(await fire('new_inbound_message', { department_id: department().id, ignore_reactions: 'true' })).toEqual([[]]);
    expect(await fireAgain('new_inbound_message', { department_id: department().id, ignore_reactions: 'false' })).toEqual([
      [expect.objectContaining({ text: 'Loved “The patio opens at 5pm.”' })],
    ]);
  });
});
