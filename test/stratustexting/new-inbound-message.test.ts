import { api, appError, appTester, authData, BASE, rejection, triggers } from './support';

const trigger = triggers.new_inbound_message;
const { perform, performList } = trigger.operation;
const deliver = (cleanedRequest: unknown) => appTester(perform, { authData, inputData: { department_id: 'dept-1' }, cleanedRequest });

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
      await expect(appTester(perform, bundle)).resolves.toEqual([NORMALISED]);
      await expect(appTester(perform, { ...bundle, cleanedRequest: { ...EVENT, uuid: 'evt-7c1e-redelivered' } })).resolves.toEqual([]);
    });

    it('fires on the redelivery of an event whose first delivery failed half-way: nothing is lost', async () => {
      api().get(MESSAGE_PATH).once().reply(503, { message: 'Service Unavailable' });
      api()
        .get(MESSAGE_PATH)
        .once()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      const bundle = { authData, inputData: { department_id: 'dept-1' }, subscribeData: { id: 'sub-retry' }, cleanedRequest: EVENT };
      await expect(appTester(perform, bundle)).rejects.toThrow(/HTTP 503/);
      await expect(appTester(perform, bundle)).resolves.toEqual([NORMALISED]);
    });

    it('fires for every Zap whose subscription receives the event', async () => {
      api()
        .get(MESSAGE_PATH)
        .twice()
        .reply(200, apiMessage(['+19495550100', '+19495550101']));
      const bundle = { authData, inputData: { department_id: 'dept-1' }, cleanedRequest: EVENT };
      await expect(appTester(perform, { ...bundle, subscribeData: { id: 'sub-zap-a' } })).resolves.toEqual([NORMALISED]);
      await expect(appTester(perform, { ...bundle, subscribeData: { id: 'sub-zap-b' } })).resolves.toEqual([NORMALISED]);
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

    it('fails with the reason when the fetch is refused', async () => {
      api().get(MESSAGE_PATH).reply(403, { message: 'Forbidden' });
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

  describe('loading sample data in the editor (performList)', () => {
    it('explains that past messages cannot be listed and offers the sample', async () => {
      const error = await rejection(appTester(performList, { authData, inputData: { department_id: 'dept-1' } }));
      expect(appError(error)).toEqual({
        message:
          'StratusTexting offers no way to list past messages. Send a text to the department to see a real one, or continue with the sample.',
        code: 'no_sample_source',
        status: 404,
      });
    });
  });

  it('is an instant (REST hook) trigger on a department, whose sample is an inbound message', () => {
    expect(trigger.operation.type).toBe('hook');
    expect(trigger.operation.inputFields).toEqual([
      expect.objectContaining({ key: 'department_id', required: true, dynamic: 'site_list.id.name' }),
      expect.objectContaining({ key: 'organization_id', required: false }),
    ]);
    expect(trigger.operation.sample).toMatchObject({ direction: 'inbound' });
  });
});
