import { SANDBOX_CREDENTIALS } from '../../tools/sandbox';
import { bodyOf, useSandbox } from './support';

const { clientId, clientSecret, username, password } = SANDBOX_CREDENTIALS.smsExtension;

describe('the SMS Extension sandbox', () => {
  const sandbox = useSandbox();

  async function answer(response: Promise<Response>) {
    const settled = await response;
    return { status: settled.status, body: await bodyOf(settled) };
  }

  function token(form: Record<string, string>) {
    return fetch(`${sandbox().urls.smsExtension}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(form),
    });
  }

  async function signIn(): Promise<{ access_token: string; refresh_token: string }> {
    const response = await token({ grant_type: 'password', client_id: clientId, client_secret: clientSecret, username, password });
    return (await bodyOf(response)) as { access_token: string; refresh_token: string };
  }

  function call(
    accessToken: string,
    method: string,
    path: string,
    options: { query?: Record<string, string>; body?: unknown; accept?: string } = {},
  ) {
    const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
    return fetch(`${sandbox().urls.smsExtension}${path}${query}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: options.accept ?? 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      redirect: 'manual',
    });
  }

  describe('tokens', () => {
    it('issues a Passport token pair for the password grant', async () => {
      const result = await answer(token({ grant_type: 'password', client_id: clientId, client_secret: clientSecret, username, password }));
      expect(result).toEqual({
        status: 200,
        body: {
          token_type: 'Bearer',
          expires_in: 31536000,
          access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
          refresh_token: expect.stringMatching(/^def50200/),
        },
      });
    });

    it('refuses a wrong password with 400 invalid_grant and a wrong secret with 401 invalid_client', async () => {
      const wrongPassword = await answer(
        token({ grant_type: 'password', client_id: clientId, client_secret: clientSecret, username, password: 'nope' }),
      );
      expect(wrongPassword).toEqual({
        status: 400,
        body: expect.objectContaining({ error: 'invalid_grant', message: 'The user credentials were incorrect.' }),
      });

      const wrongSecret = await answer(token({ grant_type: 'password', client_id: clientId, client_secret: 'nope', username, password }));
      expect(wrongSecret).toEqual({
        status: 401,
        body: expect.objectContaining({ error: 'invalid_client', message: 'Client authentication failed' }),
      });

      const noGrant = await answer(token({ client_id: clientId, client_secret: clientSecret }));
      expect(noGrant).toEqual({ status: 400, body: expect.objectContaining({ error: 'unsupported_grant_type' }) });
    });

    it('rotates the refresh token: the old refresh token and access token stop working', async () => {
      const first = await signIn();
      const refreshed = await answer(
        token({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: first.refresh_token }),
      );
      const second = refreshed.body as { access_token: string; refresh_token: string };

      expect(refreshed.status).toBe(200);
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expect((await call(second.access_token, 'GET', '/sender-id/list')).status).toBe(200);
      expect(await answer(call(first.access_token, 'GET', '/sender-id/list'))).toEqual({
        status: 401,
        body: { message: 'Unauthenticated.' },
      });

      const reused = await answer(
        token({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: first.refresh_token }),
      );
      expect(reused).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant', hint: 'Token has been revoked' }) });
    });

    it('answers 401 after the sandbox expires the tokens, and a refresh gives a working one', async () => {
      const session = await signIn();
      await fetch(`${sandbox().url}/sms-extension/_sandbox/expire-tokens`, { method: 'POST' });

      expect(await answer(call(session.access_token, 'GET', '/sender-id/list'))).toEqual({
        status: 401,
        body: { message: 'Unauthenticated.' },
      });
      const refreshed = (await bodyOf(
        await token({
          grant_type: 'refresh_token',
          client_id: clientId,
          client_secret: clientSecret,
          refresh_token: session.refresh_token,
        }),
      )) as {
        access_token: string;
      };
      expect((await call(refreshed.access_token, 'GET', '/sender-id/list')).status).toBe(200);
    });
  });

  describe('strictness', () => {
    it('answers 401 {"message":"Unauthenticated."} without a token', async () => {
      expect(await answer(call('', 'GET', '/sms/list'))).toEqual({ status: 401, body: { message: 'Unauthenticated.' } });
    });

    it('redirects to the login page, as Laravel does, when the request does not ask for JSON', async () => {
      const response = await call('', 'GET', '/sms/list', { accept: 'text/html' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/sms-extension/login');
    });

    it('answers 404 and 405 in Laravel words', async () => {
      const { access_token } = await signIn();
      expect(await answer(call(access_token, 'GET', '/sms/nothing'))).toEqual({
        status: 404,
        body: { message: 'The route sms/nothing could not be found.' },
      });
      expect(await answer(call(access_token, 'GET', '/sms/send'))).toEqual({
        status: 405,
        body: { message: 'The GET method is not supported for route sms/send. Supported methods: POST.' },
      });
    });
  });

  describe('sender ids', () => {
    it('adds a sender id as pending; it cannot send until the sandbox approves it', async () => {
      const { access_token } = await signIn();

      const added = await answer(call(access_token, 'POST', '/sender-id/add', { body: { sender_id: 'NEWSHOP' } }));
      expect(added).toEqual({
        status: 201,
        body: { message: expect.any(String), data: expect.objectContaining({ sender_id: 'NEWSHOP', status: 'pending', approved: false }) },
      });

      const sms = { source: 'NEWSHOP', destination: '447400900123', text: 'Hello' };
      expect(await answer(call(access_token, 'POST', '/sms/send', { body: sms }))).toEqual({
        status: 422,
        body: { message: 'The selected source is invalid.', errors: { source: ['The selected source is invalid.'] } },
      });

      const approved = await answer(fetch(`${sandbox().url}/sms-extension/_sandbox/sender-ids/NEWSHOP/approve`, { method: 'POST' }));
      expect(approved).toEqual({
        status: 200,
        body: { data: expect.objectContaining({ sender_id: 'NEWSHOP', status: 'approved', approved: true }) },
      });

      const list = await answer(call(access_token, 'GET', '/sender-id/list'));
      expect((list.body as { data: unknown[] }).data).toEqual(
        expect.arrayContaining([expect.objectContaining({ sender_id: 'NEWSHOP', approved: true })]),
      );
      expect((await call(access_token, 'POST', '/sms/send', { body: sms })).status).toBe(201);
    });

    it.each([
      {
        name: 'with anything but letters and numbers',
        body: { sender_id: 'ACME SHOP!' },
        problem: 'The sender id field must only contain letters and numbers.',
      },
      { name: 'already taken', body: { sender_id: 'ACMESHOP' }, problem: 'The sender id has already been taken.' },
      { name: 'left out', body: {}, problem: 'The sender id field is required.' },
    ])('refuses a new sender id $name, with 422 and the reason', async ({ body, problem }) => {
      const { access_token } = await signIn();
      expect(await answer(call(access_token, 'POST', '/sender-id/add', { body }))).toEqual({
        status: 422,
        body: { message: problem, errors: { sender_id: [problem] } },
      });
    });
  });

  describe('SMS', () => {
    it('sends from an approved sender id and shows the message in the list and its detail', async () => {
      const { access_token } = await signIn();
      const sent = await answer(
        call(access_token, 'POST', '/sms/send', {
          body: { source: 'ACMESHOP', destination: '447400900789', text: 'Your table is ready.' },
        }),
      );
      expect(sent).toEqual({
        status: 201,
        body: {
          message: 'SMS sent successfully.',
          data: {
            id: expect.any(Number),
            sender: 'ACMESHOP',
            receiver: '447400900789',
            text: 'Your table is ready.',
            status: 'sent',
            sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
            created_at: expect.any(String),
          },
        },
      });
      const id = (sent.body as { data: { id: number } }).data.id;

      const list = await answer(call(access_token, 'GET', '/sms/list', { query: { receiver: '447400900789' } }));
      expect(list.body).toMatchObject({ current_page: 1, next_page_url: null, total: 1, data: [{ id, receiver: '447400900789' }] });
      expect(await answer(call(access_token, 'GET', `/sms/detail/${id}`))).toEqual({
        status: 200,
        body: { data: expect.objectContaining({ id, text: 'Your table is ready.' }) },
      });
      expect(await answer(call(access_token, 'GET', '/sms/detail/999999'))).toEqual({
        status: 404,
        body: { message: 'No query results for model [App\\Models\\Sms] 999999' },
      });
    });

    it('lists all errors of a bad send, field by field', async () => {
      const { access_token } = await signIn();
      expect(await answer(call(access_token, 'POST', '/sms/send', { body: { destination: '+44 7400 900123' } }))).toEqual({
        status: 422,
        body: {
          message: 'The source field is required. (and 3 more errors)',
          errors: {
            source: ['The source field is required.'],
            destination: ['The destination field must be a number.', 'The destination field must be between 10 and 15 digits.'],
            text: ['The text field is required.'],
          },
        },
      });
    });

    it('filters the list by sender and by sent_since / sent_until', async () => {
      const { access_token } = await signIn();
      const list = await answer(
        call(access_token, 'GET', '/sms/list', {
          query: { sender: 'ACMESHOP', sent_since: '2025-11-25 00:00:00', sent_until: '2025-11-25 23:59:59' },
        }),
      );
      expect((list.body as { data: { text: string }[] }).data.map((sms) => sms.text)).toEqual(['Your appointment is tomorrow at 10:00.']);
    });

    it('refuses filters in the wrong format', async () => {
      const { access_token } = await signIn();
      expect(
        await answer(call(access_token, 'GET', '/sms/list', { query: { sent_since: '2025-11-25T00:00:00Z', receiver: '+447400900123' } })),
      ).toEqual({
        status: 422,
        body: {
          message: 'The receiver field must only contain letters and numbers. (and 1 more error)',
          errors: {
            receiver: ['The receiver field must only contain letters and numbers.'],
            sent_since: ['The sent since field must match the format Y-m-d H:i:s.'],
          },
        },
      });
      const reversed = await answer(
        call(access_token, 'GET', '/sms/list', { query: { sent_since: '2025-11-26 00:00:00', sent_until: '2025-11-25 00:00:00' } }),
      );
      expect(reversed.body).toEqual({
        message: 'The sent until field must be a date after or equal to sent since.',
        errors: { sent_until: ['The sent until field must be a date after or equal to sent since.'] },
      });
    });
  });

  describe('click to dial', () => {
    it('dials a UK number and refuses one that is not', async () => {
      const { access_token } = await signIn();
      expect(await answer(call(access_token, 'POST', '/click-to-dial/dial', { body: { destination: '447400900123' } }))).toEqual({
        status: 200,
        body: { message: 'Call initiated.', data: expect.objectContaining({ destination: '447400900123', status: 'initiated' }) },
      });
      expect(await answer(call(access_token, 'POST', '/click-to-dial/dial', { body: { destination: '14155550100' } }))).toEqual({
        status: 422,
        body: {
          message: 'The destination field must be a valid UK number.',
          errors: { destination: ['The destination field must be a valid UK number.'] },
        },
      });
    });

    it('masks the call with a UK source number', async () => {
      const { access_token } = await signIn();
      expect(
        await answer(
          call(access_token, 'POST', '/click-to-dial-mask/dial', { body: { source: '442071234567', destination: '07400900123' } }),
        ),
      ).toEqual({
        status: 200,
        body: {
          message: 'Call initiated.',
          data: expect.objectContaining({ type: 'masked_click_to_dial', source: '442071234567', destination: '07400900123' }),
        },
      });
      expect((await answer(call(access_token, 'POST', '/click-to-dial-mask/dial', { body: { destination: '07400900123' } }))).body).toEqual(
        {
          message: 'The source field is required.',
          errors: { source: ['The source field is required.'] },
        },
      );
    });
  });
});
