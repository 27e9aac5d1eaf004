import { api, appError, authData, BASE, CONNECTION_CHECK, noPastMessages, rejection, run, triggers } from './support';

const trigger = triggers.new_inbound_message;
const deliver = (cleanedRequest: unknown, inputData: Record<string, unknown> = { department_id: 'dept-1' }) =>
  run.trigger('new_inbound_message', { authData, inputData, cleanedRequest });

const EVENT = { uuid: 'evt-7c1e', messageInfo: { messageId: '6650f1c2a4b7e93d1c2f8a10', lastUpdated: 1749579000000 } };
const MESSAGE_PATH = `${BASE}/message/getmessagebyid/6650f1c2a4b7e93d1c2f8a10`;

/** The message as the API returns it, with `to` in the given shape. */
const apiMessage = (to: unknown) => ({
  id: '6650f1c2a4b7e93d1c2f8a10',
  from: '+19495550111',
  to,
  text: 'Hi, is my order ready?',
  direction: 'INBOUND',
  status: 'RECEIVED',
  lastUpdated: 1749579000000,
  conversationId: 'conv-31',
});

const NORMALISED = {
  id: '6650f1c2a4b7e93d1c2f8a10',
  from: '+19495550111',
  to: ['+19495550100', '+19495550101'],
  text: 'Hi, is my order ready?',
  direction: 'INBOUND',
  status: 'RECEIVED',
  last_updated: '2025-06-10T18:10:00.000Z',
  conversationId: 'conv-31',
};

describe('New Inbound Message (new_inbound_message)', () => {
  describe('a message event', () => {
    it.each([
      ['a list of {phoneNumber} objects', [{ phoneNumber: '+19495550100' }, { phoneNumber: '+19495550101' }]],
      ['a comma-separated string', '+19495550100, +19495550101'],
      ['a list of strings', ['+19495550100', '+19495550101']],
      ['a list of {number} objects', [{ number: '+19495550100' }, { number: '+19495550101' }]],
    ])('fetches the message once and returns it normalised, with `to` given as %s', async (_shape, to) => {
      api().get(MESSAGE_PATH).once().reply(200, apiMessage(to));
      await expect(deliver(EVENT)).resolves.toEqual([NORMALISED]);
    });

    it('gives the same item id each time the same event is delivered, so Zapier drops the repeat', async () => {
      api()
        .get(MESSAGE_PATH)
        .twice()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      const first = await deliver(EVENT);
      const second = await deliver({ ...EVENT, uuid: 'evt-7c1e-redelivered' });
      expect(first).toEqual([NORMALISED]);
      expect((second as { id: string }[]).map((item) => item.id)).toEqual([NORMALISED.id]);
    });

    it("fires once, and fetches once, when the provider delivers the same event twice to a Zap's subscription", async () => {
      api()
        .get(MESSAGE_PATH)
        .once()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-repeat' }, cleanedRequest: EVENT };
      await expect(run.trigger('new_inbound_message', bundle)).resolves.toEqual([NORMALISED]);
      await expect(
        run.trigger('new_inbound_message', { ...bundle, cleanedRequest: { ...EVENT, uuid: 'evt-7c1e-redelivered' } }),
      ).resolves.toEqual([]);
    });

    it('fires on the redelivery of an event whose first delivery failed half-way: nothing is lost', async () => {
      api().get(MESSAGE_PATH).once().reply(503, { message: 'Service Unavailable' });
      api()
        .get(MESSAGE_PATH)
        .once()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-retry' }, cleanedRequest: EVENT };
      await expect(run.trigger('new_inbound_message', bundle)).rejects.toThrow(/HTTP 503/);
      await expect(run.trigger('new_inbound_message', bundle)).resolves.toEqual([NORMALISED]);
    });

    it('fires for every Zap whose subscription receives the event', async () => {
      api()
        .get(MESSAGE_PATH)
        .twice()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      const bundle = { authData, inputData: { department_id: 'dept-1' }, cleanedRequest: EVENT };
      await expect(run.trigger('new_inbound_message', { ...bundle, subscribeData: { id: 'sub-zap-a' } })).resolves.toEqual([NORMALISED]);
      await expect(run.trigger('new_inbound_message', { ...bundle, subscribeData: { id: 'sub-zap-b' } })).resolves.toEqual([NORMALISED]);
    });

    it('accepts a numeric message id and fills what the message lacks with null or empty values', async () => {
      api().get(`${BASE}/message/getmessagebyid/4242`).reply(200, { id: 4242 });
      await expect(deliver({ uuid: 'evt-1', messageInfo: { messageId: 4242 } })).resolves.toEqual([
        { id: '4242', from: null, to: [], text: '', direction: null, status: null, last_updated: null },
      ]);
    });

    it('starts nothing when the message is gone by the time it is fetched (404)', async () => {
      api().get(MESSAGE_PATH).reply(404, { message: 'Message not found' });
      await expect(deliver(EVENT)).resolves.toEqual([]);
    });

    it('fails with the reason when the fetch and the connection are refused', async () => {
      api().get(MESSAGE_PATH).reply(403, { message: 'Forbidden' });
      // The connection is refused too: the API key, not this id.
      api().get(CONNECTION_CHECK).reply(403, { message: 'Forbidden' });
      expect(appError(await rejection(deliver(EVENT)))).toMatchObject({ code: 'forbidden', status: 403 });
    });
  });

  describe('a body that is not a message event, which starts nothing and calls nothing', () => {
    // The network is disabled and no API answer is set up: any request would fail the step.
    it.each([
      ['an event without messageInfo', { uuid: 'evt-1', eventType: 'validation' }],
      ['messageInfo without a message id', { uuid: 'evt-1', messageInfo: { lastUpdated: 1749579000000 } }],
      ['an empty message id', { uuid: 'evt-1', messageInfo: { messageId: '' } }],
      ['a string body', 'validation-token=abc'],
      ['an empty object', {}],
      ['no body at all', undefined],
    ])('%s', async (_what, body) => {
      await expect(deliver(body)).resolves.toEqual([]);
    });
  });

  describe('the direction: a message fires only the trigger of its direction', () => {
    it.each([['OUTBOUND'], ['outbound'], ['Outgoing']])('fires nothing when the record says %s', async (direction) => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, { ...apiMessage([]), direction });
      await expect(deliver(EVENT)).resolves.toEqual([]);
    });

    it('a forged delivery claiming the other direction does not suppress the genuine event that follows', async () => {
      api()
        .get(MESSAGE_PATH)
        .twice()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-forged' } };
      const forged = { ...EVENT, messageInfo: { ...EVENT.messageInfo, direction: 'OUTBOUND' } };
      await expect(run.trigger('new_inbound_message', { ...bundle, cleanedRequest: forged }, { freshCache: true })).resolves.toEqual([]);
      await expect(run.trigger('new_inbound_message', { ...bundle, cleanedRequest: EVENT })).resolves.toEqual([NORMALISED]);
    });

    it('fires nothing when the event says the message went out, whatever the record says', async () => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      await expect(deliver({ ...EVENT, messageInfo: { ...EVENT.messageInfo, direction: 'OUTBOUND' } })).resolves.toEqual([]);
    });

    it('fires when the event and the record both say inbound, in any case', async () => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      await expect(deliver({ ...EVENT, messageInfo: { ...EVENT.messageInfo, direction: 'inbound' } })).resolves.toEqual([NORMALISED]);
    });

    it('fires when the record states a direction it does not know, as the subscription asked for inbound only', async () => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, { ...apiMessage([]), direction: 'MMS' });
      await expect(deliver(EVENT)).resolves.toEqual([{ ...NORMALISED, to: [], direction: 'MMS' }]);
    });

    it('fires nothing when the API answers with another message than the one the event names', async () => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, { ...apiMessage([]), id: 'someone-elses' });
      await expect(deliver(EVENT)).resolves.toEqual([]);
    });
  });

  describe('Ignore Reactions', () => {
    const reaction = (text: string) =>
      api()
        .get(MESSAGE_PATH)
        .reply(200, { ...apiMessage(['+19495550100']), text });

    it('is a boolean option, on for new Zaps', () => {
      expect(trigger.operation.inputFields).toContainEqual(
        expect.objectContaining({ key: 'ignore_reactions', label: 'Ignore Reactions', type: 'boolean', required: false, default: 'true' }),
      );
    });

    it.each([
      ['Liked “Your table is booked for 7pm”'],
      ['Loved “Thanks!”'],
      ['Laughed at “See you there 😂”'],
      ['Emphasized “Bring your ID”'],
      ['Emphasised “Bring your ID”'],
      ['Disliked “We are closed on Monday”'],
      ['Questioned “Pickup at 5?”'],
      ['Liked "Your table is booked for 7pm"'],
      ['Questioned "Pickup at 5?"'],
      ['  Loved “two\nlines” \n'],
    ])('fires nothing for the reaction %j with the option on', async (text) => {
      reaction(text);
      await expect(deliver(EVENT, { department_id: 'dept-1', ignore_reactions: true })).resolves.toEqual([]);
    });

    it.each([['true'], ['True'], ['yes']])('reads %j as on', async (on) => {
      reaction('Liked “Your table is booked for 7pm”');
      await expect(deliver(EVENT, { department_id: 'dept-1', ignore_reactions: on })).resolves.toEqual([]);
    });

    it.each([[false], ['false'], ['no'], [' False ']])('fires for a reaction with the option off (%j)', async (off) => {
      reaction('Liked “Your table is booked for 7pm”');
      await expect(deliver(EVENT, { department_id: 'dept-1', ignore_reactions: off })).resolves.toEqual([
        { ...NORMALISED, to: ['+19495550100'], text: 'Liked “Your table is booked for 7pm”' },
      ]);
    });

    it('fires for a reaction in a Zap made before the option existed (no value)', async () => {
      reaction('Loved “Thanks!”');
      await expect(deliver(EVENT)).resolves.toEqual([{ ...NORMALISED, to: ['+19495550100'], text: 'Loved “Thanks!”' }]);
    });

    it.each([
      ['Liked the food, thanks'],
      ['I liked “the soup”'],
      ['Liked “unfinished'],
      ['Loved it'],
      ['Likes “this”'],
      ['liked “lower case is typed by a person”'],
    ])('fires for %j, which a person typed, with the option on', async (text) => {
      reaction(text);
      await expect(deliver(EVENT, { department_id: 'dept-1', ignore_reactions: 'true' })).resolves.toEqual([
        { ...NORMALISED, to: ['+19495550100'], text },
      ]);
    });

    it('does not remember a reaction it skipped: the same message fires for a Zap that keeps reactions', async () => {
      api()
        .get(MESSAGE_PATH)
        .twice()
        .reply(200, { ...apiMessage(['+19495550100']), text: 'Loved “Thanks!”' });
      const bundle = { authData, subscribeData: { id: 'sub-reactions' }, cleanedRequest: EVENT };
      await expect(
        run.trigger(
          'new_inbound_message',
          { ...bundle, inputData: { department_id: 'dept-1', ignore_reactions: 'true' } },
          { freshCache: true },
        ),
      ).resolves.toEqual([]);
      await expect(
        run.trigger('new_inbound_message', { ...bundle, inputData: { department_id: 'dept-1', ignore_reactions: 'false' } }),
      ).resolves.toEqual([{ ...NORMALISED, to: ['+19495550100'], text: 'Loved “Thanks!”' }]);
    });

    it('says what is wrong with a value that is not true or false', async () => {
      expect(appError(await rejection(deliver(EVENT, { department_id: 'dept-1', ignore_reactions: 'maybe' })))).toMatchObject({
        message: 'Ignore Reactions: must be True or False.',
      });
    });
  });

  describe('loading sample data in the editor (performList)', () => {
    const list = (departmentId: string) => run.triggerList('new_inbound_message', { authData, inputData: { department_id: departmentId } });

    it('explains that past messages cannot be listed and offers the sample, before any message fired', async () => {
      const error = await rejection(
        run.triggerList('new_inbound_message', { authData, inputData: { department_id: 'dept-1' } }, { freshCache: true }),
      );
      expect(appError(error)).toEqual(noPastMessages('Send a text to the department to see a real one'));
    });

    it("offers the last message the department's Zap fired for, fetched again by its id", async () => {
      api()
        .get(MESSAGE_PATH)
        .once()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      await expect(
        run.trigger(
          'new_inbound_message',
          { authData, inputData: { department_id: 'dept-7' }, cleanedRequest: EVENT },
          { freshCache: true },
        ),
      ).resolves.toEqual([NORMALISED]);
      api()
        .get(MESSAGE_PATH)
        .once()
        .reply(200, { ...apiMessage(['+19495550100', '+19495550101']), status: 'READ' });
      await expect(list('dept-7')).resolves.toEqual([{ ...NORMALISED, status: 'READ' }]);
      // Another department has no sample yet.
      await expect(rejection(list('dept-8'))).resolves.toMatchObject({ message: expect.stringContaining('no way to list past messages') });
    });

    it('does not offer a message it did not fire for (a reaction, the other direction)', async () => {
      api()
        .get(MESSAGE_PATH)
        .reply(200, { ...apiMessage([]), text: 'Liked “Hi”' });
      await deliver(EVENT, { department_id: 'dept-9', ignore_reactions: 'true' });
      await expect(rejection(list('dept-9'))).resolves.toMatchObject({ message: expect.stringContaining('no way to list past messages') });
    });

    it('explains that there is no sample when the remembered message is gone', async () => {
      api().get(MESSAGE_PATH).once().reply(200, apiMessage([]));
      await run.trigger(
        'new_inbound_message',
        { authData, inputData: { department_id: 'dept-5' }, cleanedRequest: EVENT },
        { freshCache: true },
      );
      api().get(MESSAGE_PATH).reply(404, { message: 'Message not found' });
      await expect(rejection(list('dept-5'))).resolves.toMatchObject({ message: expect.stringContaining('no way to list past messages') });
    });
  });

  it('is an instant (REST hook) trigger on a department, whose sample is an inbound message', () => {
    expect(trigger.operation.type).toBe('hook');
    expect(trigger.operation.inputFields).toEqual([
      expect.objectContaining({ key: 'department_id', required: true, dynamic: 'site_list.id.name' }),
      expect.objectContaining({ key: 'organization_id', required: false }),
      expect.objectContaining({ key: 'ignore_reactions' }),
    ]);
    expect(trigger.operation.sample).toEqual({
      id: '6650f1c2a4b7e93d1c2f8a10',
      from: '+19495550111',
      to: ['+19495550100'],
      text: 'Hi, is my order ready?',
      direction: 'inbound',
      status: 'RECEIVED',
      last_updated: '2025-06-10T18:10:00.000Z',
    });
  });
});
