import { appError, authData, inputProblem, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const dial = (inputData: Record<string, unknown>) => run.create('masked_click_to_dial', { authData, inputData });

const wireBody = { source: '442079460123', destination: '447400900123' };

describe('Masked Click to Dial (masked_click_to_dial)', () => {
  it('normalises both UK numbers and asks SMS Extension to dial, returning the raw answer (its own status as provider_status), the status and the call reference', async () => {
    smsExtension()
      .post('/api/click-to-dial-mask/dial', wireBody)
      .reply(200, { data: { call_id: 'c-78', status: 'ringing' } });
    expect(await dial({ source: '020 7946 0123', destination: '+44 7400 900123' })).toEqual({
      call_id: 'c-78',
      provider_status: 'ringing',
      status: 'call_requested',
      reference: 'c-78',
      source_number: '+442079460123',
      destination_number: '+447400900123',
    });
  });

  describe('input', () => {
    it.each([
      [{ source: '+33 1 23 45 67 89', destination: '07400 900123' }, 'Number to Show: "+33 1 23 45 67 89" is not a GB phone number.'],
      [{ source: '020 7946 0123', destination: 'tomorrow' }, 'Number to Call: "tomorrow" is not a phone number.'],
      [{ destination: '07400 900123' }, 'Number to Show: The number to show is required.'],
    ])('refuses %j before calling SMS Extension', async (inputData, message) => {
      expect(appError(await rejection(dial(inputData)))).toEqual(inputProblem(message));
    });
  });

  describe('errors', () => {
    itReportsProviderErrors(
      'masked click to dial',
      () => smsExtension().post('/api/click-to-dial-mask/dial', wireBody),
      () => dial({ source: '020 7946 0123', destination: '07400 900123' }),
    );
  });
});
