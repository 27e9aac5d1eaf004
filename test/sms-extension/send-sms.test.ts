import { NOTHING_TO_REPORT } from '../support/send-output';
import { appError, authData, inputProblem, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const send = (inputData: Record<string, unknown>) => run.create('send_sms', { authData, inputData });

const input = { from: 'ACMESHOP', to: '07400 900123', text: 'Your order #1042 is ready.' };
const wireBody = { source: 'ACMESHOP', destination: '447400900123', text: 'Your order #1042 is ready.' };
const messageShape = {
  status: 'accepted',
  text: 'Your order #1042 is ready.',
  encoding: 'GSM-7',
  segments: 1,
  ...NOTHING_TO_REPORT,
};

describe('Send SMS (send_sms)', () => {
  it('sends from the sender id to the UK number as international digits, keeping the raw answer', async () => {
    smsExtension()
      .post('/api/sms/send', wireBody)
      .matchHeader('content-type', /^application\/json/)
      .reply(200, { message: 'SMS sent successfully.', sms_id: 48213, credits: 1 });
    expect(await send(input)).toEqual({
      message: 'SMS sent successfully.',
      sms_id: 48213,
      credits: 1,
      id: '48213',
      sender_id: 'ACMESHOP',
      to: '+447400900123',
      ...messageShape,
    });
  });

  it.each([
    { name: 'a US number', typed: '+1 949 555 0111', destination: '19495550111', to: '+19495550111' },
    { name: 'an Australian mobile number', typed: '+61 412 345 678', destination: '61412345678', to: '+61412345678' },
    { name: 'an Australian number written with 00', typed: '0061 412 345 678', destination: '61412345678', to: '+61412345678' },
    {
      name: 'a UK number typed nationally (the UK is the default country)',
      typed: '020 7946 0123',
      destination: '442079460123',
      to: '+442079460123',
    },
  ])('sends to $name as international digits', async ({ typed, destination, to }) => {
    smsExtension()
      .post('/api/sms/send', { ...wireBody, destination })
      .reply(200, { message: 'SMS sent successfully.', sms_id: 48216 });
    expect(await send({ ...input, to: typed })).toEqual({
      message: 'SMS sent successfully.',
      sms_id: 48216,
      id: '48216',
      sender_id: 'ACMESHOP',
      to,
      ...messageShape,
    });
  });

  it('reads a number without a country code in the Default Country when the step names one', async () => {
    smsExtension()
      .post('/api/sms/send', { ...wireBody, destination: '61412345678' })
      .reply(200, { message: 'SMS sent successfully.', sms_id: 48217 });
    expect(await send({ ...input, to: '0412 345 678', default_country: 'AU' })).toMatchObject({ id: '48217', to: '+61412345678' });
  });

  it('refuses 919 characters before any request, and sends 918 (the most the service takes)', async () => {
    const error = await rejection(send({ ...input, text: 'a'.repeat(919) }));
    expect(appError(error)).toEqual(inputProblem('Message: The message is longer than 918 characters (919).'));
    smsExtension()
      .post('/api/sms/send', { ...wireBody, text: 'a'.repeat(918) })
      .reply(200, { message: 'SMS sent successfully.', sms_id: 48215 });
    expect(await send({ ...input, text: 'a'.repeat(918) })).toMatchObject({ id: '48215', segments: 6 });
  });

  // Counted as Laravel's max rule counts (code points): 😀 is one character, though two UTF-16 units.
  it('counts an emoji as one character: 917 letters and 😀 go, 918 letters and 😀 do not', async () => {
    const atLimit = `${'a'.repeat(917)}😀`;
    smsExtension()
      .post('/api/sms/send', { ...wireBody, text: atLimit })
      .reply(200, { message: 'SMS sent successfully.', sms_id: 48216 });
    expect(await send({ ...input, text: atLimit })).toMatchObject({ id: '48216', text: atLimit, encoding: 'UCS-2' });
    const error = await rejection(send({ ...input, text: `${'a'.repeat(918)}😀` }));
    expect(appError(error)).toEqual(inputProblem('Message: The message is longer than 918 characters (919).'));
  });

  it('sends a text with curly braces exactly as typed', async () => {
    const text = 'Hi {{first_name}}, use code {{CODE}} at checkout.';
    smsExtension()
      .post('/api/sms/send', { ...wireBody, text })
      .reply(200, { message: 'SMS sent successfully.', sms_id: 48214 });
    expect(await send({ ...input, text })).toMatchObject({ id: '48214', text });
  });

  it('lifts the record out of a data wrapper', async () => {
    smsExtension()
      .post('/api/sms/send', wireBody)
      .reply(201, { message: 'Queued', data: { id: 'msg-9', status: 'queued' } });
    expect(await send({ ...input, to: '+44 7400 900123' })).toEqual({
      message: 'Queued',
      id: 'msg-9',
      provider_status: 'queued',
      sender_id: 'ACMESHOP',
      to: '+447400900123',
      ...messageShape,
    });
  });

  it('answers without an id when SMS Extension gives none', async () => {
    smsExtension().post('/api/sms/send', wireBody).reply(200, 'OK');
    expect(await send(input)).toEqual({ response: 'OK', id: null, sender_id: 'ACMESHOP', to: '+447400900123', ...messageShape });
  });

  it('explains that a sender id the provider refuses as source is not approved yet', async () => {
    smsExtension()
      .post('/api/sms/send', { ...wireBody, source: 'ACMENEW' })
      .reply(422, { message: 'The selected source is invalid.', errors: { source: ['The selected source is invalid.'] } });
    expect(appError(await rejection(send({ ...input, from: 'ACMENEW' })))).toEqual(
      inputProblem(
        'Sender ID: sender id "ACMENEW" is not approved yet, or is not one of this account\'s sender ids. SMS Extension refused the values given for "send an SMS" ("The selected source is invalid. — source: The selected source is invalid"). Check the values in this step against that reason, then replay it. Choose an approved sender id, or wait until SMS Extension approves this one. (HTTP 422)',
      ),
    );
  });

  it('reports other 422s as they are', async () => {
    smsExtension()
      .post('/api/sms/send', wireBody)
      .reply(422, { message: 'The destination must be a number.', errors: { destination: ['The destination must be a number.'] } });
    expect(appError(await rejection(send(input)))).toEqual({
      message:
        'SMS Extension refused the values given for "send an SMS" ("The destination must be a number. — destination: The destination must be a number"). Check the values in this step against that reason, then replay it. (HTTP 422)',
      code: 'provider_rejected',
      status: 422,
    });
  });

  describe('input', () => {
    it.each([
      {
        name: 'refuses a sender id with anything but letters and digits, before calling SMS Extension',
        change: { from: 'ACME SHOP' },
        message: 'Sender ID: "ACME SHOP" may contain only letters A-Z and digits 0-9 (no spaces or symbols).',
      },
      {
        name: 'reads a number without a country code as a UK one, and refuses it when it is not',
        change: { to: '0412 345 678' },
        message: 'To: "0412 345 678" is not a number in use: no carrier is assigned its range. Check the number.',
      },
      {
        name: 'refuses a UK number outside the ranges carriers assign, before calling SMS Extension',
        change: { to: '07700 900123' },
        message: 'To: "07700 900123" is not a number in use: no carrier is assigned its range. Check the number.',
      },
      { name: 'refuses what is not a phone number', change: { to: 'call me' }, message: 'To: "call me" is not a phone number.' },
      { name: 'takes one recipient per step', change: { to: '07400 900123, 07400 900456' }, message: 'To: Give one phone number only.' },
    ])('$name', async ({ change, message }) => {
      expect(appError(await rejection(send({ ...input, ...change })))).toEqual(inputProblem(message));
    });
  });

  describe('errors', () => {
    itReportsProviderErrors(
      'send an SMS',
      () => smsExtension().post('/api/sms/send', wireBody),
      () => send(input),
      { sendCheck: "Look for it in SMS Extension's SMS history (the Find SMS search, with this sender and recipient)." },
    );
  });
});
