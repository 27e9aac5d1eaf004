import { appError, authData, commpeak, expectedInternalId, rejection, run, ukNumbers } from './support';

const sendBulk = (inputData: Record<string, unknown>) => run.create('send_bulk_sms', { authData, inputData });

const KEY = 'order-1042';
const TEXT = 'Your order is ready';

describe('When CommPeak accepts none of a bulk send, the error', () => {
  it('lists the first five refused numbers with their codes and counts the rest', async () => {
    const numbers = ukNumbers(7);
    const messages = numbers.map((number) => ({
      internal_id: expectedInternalId(`key:${KEY}`, 'GLOBAL', number.digits, TEXT),
      sender: 'GLOBAL',
      recipient_phone: number.digits,
      message_content: TEXT,
    }));
    commpeak()
      .post('/simple_send/', { messages })
      .reply(200, {
        status: true,
        task_id: 'task-1',
        messages: messages.map((message) => ({ internal_id: message.internal_id, message_uuid: null, error: 'INVALID_NUMBER' })),
      });
    const error = appError(
      await rejection(sendBulk({ from: 'GLOBAL', to: numbers.map((number) => number.typed), text: TEXT, idempotency_key: KEY })),
    );
    expect(error).toMatchObject({ code: 'messages_rejected', status: 400 });
    expect(error.message).toContain(
      'CommPeak accepted none of the 7 messages (447700900000: INVALID_NUMBER, 447700900001: INVALID_NUMBER, ' +
        '447700900002: INVALID_NUMBER, 447700900003: INVALID_NUMBER, 447700900004: INVALID_NUMBER and 2 more).',
    );
  });
});
