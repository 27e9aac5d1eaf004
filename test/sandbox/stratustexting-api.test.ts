import { SANDBOX_CREDENTIALS } from '../../tools/sandbox';
import { bodyOf, startReceiver, useSandbox, type Receiver } from './support';

const { apiKey } = SANDBOX_CREDENTIALS.stratustexting;
const MAIN_OFFICE = { id: '64f1c0ffee00000000000d01', number: '+19495550100' };
const DOWNTOWN = { id: '64f1c0ffee00000000000d02', number: '+19495550200' };
const ORG_ID = '64f1c0ffee00000000000a01';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the StratusTexting sandbox API', () => {
  const sandbox = useSandbox();
  let accessToken: string;
  beforeAll(() => {
    accessToken = sandbox().stratusTextingTokens().access_token;
  });

  function call(
    method: string,
    path: string,
    options: { query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
    const headers: Record<string, string> = {
      authorization: `Bearer ${accessToken}`,
      'x-api-key': apiKey,
      accept: 'application/json',
      ...options.headers,
    };
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    return fetch(`${sandbox().urls.stratustextingApi}${path}${query}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  async function expectAnswer(response: Promise<Response>, status: number, body?: unknown) {
    const answer = await response;
    const parsed = await bodyOf(answer);
    expect({ status: answer.status, body: parsed }).toEqual({ status, body: body ?? expect.anything() });
    return parsed as Record<string, unknown>;
  }

  const appError = (status: number, message: string) => ({
    timestamp: expect.any(String),
    status,
    error: expect.any(String),
    message,
    path: expect.any(String),
  });

  describe('credentials', () => {
    it('answers 401 {"message":"Unauthorized"} without a bearer token', async () => {
      await expectAnswer(call('GET', '/sites', { headers: { authorization: '' } }), 401, { message: 'Unauthorized' });
    });

    it('answers 401 for a token it never issued', async () => {
      await expectAnswer(call('GET', '/sites', { headers: { authorization: 'Bearer forged' } }), 401, { message: 'Unauthorized' });
    });

    it('answers 403 {"message":"Forbidden"} without the x-api-key, or with a wrong one', async () => {
      await expectAnswer(call('GET', '/sites', { headers: { 'x-api-key': '' } }), 403, { message: 'Forbidden' });
      await expectAnswer(call('GET', '/sites', { headers: { 'x-api-key': 'wrong' } }), 403, { message: 'Forbidden' });
    });

    it('answers an unknown path as API Gateway does, before checking credentials', async () => {
      await expectAnswer(call('GET', '/no/such/thing', { headers: { authorization: '' } }), 403, {
        message: 'Missing Authentication Token',
      });
    });
  });

  describe('sites', () => {
    it('lists two sites with their organization id', async () => {
      const body = await expectAnswer(call('GET', '/sites'), 200);
      expect(body.content).toEqual([
        { id: MAIN_OFFICE.id, name: 'Main Office', orgId: ORG_ID, phoneNumber: MAIN_OFFICE.number },
        { id: DOWNTOWN.id, name: 'Downtown Branch', orgId: ORG_ID, phoneNumber: DOWNTOWN.number },
      ]);
    });
  });

  describe('send SMS', () => {
    it('stores the outbound message and answers the documented result', async () => {
      await expectAnswer(
        call('POST', '/message/sendsms', {
          query: { from: MAIN_OFFICE.number, to: '+19495550111,+19495550112', text: 'Your order is ready' },
        }),
        200,
        {
          result: 'Message Processed Successfully',
        },
      );
      const stored = [...sandbox().state.stratustexting.messages.values()].find((message) => message.text === 'Your order is ready');
      expect(stored).toMatchObject({
        direction: 'outbound',
        from: MAIN_OFFICE.number,
        to: [{ phoneNumber: '+19495550111' }, { phoneNumber: '+19495550112' }],
        departmentId: MAIN_OFFICE.id,
      });
      await expectAnswer(
        call('GET', `/message/getmessagebyid/${stored?.id}`),
        200,
        expect.objectContaining({ id: stored?.id, text: 'Your order is ready' }),
      );
    });

    it.each([
      [{ to: '+19495550111', text: 'hi' }, 'from is required'],
      [{ from: '9495550100', to: '+19495550111', text: 'hi' }, 'from "9495550100" is not an E.164 number like +19495551234'],
      [{ from: '+19495550999', to: '+19495550111', text: 'hi' }, 'from "+19495550999" is not a number of this organization'],
      [{ from: MAIN_OFFICE.number, to: '(949) 555-0111', text: 'hi' }, 'to "(949) 555-0111" is not an E.164 number like +19495551234'],
      [{ from: MAIN_OFFICE.number, to: '+19495550111' }, 'text is required'],
    ])('refuses %j with 400: %s', async (query, message) => {
      await expectAnswer(call('POST', '/message/sendsms', { query }), 400, appError(400, message));
    });

    it('reads a raw + in the query as a space, as a server does, and so refuses the number', async () => {
      const url = `${sandbox().urls.stratustextingApi}/message/sendsms?from=+19495550100&to=%2B19495550111&text=hi`;
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'x-api-key': apiKey } });
      expect(response.status).toBe(400);
    });

    it('sends MMS with a media URL', async () => {
      const query = { from: DOWNTOWN.number, to: '+19495550111', mediaUrl: 'https://example.com/menu.jpg' };
      await expectAnswer(call('POST', '/message/sendmms', { query }), 200, { result: 'Message Processed Successfully' });
      await expectAnswer(
        call('POST', '/message/sendmms', { query: { ...query, mediaUrl: 'menu.jpg' } }),
        400,
        appError(400, 'mediaUrl must be a public http(s) URL'),
      );
    });
  });

  describe('contacts', () => {
    it('creates a contact, then updates it on a second upsert with the same mobile number', async () => {
      const created = await expectAnswer(call('POST', '/contact', { body: { mobileNumber: '+19495550177', firstName: 'Ana' } }), 200);
      const updated = await expectAnswer(call('POST', '/contact', { body: { mobileNumber: '+19495550177', lastName: 'Lopez' } }), 200);

      expect(updated).toMatchObject({ id: created.id, firstName: 'Ana', lastName: 'Lopez', mobileNumber: '+19495550177' });
    });

    it('finds a contact by mobile number, and answers 404 when there is none', async () => {
      await expectAnswer(
        call('GET', `/contact/mobile/${encodeURIComponent('+19495550111')}`),
        200,
        expect.objectContaining({ firstName: 'Jamie' }),
      );
      await expectAnswer(
        call('GET', `/contact/mobile/${encodeURIComponent('+19495550000')}`),
        404,
        appError(404, 'No contact with mobile number +19495550000'),
      );
    });

    it('updates a contact by mobile number and by id', async () => {
      const byMobile = await expectAnswer(
        call('PUT', `/contact/mobile/${encodeURIComponent('+19495550111')}`, { body: { company: 'Rivera & Sons' } }),
        200,
      );
      const byId = await expectAnswer(call('PUT', `/contact/${byMobile.id}`, { body: { notes: 'VIP' } }), 200);
      expect(byId).toMatchObject({ company: 'Rivera & Sons', notes: 'VIP' });
      await expectAnswer(call('PUT', '/contact/nope', { body: { notes: 'x' } }), 404, appError(404, 'Contact nope not found'));
    });

    it('gets a contact by id, and answers 404 for an id it does not know', async () => {
      const jamie = await expectAnswer(call('GET', `/contact/mobile/${encodeURIComponent('+19495550111')}`), 200);
      await expectAnswer(call('GET', `/contact/${String(jamie.id)}`), 200, jamie);
      await expectAnswer(call('GET', '/contact/nope'), 404, appError(404, 'Contact nope not found'));
    });

    it('sorts the contact list by creation, oldest first unless sort asks for createdDate,desc', async () => {
      const newest = await expectAnswer(call('POST', '/contact', { body: { mobileNumber: '+19495550188', firstName: 'Newest' } }), 200);
      const descending = await expectAnswer(call('GET', '/contact/all', { query: { size: '100', sort: 'createdDate,desc' } }), 200);
      const ascending = await expectAnswer(call('GET', '/contact/all', { query: { size: '100' } }), 200);
      const ids = (page: Record<string, unknown>) => (page.content as { id: string }[]).map((contact) => contact.id);
      expect(ids(descending)[0]).toBe(newest.id);
      expect(ids(ascending)).toEqual([...ids(descending)].reverse());
      await expectAnswer(
        call('GET', '/contact/all', { query: { sort: 'name' } }),
        400,
        appError(400, 'sort "name" is not createdDate,asc or createdDate,desc'),
      );
    });

    it('pages the contact list with page and size', async () => {
      const page = await expectAnswer(call('GET', '/contact/all', { query: { page: '0', size: '1' } }), 200);
      expect(page).toMatchObject({ number: 0, size: 1, first: true, last: false });
      expect(page.content).toHaveLength(1);
      await expectAnswer(
        call('GET', '/contact/all', { query: { size: '0' } }),
        400,
        appError(400, 'size must be a whole number from 1 to 100'),
      );
    });

    it('rejects bad fields, a non-JSON body and a missing body', async () => {
      await expectAnswer(
        call('POST', '/contact', { body: { mobileNumber: '555-0111' } }),
        400,
        appError(400, 'mobileNumber: must be an E.164 number like +19495551234 (no spaces or punctuation)'),
      );
      await expectAnswer(
        call('POST', '/contact', { body: { mobileNumber: '+19495550133', email: 'not-an-email' } }),
        400,
        appError(400, 'email: must be an e-mail address'),
      );
      await expectAnswer(
        call('POST', '/contact', { body: 'mobileNumber=%2B19495550133', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
      );
      await expectAnswer(call('POST', '/contact'), 400, appError(400, 'Required request body is missing'));
    });
  });

  describe('custom consents', () => {
    it('creates, updates, reads, lists and deactivates a consent', async () => {
      const created = await expectAnswer(
        call('POST', '/customconsent', { body: { name: 'Promotions', description: 'Monthly offers' } }),
        200,
      );
      expect(created).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Promotions', active: true });

      await expectAnswer(
        call('PUT', `/customconsent/${created.id}`, { body: { description: 'Weekly offers' } }),
        200,
        expect.objectContaining({ description: 'Weekly offers' }),
      );
      await expectAnswer(call('GET', `/customconsent/${created.id}`), 200, expect.objectContaining({ name: 'Promotions' }));
      const all = await expectAnswer(call('GET', '/customconsent/all'), 200);
      expect(all.content).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.id })]));
      await expectAnswer(
        call('POST', `/customconsent/${created.id}/change`, { body: { active: false } }),
        200,
        expect.objectContaining({ active: false }),
      );
      await expectAnswer(call('POST', `/customconsent/${created.id}/change`, { body: { active: 'no' } }), 400);
    });

    it('adds a consent to a contact and removes it, and refuses an inactive one', async () => {
      const consent = await expectAnswer(call('POST', '/customconsent', { body: { name: 'Surveys' } }), 200);
      const change = (action: string) =>
        call('POST', '/customconsent/contact', { body: { mobileNumber: '+19495550111', customConsentId: consent.id, action } });

      const added = await expectAnswer(change('ADD'), 200);
      expect(added.customConsents).toEqual(expect.arrayContaining([{ id: consent.id, name: 'Surveys' }]));
      const removed = await expectAnswer(change('REMOVE'), 200);
      expect(removed.customConsents).not.toEqual(expect.arrayContaining([{ id: consent.id, name: 'Surveys' }]));

      await call('POST', `/customconsent/${consent.id}/change`, { body: { active: false } });
      await expectAnswer(change('ADD'), 400, appError(400, 'Custom consent "Surveys" is inactive'));
      await expectAnswer(change('maybe'), 400);
    });
  });

  describe('ids it does not know', () => {
    it.each([
      {
        name: 'a message id',
        path: '/message/getmessagebyid/000000000000000000000000',
        reason: 'Message 000000000000000000000000 not found',
      },
      {
        name: 'a consent id',
        path: '/customconsent/ffffffffffffffffffffffff',
        reason: 'Custom consent ffffffffffffffffffffffff not found',
      },
    ])('answers 404 for $name', async ({ path, reason }) => {
      await expectAnswer(call('GET', path), 404, appError(404, reason));
    });
  });

  describe('webhook subscriptions', () => {
    let receiver: Receiver;
    beforeEach(async () => {
      receiver = await startReceiver();
    });
    afterEach(async () => {
      await receiver.close();
      sandbox().state.stratustexting.subscriptions.clear();
    });

    const filter = (department: string, tail: string) => `/orgId/${ORG_ID}/department/${department}/${tail}`;
    const subscribe = (eventFilters: string[], expiresDateInMillies = Date.now() + 90 * DAY_MS) =>
      expectAnswer(call('POST', '/webhooksubscription', { body: { uri: receiver.url, eventFilters, expiresDateInMillies } }), 200);
    const inbound = (body: Record<string, string>) =>
      fetch(`${sandbox().url}/stratustexting/_sandbox/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('creates a subscription, lists it as {content:[...]}, and deletes it; a second delete is 404', async () => {
      const wanted = filter(MAIN_OFFICE.id, 'message?direction=inbound');
      const subscription = await subscribe([wanted]);
      expect(subscription).toEqual({
        id: expect.any(String),
        uri: receiver.url,
        eventFilters: [wanted],
        disabledFilters: [],
        expirationTime: expect.any(String),
        expiresIn: expect.any(Number),
        status: 'ACTIVE',
        createdDateTime: expect.any(String),
        lastUpdateDateTime: expect.any(String),
        orgId: ORG_ID,
      });

      expect([...sandbox().state.stratustexting.subscriptions.keys()]).toEqual([subscription.id]);
      const deleted = await call('DELETE', `/webhooksubscription/${subscription.id}`);
      expect(deleted.status).toBe(204);
      expect(sandbox().state.stratustexting.subscriptions.size).toBe(0);
      await expectAnswer(call('DELETE', `/webhooksubscription/${subscription.id}`), 404);
    });

    it('checks the callback before subscribing: a GET with a fresh validation-token, echoed back', async () => {
      await subscribe([filter(MAIN_OFFICE.id, 'message?direction=inbound')]);
      await subscribe([filter(MAIN_OFFICE.id, 'message?direction=outbound')]);
      expect(receiver.handshakes).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      expect(receiver.handshakes[0]).not.toBe(receiver.handshakes[1]);
      expect(receiver.received).toEqual([]);
    });

    it('refuses to subscribe a callback that does not echo the validation-token (as a Zapier hook URL), saving nothing', async () => {
      const plain = await startReceiver({ echoesToken: false });
      try {
        const eventFilters = [filter(MAIN_OFFICE.id, 'message?direction=inbound')];
        const body = { uri: plain.url, eventFilters, expiresDateInMillies: Date.now() + DAY_MS };
        await expectAnswer(call('POST', '/webhooksubscription', { body }), 400, {
          timestamp: expect.any(String),
          status: 400,
          error: 'Bad Request',
          message: `Webhook validation failed for ${plain.url}: the callback did not echo the validation-token header`,
          path: '/stratustexting/api/webhooksubscription',
        });
        expect(plain.handshakes).toHaveLength(1);
        expect(sandbox().state.stratustexting.subscriptions.size).toBe(0);
      } finally {
        await plain.close();
      }
    });

    it('refuses a callback that cannot be reached, and one that answers the check with an error', async () => {
      const eventFilters = [filter(MAIN_OFFICE.id, 'message?direction=inbound')];
      const subscribeTo = (uri: string) =>
        expectAnswer(call('POST', '/webhooksubscription', { body: { uri, eventFilters, expiresDateInMillies: Date.now() + DAY_MS } }), 400);
      const closed = await startReceiver();
      await closed.close();
      expect(await subscribeTo(closed.url)).toMatchObject({
        message: expect.stringMatching(
          /^Webhook validation failed for http:\/\/127\.0\.0\.1:\d+\/hooks\/catch: the callback could not be reached/,
        ),
      });
      expect(await subscribeTo(`${sandbox().url}/no-such-callback`)).toMatchObject({
        message: `Webhook validation failed for ${sandbox().url}/no-such-callback: the callback answered the validation request with HTTP 404`,
      });
    });

    it('subscribes without the check when the setting turns it off', async () => {
      const plain = await startReceiver({ echoesToken: false });
      sandbox().state.stratustexting.webhookHandshake = false;
      try {
        const body = { uri: plain.url, eventFilters: [filter(MAIN_OFFICE.id, 'contact')], expiresDateInMillies: Date.now() + DAY_MS };
        await expectAnswer(call('POST', '/webhooksubscription', { body }), 200);
        expect(plain.handshakes).toEqual([]);
      } finally {
        sandbox().state.stratustexting.webhookHandshake = true;
        await plain.close();
      }
    });

    it('puts a filter for a department outside the organization in disabledFilters', async () => {
      const subscription = await subscribe([filter('ffffffffffffffffffffffff', 'message?direction=inbound')]);
      expect(subscription.eventFilters).toEqual([]);
      expect(subscription.disabledFilters).toEqual([expect.objectContaining({ reason: 'Department not found in this organization' })]);
    });

    it('rejects a subscription without a uri, without filters, or already expired', async () => {
      await expectAnswer(
        call('POST', '/webhooksubscription', { body: { eventFilters: ['x'], expiresDateInMillies: Date.now() + DAY_MS } }),
        400,
      );
      await expectAnswer(
        call('POST', '/webhooksubscription', { body: { uri: receiver.url, eventFilters: [], expiresDateInMillies: Date.now() + DAY_MS } }),
        400,
      );
      await expectAnswer(
        call('POST', '/webhooksubscription', { body: { uri: receiver.url, eventFilters: ['x'], expiresDateInMillies: Date.now() - 1 } }),
        400,
      );
    });

    it('POSTs a message event to the subscribed uri when a customer texts the department', async () => {
      await subscribe([filter(MAIN_OFFICE.id, 'message?direction=inbound')]);

      const response = await inbound({ from: '+19495550111', to: MAIN_OFFICE.number, text: 'Is my order ready?' });
      expect(response.status).toBe(201);
      const { message } = (await bodyOf(response)) as { message: { id: string; lastUpdated: number } };

      expect(receiver.received.map((event) => event.body)).toEqual([
        {
          uuid: expect.any(String),
          timestamp: expect.any(String),
          messageInfo: { messageId: message.id, lastUpdated: message.lastUpdated },
        },
      ]);
      await expectAnswer(
        call('GET', `/message/getmessagebyid/${message.id}`),
        200,
        expect.objectContaining({ direction: 'inbound', text: 'Is my order ready?', from: '+19495550111' }),
      );
    });

    it('delivers only events matching the direction and the department of the filter', async () => {
      await subscribe([filter(MAIN_OFFICE.id, 'message?direction=outbound')]);

      await inbound({ from: '+19495550111', to: MAIN_OFFICE.number, text: 'inbound: not wanted' });
      await call('POST', '/message/sendsms', {
        query: { from: DOWNTOWN.number, to: '+19495550111', text: 'other department: not wanted' },
      });
      await call('POST', '/message/sendsms', { query: { from: MAIN_OFFICE.number, to: '+19495550111', text: 'wanted' } });
      await sandbox().idle();

      expect(receiver.received).toHaveLength(1);
      const messageId = (receiver.received[0].body as { messageInfo: { messageId: string } }).messageInfo.messageId;
      expect(sandbox().state.stratustexting.messages.get(messageId)?.text).toBe('wanted');
    });

    it('POSTs a contact event naming the contact and what happened to it: created, updated, deleted', async () => {
      await subscribe([filter(DOWNTOWN.id, 'contact')]);
      const event = (eventType: string, contactId: unknown, lastUpdated: unknown) => ({
        uuid: expect.any(String),
        timestamp: expect.any(String),
        eventType,
        contactInfo: { contactId, mobileNumber: '+19495550166', lastUpdated },
      });

      const created = await expectAnswer(call('POST', '/contact', { body: { mobileNumber: '+19495550166', firstName: 'Lee' } }), 200);
      const upserted = await expectAnswer(call('POST', '/contact', { body: { mobileNumber: '+19495550166', lastName: 'Park' } }), 200);
      const byId = await expectAnswer(call('PUT', `/contact/${String(created.id)}`, { body: { notes: 'VIP' } }), 200);
      const deleted = await fetch(`${sandbox().url}/stratustexting/_sandbox/contact/${String(created.id)}`, { method: 'DELETE' });
      await sandbox().idle();

      expect(deleted.status).toBe(200);
      expect(receiver.received.map((received) => received.body)).toEqual([
        event('CONTACT_CREATED', created.id, created.lastUpdated),
        event('CONTACT_UPDATED', created.id, upserted.lastUpdated),
        event('CONTACT_UPDATED', created.id, byId.lastUpdated),
        {
          ...event('CONTACT_DELETED', created.id, byId.lastUpdated),
          // A deletion carries the contact as it last was: it can no longer be fetched.
          contactInfo: {
            contactId: created.id,
            mobileNumber: '+19495550166',
            lastUpdated: byId.lastUpdated,
            firstName: 'Lee',
            lastName: 'Park',
            email: null,
            company: null,
            notes: 'VIP',
          },
        },
      ]);
      await expectAnswer(call('GET', `/contact/${String(created.id)}`), 404, appError(404, `Contact ${String(created.id)} not found`));
    });

    it('sends nothing for an expired subscription', async () => {
      const subscription = await subscribe([filter(MAIN_OFFICE.id, 'message?direction=inbound')]);
      const stored = sandbox().state.stratustexting.subscriptions.get(String(subscription.id));
      if (stored) stored.expiresAt = Date.now() - 1;

      await inbound({ from: '+19495550111', to: MAIN_OFFICE.number, text: 'too late' });
      expect(receiver.received).toEqual([]);
    });

    it('refuses an inbound text to a number that is not a site', async () => {
      const response = await inbound({ from: '+19495550111', to: '+19495550999', text: 'hello?' });
      expect([response.status, await bodyOf(response)]).toEqual([400, { message: 'to: is not a number of one of the sandbox sites' }]);
    });
  });
});
