import nock from 'nock';
import integration from '../../src/providers/sms-extension/integration';
import { appError, rejection, throttle } from '../support/errors';
import { runner } from '../support/run';

export { integration };

export const run = runner(integration);

export const HOST = 'https://portal.smsext.test';
export const BASE_URL = `${HOST}/api`;

export const credentials = {
  base_url: BASE_URL,
  client_id: '7',
  client_secret: 'client-secret-c1d2e3',
  username: 'sam@example.co.uk',
  password: 'pa55word-f4g5h6',
};

/** A connection with a session: what Zapier passes to every step. */
export const authData = { ...credentials, access_token: 'access-token-1', refresh_token: 'refresh-token-1' };

/** An API call carrying the session's token and asking for JSON. */
export function smsExtension() {
  return nock(HOST).matchHeader('authorization', 'Bearer access-token-1').matchHeader('accept', 'application/json');
}

/** A token request: asks for JSON and carries no (old) access token. */
export function tokenEndpoint() {
  return nock(HOST, { badheaders: ['authorization'] }).matchHeader('accept', 'application/json');
}

export const UNAUTHENTICATED = { message: 'Unauthenticated.' };

export { appError, inputProblem, rejection, throttle } from '../support/errors';

/**
 * The answers every SMS Extension call must turn into clear errors: `answer` registers the
 * interceptor for the call under test, `call` makes the call. Where a 404 is a normal answer
 * (a lookup by id), the caller tests it itself.
 */
export function itReportsProviderErrors(
  action: string,
  answer: () => nock.Interceptor,
  call: () => Promise<unknown>,
  { notFoundIsAnAnswer = false, sendCheck }: { notFoundIsAnAnswer?: boolean; sendCheck?: string } = {},
) {
  if (!notFoundIsAnAnswer) {
    it('reports a 404 as something that does not exist', async () => {
      answer().reply(404, { message: 'Not Found' });
      expect(appError(await rejection(call()))).toEqual({
        message: `SMS Extension found nothing for "${action}" ("Not Found"). The item does not exist or this account cannot see it: check the ids in this step. (HTTP 404)`,
        code: 'not_found',
        status: 404,
      });
    });
  }

  it('asks Zapier to refresh the session on 401', async () => {
    answer().reply(401, UNAUTHENTICATED);
    expect((await rejection(call())).name).toBe('RefreshAuthError');
  });

  it('reports a 400 with the validation errors the provider gave', async () => {
    answer().reply(400, { message: 'The given data was invalid.', errors: { field: ['The field is wrong.'] } });
    expect(appError(await rejection(call()))).toEqual({
      message:
        `SMS Extension refused the values given for "${action}" ("The given data was invalid. — field: The field is wrong"). ` +
        'Check the values in this step against that reason, then replay it. (HTTP 400)',
      code: 'provider_rejected',
      status: 400,
    });
  });

  it('reports a 403 as an account that may not do this', async () => {
    answer().reply(403, { message: 'This action is unauthorized.' });
    expect(appError(await rejection(call()))).toEqual({
      message: `SMS Extension refused the connected account access to "${action}" ("This action is unauthorized"). Check that the connected SMS Extension account may do this. (HTTP 403)`,
      code: 'forbidden',
      status: 403,
    });
  });

  it('waits as long as Retry-After says on 429', async () => {
    answer().reply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': '42' });
    expect(throttle(await rejection(call()))).toEqual({
      message: `SMS Extension is limiting how often "${action}" may run ("Too Many Attempts"). Zapier runs the step again in 42 seconds; nothing to change. (HTTP 429)`,
      delay: 42,
    });
  });

  const serviceUnavailable = '<!DOCTYPE html><html><head><title>Service Unavailable</title></head></html>';
  if (sendCheck) {
    it('reports a 5xx to a send as outcome unknown: the message may have been sent', async () => {
      answer().reply(503, serviceUnavailable);
      expect(appError(await rejection(call()))).toEqual({
        message:
          `The message may have been sent: SMS Extension answered with an error ("an HTML error page titled "Service Unavailable""), so it is unknown whether "${action}" went through. ` +
          `${sendCheck} Check before running this step again, or the recipient may get the message twice. (HTTP 503)`,
        code: 'outcome_unknown',
        status: 503,
      });
    });
  } else {
    it("reports a 5xx as a problem on the provider's side", async () => {
      answer().reply(503, serviceUnavailable);
      expect(appError(await rejection(call()))).toEqual({
        message: `SMS Extension failed on its side during "${action}" ("an HTML error page titled "Service Unavailable""). Nothing in this step needs to change: try again later. (HTTP 503)`,
        code: 'provider_unavailable',
        status: 503,
      });
    });
  }
}

/** Stops the clock at `iso` for each test of the file, as Date.now() reads it. */
export function clockAt(iso: string) {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso)));
  afterEach(() => jest.restoreAllMocks());
}
