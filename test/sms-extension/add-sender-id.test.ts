import { appError, authData, inputProblem, integration, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const add = (inputData: Record<string, unknown>) => run.create('add_sender_id', { authData, inputData });

const approvalNote = (senderId: string) =>
  `SMS Extension must approve "${senderId}" before it can send SMS; it then appears in Send SMS's Sender ID list.`;

describe('Add Sender ID (add_sender_id)', () => {
  it('asks for the sender id and says that it needs approval', async () => {
    smsExtension()
      .post('/api/sender-id/add', { sender_id: 'ACMESHOP' })
      .reply(201, { message: 'Sender ID submitted for approval.', data: { id: 12, sender_id: 'ACMESHOP', status: 'pending' } });
    expect(await add({ sender_id: ' ACMESHOP ' })).toEqual({
      message: 'Sender ID submitted for approval.',
      id: 12,
      sender_id: 'ACMESHOP',
      provider_status: 'pending',
      status: 'pending_approval',
      reference: '12',
      approval_note: approvalNote('ACMESHOP'),
    });
  });

  it('accepts exactly 11 letters and digits', async () => {
    smsExtension().post('/api/sender-id/add', { sender_id: 'Acme2026Ltd' }).reply(200, {});
    expect(await add({ sender_id: 'Acme2026Ltd' })).toEqual({
      status: 'pending_approval',
      reference: null,
      sender_id: 'Acme2026Ltd',
      approval_note: approvalNote('Acme2026Ltd'),
    });
  });

  it('reports success, with the page kept, when SMS Extension accepts the request (2xx) but answers with a page instead of data', async () => {
    smsExtension()
      .post('/api/sender-id/add', { sender_id: 'ACMESHOP' })
      .reply(200, '<!DOCTYPE html><html><head><title>Sender IDs</title></head></html>', { 'Content-Type': 'text/html' });
    expect(await add({ sender_id: 'ACMESHOP' })).toEqual({
      response_understood: false,
      response_note:
        'SMS Extension accepted "add a sender id" but sent a web page instead of data. ' +
        "The write is done: do not run this step again for it. SMS Extension's whole answer is in the Response fields. (HTTP 200)",
      response: '<!DOCTYPE html><html><head><title>Sender IDs</title></head></html>',
      status: 'pending_approval',
      reference: null,
      sender_id: 'ACMESHOP',
      approval_note: approvalNote('ACMESHOP'),
    });
  });

  it('asks for the sender id as a required field', () => {
    expect(integration.creates.add_sender_id.operation.inputFields).toEqual([
      expect.objectContaining({ key: 'sender_id', label: 'Sender ID', required: true }),
    ]);
  });

  it('says that approval is needed in its description', () => {
    expect(integration.creates.add_sender_id.display.description).toMatch(/approval/);
  });

  describe('input', () => {
    it.each([
      ['ACME SHOP', 'Sender ID: "ACME SHOP" may contain only letters A-Z and digits 0-9 (no spaces or symbols).'],
      ['ACME-SHOP', 'Sender ID: "ACME-SHOP" may contain only letters A-Z and digits 0-9 (no spaces or symbols).'],
      ['ACMESHOPLTD1', 'Sender ID: "ACMESHOPLTD1" is longer than 11 characters.'],
      ['  ', 'Sender ID: The sender id is required.'],
    ])('refuses %j before calling SMS Extension', async (senderId, message) => {
      expect(appError(await rejection(add({ sender_id: senderId })))).toEqual(inputProblem(message));
    });
  });

  describe('errors', () => {
    it('reports a sender id SMS Extension already has', async () => {
      smsExtension()
        .post('/api/sender-id/add', { sender_id: 'ACMESHOP' })
        .reply(422, { message: 'The sender id has already been taken.', errors: { sender_id: ['The sender id has already been taken.'] } });
      expect(appError(await rejection(add({ sender_id: 'ACMESHOP' })))).toEqual({
        message:
          'SMS Extension refused the values given for "add a sender id" ("The sender id has already been taken. — sender_id: The sender id has already been taken"). Check the values in this step against that reason, then replay it. (HTTP 422)',
        code: 'provider_rejected',
        status: 422,
      });
    });

    itReportsProviderErrors(
      'add a sender id',
      () => smsExtension().post('/api/sender-id/add', { sender_id: 'ACMESHOP' }),
      () => add({ sender_id: 'ACMESHOP' }),
    );
  });
});
