import nock from 'nock';
import { api, appError, authData, BASE, firstLine, inputProblem, rejection, run } from '../stratustexting/support';

/**
 * The guards of the shared Send SMS, run through StratusTexting's Send SMS (up to 50 recipients):
 * what reaches the provider when a guard lets the message go, and that nothing leaves when it stops it.
 */

const send = (inputData: Record<string, unknown>) => run.create('send_sms', { authData, inputData });
const SENT = { result: 'Message Processed Successfully' };

/** The one send a test expects: its query, answered 200. */
const expectSend = (query: { to: string; text: string }) =>
  api()
    .post(`${BASE}/message/sendsms`, '')
    .query({ from: '+19495550100', ...query })
    .reply(200, SENT);

/** A stopped send: the guard's error, and not one request made (no interceptor, nothing pending, nothing done). */
async function stoppedBeforeAnyRequest(inputData: Record<string, unknown>): Promise<Error> {
  const requests: string[] = [];
  const listener = (request: { path: string }) => requests.push(request.path);
  nock.emitter.on('no match', listener);
  try {
    return await rejection(send(inputData));
  } finally {
    nock.emitter.removeListener('no match', listener);
    expect(requests).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  }
}

/** Pins the clock (Date only: the runtime's timers and nock keep running). */
function clockAt(iso: string) {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

afterEach(() => jest.useRealTimers());

const NEW_YORK = '+1 212 555 0100'; // America/New_York
const LONDON = '+44 20 7946 0000'; // Europe/London (and Guernsey, Isle of Man)
const TOLL_FREE = '+1 800 555 0100'; // every zone of the +1 plan, from Guam to Newfoundland
const AUSTRALIAN_MOBILE = '+61 412 345 678'; // anywhere in Australia: 8 zones, from the Cocos Islands to Lord Howe Island
const SYDNEY_LANDLINE = '+61 2 9374 4000'; // Australia/Sydney
const PERTH_LANDLINE = '+61 8 9300 1234'; // the 08 area: Australia/Adelaide or Australia/Perth
const BRAZILIAN_MOBILE = '+55 11 91234 5678'; // Sao Paulo's area code 11

describe('Send SMS guards (StratusTexting)', () => {
  describe('recipients', () => {
    it('texts a number typed twice, in two forms, once, and lists the dropped repeats', async () => {
      expectSend({ to: '+12125550100,+447400900123', text: 'Hi' });
      await expect(
        send({ from: '9495550100', to: '(212) 555-0100, +44 7400 900123, +1 212-555-0100, 2125550100', text: 'Hi' }),
      ).resolves.toMatchObject({
        to: ['+12125550100', '+447400900123'],
        duplicates_dropped: ['+12125550100', '+12125550100'],
      });
    });

    it('reads international digits without + when they cannot be a number of the Default Country', async () => {
      expectSend({ to: '+972524265292,+447400900123', text: 'Hi' });
      await send({ from: '9495550100', to: '972524265292, 447400900123', text: 'Hi' });
    });

    it('prefers a valid reading in the Default Country over international digits', async () => {
      expectSend({ to: '+14155550100', text: 'Hi' });
      await send({ from: '9495550100', to: '415 555 0100', text: 'Hi' });
    });
  });

  describe('Replace Characters Outside GSM-7 (gsm7_replace)', () => {
    const typed = 'It’s ready — “pickup” at 5…';

    it('sends the GSM-7 text, one segment instead of a UCS-2 one, and says what it replaced', async () => {
      expectSend({ to: '+12125550100', text: 'It\'s ready - "pickup" at 5...' });
      await expect(send({ from: '9495550100', to: NEW_YORK, text: typed, gsm7_replace: 'yes' })).resolves.toMatchObject({
        text: 'It\'s ready - "pickup" at 5...',
        encoding: 'GSM-7',
        segments: 1,
        non_gsm_characters: [],
        replaced_characters: ["’ → '", '— → -', '“ → "', '” → "', '… → ...'],
      });
    });

    it('is off unless asked for: the text goes as typed, in UCS-2, naming the characters that forced it', async () => {
      expectSend({ to: '+12125550100', text: typed });
      await expect(send({ from: '9495550100', to: NEW_YORK, text: typed, gsm7_replace: false })).resolves.toMatchObject({
        text: typed,
        encoding: 'UCS-2',
        non_gsm_characters: ['’', '—', '“', '”', '…'],
        replaced_characters: [],
      });
    });

    it('checks the length limit on the text as replaced (an ellipsis becomes three characters)', async () => {
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: `${'a'.repeat(998)}…`, gsm7_replace: true });
      expect(appError(error)).toEqual(
        inputProblem('Message: The message is longer than 1000 characters once characters outside GSM-7 are replaced (1001).'),
      );
    });
  });

  describe('Max Segments (max_segments)', () => {
    it('refuses a message that costs more segments than the limit, naming both and the characters to blame, before any request', async () => {
      const error = await stoppedBeforeAnyRequest({
        from: '9495550100',
        to: NEW_YORK,
        text: `Café ✓ ${'a'.repeat(70)}`,
        max_segments: '1',
      });
      expect(appError(error)).toEqual(
        inputProblem(
          'Max Segments: the message costs 2 SMS segments (UCS-2), more than the limit of 1, so it was not sent. These characters make it UCS-2 (70 characters per segment): ✓; Replace Characters Outside GSM-7 or removing them makes it cheaper.',
        ),
      );
    });

    it('counts 153 euro signs as 3 segments, so a limit of 2 stops them', async () => {
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: '€'.repeat(153), max_segments: 2 });
      expect(appError(error)).toEqual(
        inputProblem('Max Segments: the message costs 3 SMS segments (GSM-7), more than the limit of 2, so it was not sent.'),
      );
    });

    it('sends a message of exactly the limit', async () => {
      expectSend({ to: '+12125550100', text: 'a'.repeat(306) });
      await expect(send({ from: '9495550100', to: NEW_YORK, text: 'a'.repeat(306), max_segments: 2 })).resolves.toMatchObject({
        segments: 2,
      });
    });

    // Only plain digits: JavaScript's Number() would read 0x10 as 16, 0b11 as 3 and 1e3 as 1000.
    it.each([
      ['0'],
      ['00'],
      ['-1'],
      ['1.5'],
      ['1.0'],
      ['2.'],
      ['two'],
      ['0x10'],
      ['0b11'],
      ['0o7'],
      ['1e3'],
      ['+3'],
      ['1 000'],
      ['Infinity'],
      [0],
      [1.5],
      [-2],
    ])('refuses %p as a limit, before any request', async (limit) => {
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: 'Hi', max_segments: limit });
      expect(appError(error)).toEqual(
        inputProblem(`Max Segments: "${limit}" is not a whole number of at least 1: write it in digits only, e.g. 2.`),
      );
    });

    it.each([['3'], [' 3 '], ['03'], [3]])('reads %p as a limit of 3: 459 characters go (3 segments), 460 do not', async (limit) => {
      expectSend({ to: '+12125550100', text: 'a'.repeat(459) });
      await expect(send({ from: '9495550100', to: NEW_YORK, text: 'a'.repeat(459), max_segments: limit })).resolves.toMatchObject({
        segments: 3,
      });
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: 'a'.repeat(460), max_segments: limit });
      expect(appError(error).message).toBe(
        'Max Segments: the message costs 4 SMS segments (GSM-7), more than the limit of 3, so it was not sent.',
      );
    });

    it('reads a blank limit as none', async () => {
      expectSend({ to: '+12125550100', text: 'a'.repeat(1000) });
      await expect(send({ from: '9495550100', to: NEW_YORK, text: 'a'.repeat(1000), max_segments: '  ' })).resolves.toMatchObject({
        segments: 7,
      });
    });
  });

  describe('Quiet Hours (quiet_hours)', () => {
    it("halts, before any request, a send inside the window in the recipient's local time, saying when it ends", async () => {
      clockAt('2026-01-15T03:15:00Z'); // 22:15 in New York (EST)
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: '21:00-08:00' });
      expect(error.name).toBe('HaltedError');
      // The whole message: the runtime must not append "What happened" (the step's input and the message again).
      expect(error.message).toBe(
        "Not sent: every recipient is inside quiet hours (21:00-08:00, recipient's local time). +12125550100: it is 22:15 in America/New_York; quiet hours end at 08:00 local time. Nothing was sent; run the step again after the window ends.",
      );
    });

    it('wraps past midnight: 02:00 is inside 21:00-08:00, 08:00 (the end) and 20:59 are not', async () => {
      clockAt('2026-01-15T07:00:00Z'); // 02:00 in New York
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: '21:00-08:00' });
      expect(error.name).toBe('HaltedError');

      for (const instant of ['2026-01-15T13:00:00Z', '2026-01-16T01:59:00Z']) {
        clockAt(instant);
        expectSend({ to: '+12125550100', text: 'Hi' });
        await expect(send({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: '21:00-08:00' })).resolves.toMatchObject({
          quiet_hours_held: [],
        });
      }
    });

    it('keeps a window within one day: 12:30 is inside 12:00-13:00, 13:30 is not', async () => {
      clockAt('2026-01-15T17:30:00Z'); // 12:30 in New York
      expect((await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: '12:00-13:00' })).name).toBe(
        'HaltedError',
      );
      clockAt('2026-01-15T18:30:00Z');
      expectSend({ to: '+12125550100', text: 'Hi' });
      await send({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: '12:00-13:00' });
    });

    it('follows daylight saving time: 01:30 UTC is 20:30 in New York in January (sent) and 21:30 in July (halted)', async () => {
      clockAt('2026-01-15T01:30:00Z');
      expectSend({ to: '+12125550100', text: 'Hi' });
      await send({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: '21:00-08:00' });

      clockAt('2026-07-15T01:30:00Z');
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: '21:00-08:00' });
      expect(error.message).toContain('+12125550100: it is 21:30 in America/New_York; quiet hours end at 08:00 local time.');
    });

    it('holds a number of several zones when any of them is inside the window', async () => {
      clockAt('2026-01-15T17:00:00Z'); // 12:00 in New York, 07:00 in Honolulu and on the Aleutians
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: TOLL_FREE, text: 'Hi', quiet_hours: '21:00-08:00' });
      expect(error.message).toContain(
        '+18005550100: it is 07:00 in America/Adak (one of the 42 time zones of calling code +1, since the number does not say where it is); quiet hours end at 08:00 local time.',
      );
    });

    // The mapping's prefix for Australian mobiles names Sydney alone; a mobile may be anywhere in the country.
    describe('a mobile number that does not say where in its country it is', () => {
      it.each([
        {
          window: '21:00-07:00',
          held: '+61412345678: it is 06:30 in Australia/Perth (one of the 8 time zones of calling code +61, since the number does not say where it is); quiet hours end at 07:00 local time',
        },
        {
          window: '21:00-08:00',
          held: '+61412345678: it is 07:15 in Australia/Eucla (one of the 8 time zones of calling code +61, since the number does not say where it is); quiet hours end at 08:00 local time',
        },
      ])('holds an Australian mobile at 06:30 in Perth (09:30 in Sydney), quiet hours $window', async ({ window, held }) => {
        clockAt('2026-01-14T22:30:00Z'); // 06:30 in Perth, 07:15 in Eucla, 09:30 in Sydney (AEDT)
        const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: AUSTRALIAN_MOBILE, text: 'Hi', quiet_hours: window });
        expect(error.name).toBe('HaltedError');
        expect(firstLine(error)).toBe(
          `Not sent: every recipient is inside quiet hours (${window}, recipient's local time). ${held}. Nothing was sent; run the step again after the window ends.`,
        );
      });

      it('texts it when every Australian zone is outside the window, and still places a landline by its prefix', async () => {
        clockAt('2026-01-15T03:00:00Z'); // 14:00 in Sydney, 11:00 in Perth, 09:30 on the Cocos Islands
        expectSend({ to: '+61412345678', text: 'Hi' });
        await expect(send({ from: '9495550100', to: AUSTRALIAN_MOBILE, text: 'Hi', quiet_hours: '21:00-08:00' })).resolves.toMatchObject({
          to: ['+61412345678'],
          quiet_hours_held: [],
        });

        clockAt('2026-01-14T22:30:00Z'); // 06:30 in Perth, 09:30 in Sydney
        expectSend({ to: '+61293744000', text: 'Hi' });
        await expect(
          send({ from: '9495550100', to: `${SYDNEY_LANDLINE}, ${PERTH_LANDLINE}`, text: 'Hi', quiet_hours: '21:00-08:00' }),
        ).resolves.toMatchObject({
          to: ['+61293744000'],
          quiet_hours_held: [
            '+61893001234: it is 06:30 in Australia/Perth (one of the 2 time zones the number may be in); quiet hours end at 08:00 local time',
          ],
        });
      });

      it("places a Brazilian mobile by its area code, as libphonenumber does where mobiles keep one (Sao Paulo's 11)", async () => {
        clockAt('2026-01-15T12:30:00Z'); // 09:30 in Sao Paulo, 07:30 in Rio Branco (both Brazil)
        expectSend({ to: '+5511912345678', text: 'Hi' });
        await expect(send({ from: '9495550100', to: BRAZILIAN_MOBILE, text: 'Hi', quiet_hours: '21:00-08:00' })).resolves.toMatchObject({
          to: ['+5511912345678'],
          quiet_hours_held: [],
        });
      });
    });

    it('texts the recipients outside the window and lists the ones it held', async () => {
      clockAt('2026-01-15T22:30:00Z'); // 17:30 in New York, 22:30 in London
      expectSend({ to: '+12125550100', text: 'Hi' });
      await expect(
        send({ from: '9495550100', to: `${NEW_YORK}, ${LONDON}`, text: 'Hi', quiet_hours: '21:00-08:00' }),
      ).resolves.toMatchObject({
        to: ['+12125550100'],
        quiet_hours_held: ['+442079460000: it is 22:30 in Europe/London; quiet hours end at 08:00 local time'],
      });
    });

    it('halts when every one of several recipients is inside the window', async () => {
      clockAt('2026-01-15T06:00:00Z'); // 01:00 in New York, 06:00 in London
      const error = await stoppedBeforeAnyRequest({
        from: '9495550100',
        to: `${NEW_YORK}, ${LONDON}`,
        text: 'Hi',
        quiet_hours: '21:00-08:00',
      });
      expect(error.name).toBe('HaltedError');
      expect(error.message).toContain(
        '+12125550100: it is 01:00 in America/New_York; quiet hours end at 08:00 local time; +442079460000: it is 06:00 in Europe/London',
      );
    });

    it('holds a number whose time zone is unknown (here a global +800 freephone number): its local time cannot be vouched for', async () => {
      clockAt('2026-01-15T17:00:00Z');
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: '+800 1234 5678', text: 'Hi', quiet_hours: '21:00-08:00' });
      expect(error.name).toBe('HaltedError');
      expect(error.message).toContain('+80012345678: its time zone is not known, so quiet hours 21:00-08:00 cannot be checked.');
    });

    it.each([
      ['late', 'Quiet Hours: "late" is not a window of hours. Write it as HH:MM-HH:MM, e.g. 21:00-08:00.'],
      ['25:00-08:00', 'Quiet Hours: "25:00-08:00" is not a window of hours. Write it as HH:MM-HH:MM, e.g. 21:00-08:00.'],
      ['08:00-08:00', 'Quiet Hours: "08:00-08:00" starts and ends at the same time. Give a window, e.g. 21:00-08:00.'],
    ])('refuses %s as a window', async (window, message) => {
      const error = await stoppedBeforeAnyRequest({ from: '9495550100', to: NEW_YORK, text: 'Hi', quiet_hours: window });
      expect(appError(error)).toEqual(inputProblem(message));
    });
  });
});
