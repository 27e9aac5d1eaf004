import { appError, authData, inputProblem, itReportsProviderErrors, rejection, run, smsExtension } from './support';

const dial = (inputData: Record<string, unknown>) => run.create('click_to_dial', { authData, inputData });

describe('Click to Dial (click_to_dial)', () => {
  it.each([['07400 900123'], ['+44 7400 900123'], ['0044 7400-900123']])(
    'normalises %j and asks SMS Extension to dial it, returning the raw answer, the status and the call reference',
    async (typed) => {
      smsExtension()
        .post('/api/click-to-dial/dial', { destination: '447400900123' })
        .reply(200, { message: 'Call initiated', call_id: 'c-77' });
      expect(await dial({ destination: typed })).toEqual({
        message: 'Call initiated',
        call_id: 'c-77',
        status: 'call_requested',
        reference: 'c-77',
        destination_number: '+447400900123',
      });
    },
  );

  it('accepts a UK landline number; a reference-less answer gives a null reference', async () => {
    smsExtension().post('/api/click-to-dial/dial', { destination: '442079460123' }).reply(200, {});
    expect(await dial({ destination: '020 7946 0123' })).toEqual({
      status: 'call_requested',
      reference: null,
      destination_number: '+442079460123',
    });
  });

  describe('input', () => {
    it.each([
      ['+1 949 555 0100', 'Number to Call: "+1 949 555 0100" is not a GB phone number.'],
      ['077009', 'Number to Call: "077009" is not a phone number.'],
      ['', 'Number to Call: The number to call is required.'],
    ])('refuses %j before calling SMS Extension', async (typed, message) => {
      expect(appError(await rejection(dial({ destination: typed })))).toEqual(inputProblem(message));
    });
  });

  describe('errors', () => {
    itReportsProviderErrors(
      'click to dial',
      () => smsExtension().post('/api/click-to-dial/dial', { destination: '447400900123' }),
      () => dial({ destination: '07400 900123' }),
    );
  });
});
