import { SANDBOX_CREDENTIALS } from '../../tools/sandbox';
import { bodyOf, useSandbox } from './support';

const { apiKey } = SANDBOX_CREDENTIALS.commpeak;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the CommPeak sandbox', () => {
  const sandbox = useSandbox();

  function post(path: string, body: unknown, headers: Record<string, string> = { authorization: apiKey }) {
    return fetch(`${sandbox().urls.commpeak}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
  }

  async function answer(response: Promise<Response>) {
    const settled = await response;
    return { status: settled.status, body: await bodyOf(settled) };
  }

  const message = (internal_id: string, recipient_phone: string) => ({
    internal_id,
    sender: 'GLOBAL',
    recipient_phone,
    message_content: `test message ${internal_id}`,
  });

  it('sends the documented example and answers each message by internal_id with a uuid', async () => {
    const result = await answer(
      post('/simple_send/', {
        messages: [message('1003', '972524265292'), { ...message('1004', '972545330008'), sender: '972524265292' }],
      }),
    );

    expect(result).toEqual({
      status: 200,
      body: {
        status: true,
        task_id: expect.stringMatching(UUID),
        messages: [
          { internal_id: '1003', message_uuid: expect.stringMatching(UUID), error: null },
          { internal_id: '1004', message_uuid: expect.stringMatching(UUID), error: null },
        ],
      },
    });
  });

  it('answers 403 {"detail":"Not authenticated"} for a missing or wrong key, and for a Bearer-prefixed one', async () => {
    const body = { messages: [message('a1', '972524265292')] };
    const refused: Record<string, string>[] = [{}, { authorization: 'wrong' }, { authorization: `Bearer ${apiKey}` }];
    for (const headers of refused) {
      expect(await answer(post('/simple_send/', body, headers))).toEqual({ status: 403, body: { detail: 'Not authenticated' } });
    }
  });

  it('redirects with 307 when the trailing slash is missing, keeping the method', async () => {
    const response = await post('/simple_send', { messages: [] });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${sandbox().urls.commpeak}/simple_send/`);
  });

  it('refuses a recipient ending in 0000 with a per-message RATE_LIMIT inside a 200', async () => {
    const result = await answer(post('/simple_send/', { messages: [message('r1', '972524260000'), message('r2', '972524265292')] }));

    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      status: true,
      task_id: expect.any(String),
      messages: [
        { internal_id: 'r1', message_uuid: null, error: 'RATE_LIMIT' },
        { internal_id: 'r2', message_uuid: expect.stringMatching(UUID), error: null },
      ],
    });
  });

  it('leaves a recipient ending in 9999 out of the answer, as the documented example does', async () => {
    const result = await answer(post('/simple_send/', { messages: [message('m1', '972524269999'), message('m2', '972524265292')] }));
    expect((result.body as { messages: { internal_id: string }[] }).messages.map((item) => item.internal_id)).toEqual(['m2']);
  });

  it('answers a repeated internal_id with the uuid it already sent, without sending again', async () => {
    const first = await answer(post('/simple_send/', { messages: [message('idem-1', '972524265292')] }));
    const again = await answer(post('/simple_send/', { messages: [message('idem-1', '972524265292')] }));
    const uuidOf = (result: { body: unknown }) => (result.body as { messages: { message_uuid: string }[] }).messages[0].message_uuid;

    expect(uuidOf(again)).toBe(uuidOf(first));
    expect([...sandbox().state.commpeak.messages.values()].filter((sent) => sent.internal_id === 'idem-1')).toHaveLength(1);
  });

  it('answers FastAPI 422s for malformed bodies', async () => {
    expect(await answer(post('/simple_send/', {}))).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body', 'messages'], msg: 'Field required', input: {} }] },
    });
    expect(await answer(post('/simple_send/', { messages: [{ internal_id: 1003, sender: 'GLOBAL', message_content: 'x' }] }))).toEqual({
      status: 422,
      body: {
        detail: [
          { type: 'string_type', loc: ['body', 'messages', 0, 'internal_id'], msg: 'Input should be a valid string', input: 1003 },
          {
            type: 'missing',
            loc: ['body', 'messages', 0, 'recipient_phone'],
            msg: 'Field required',
            input: { internal_id: 1003, sender: 'GLOBAL', message_content: 'x' },
          },
        ],
      },
    });
    expect(await answer(post('/simple_send/', '{"messages": ['))).toEqual({
      status: 422,
      body: { detail: [expect.objectContaining({ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error' })] },
    });
    expect(await answer(post('/messages_status/', { message_uuids: 'not-a-list' }))).toEqual({
      status: 422,
      body: { detail: [{ type: 'list_type', loc: ['body', 'message_uuids'], msg: 'Input should be a valid list', input: 'not-a-list' }] },
    });
  });

  it('reports the status of sent uuids and leaves unknown ones out', async () => {
    const sent = await answer(post('/simple_send/', { messages: [message('s1', '447700901111'), message('s2', '447700902222')] }));
    const [undelivered, delivered] = (sent.body as { messages: { message_uuid: string }[] }).messages.map((item) => item.message_uuid);
    const unknown = '00000000-0000-0000-0000-000000000000';

    const result = await answer(post('/messages_status/', { message_uuids: [undelivered, delivered, unknown] }));

    expect(result).toEqual({
      status: 200,
      body: {
        status: true,
        messages: [
          expect.objectContaining({ message_uuid: undelivered, internal_id: 's1', status: 'UNDELIVERED' }),
          expect.objectContaining({ message_uuid: delivered, internal_id: 's2', status: 'DELIVERED' }),
        ],
      },
    });
  });

  it('answers 405 for the wrong method and 404 for an unknown path', async () => {
    const get = await fetch(`${sandbox().urls.commpeak}/simple_send/`, { headers: { authorization: apiKey } });
    expect({ status: get.status, body: await bodyOf(get) }).toEqual({ status: 405, body: { detail: 'Method Not Allowed' } });
    expect(await answer(post('/nothing/', {}))).toEqual({ status: 404, body: { detail: 'Not Found' } });
  });
});
