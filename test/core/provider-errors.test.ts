import {
  providerError,
  providerReason,
  redact,
  retryAfterSeconds,
  timeoutError,
  type CallContext,
  type ProviderAnswer,
} from '../../src/core/provider-errors';
import { appError } from '../support/errors';

const context: CallContext = { provider: 'Acme SMS', action: 'Send SMS' };
const SAID = 'Acme SMS answered "Send SMS" with HTTP';

function answer(status: number, content: string, headers: Record<string, string> = {}): ProviderAnswer {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { status, content, getHeader: (name) => lower.get(name.toLowerCase()) };
}

describe('providerReason', () => {
  describe('from a JSON body', () => {
    it('takes `message`', () => {
      expect(providerReason('{"message":"Sender ID is not approved","code":1004}')).toBe('Sender ID is not approved');
    });

    it('takes `detail` when it is a string', () => {
      expect(providerReason('{"detail":"Not authenticated"}')).toBe('Not authenticated');
    });

    it('takes each FastAPI `detail` item as its location and message', () => {
      const body = JSON.stringify({
        detail: [
          { loc: ['body', 'to'], msg: 'field required', type: 'value_error.missing' },
          { loc: ['body', 'text'], msg: 'ensure this value has at most 918 characters', type: 'value_error' },
        ],
      });
      expect(providerReason(body)).toBe('body.to: field required; body.text: ensure this value has at most 918 characters');
    });

    it('takes a `detail` item without a location as its message alone', () => {
      expect(providerReason('{"detail":[{"msg":"Too many recipients"}]}')).toBe('Too many recipients');
    });

    it('takes the OAuth `error_description` over the bare `error` code', () => {
      expect(providerReason('{"error":"invalid_grant","error_description":"The refresh token has expired"}')).toBe(
        'The refresh token has expired',
      );
    });

    it('takes a bare `error` string', () => {
      expect(providerReason('{"error":"invalid_token"}')).toBe('invalid_token');
    });

    it('adds each field of a Laravel `errors` object to the message', () => {
      const body = JSON.stringify({
        message: 'The given data was invalid.',
        errors: {
          to: ['The to field is required.'],
          text: ['The text may not be greater than 918 characters.', 'The text must be a string.'],
        },
      });
      expect(providerReason(body)).toBe(
        'The given data was invalid. — to: The to field is required.; ' +
          'text: The text may not be greater than 918 characters.; The text must be a string.',
      );
    });

    it('takes a Laravel `errors` object alone when there is no message', () => {
      expect(providerReason('{"errors":{"sender_id":["The sender id has already been taken."]}}')).toBe(
        'sender_id: The sender id has already been taken.',
      );
    });

    it('does not repeat a reason given twice', () => {
      expect(providerReason('{"message":"Invalid number","errors":"Invalid number"}')).toBe('Invalid number');
    });

    it('quotes the whole body when it has none of those keys', () => {
      expect(providerReason('{"status":"failed","code":17}')).toBe('{"status":"failed","code":17}');
    });

    it('quotes a body that is a bare JSON string as its text', () => {
      expect(providerReason('"quota exceeded"')).toBe('quota exceeded');
    });
  });

  describe('from an HTML page', () => {
    it('names the page by its title', () => {
      const page = '<!DOCTYPE html>\n<html><head><title> 502 Bad Gateway </title></head><body><h1>Bad Gateway</h1></body></html>';
      expect(providerReason(page)).toBe('an HTML error page titled "502 Bad Gateway"');
    });

    it('says only that it was an HTML page when it has no title', () => {
      expect(providerReason('  <html><body><h1>Oops, something broke</h1></body></html>')).toBe('an HTML error page');
    });
  });

  it('quotes plain text, with its blanks and new lines flattened', () => {
    expect(providerReason('  Rate limit\n   exceeded \n')).toBe('Rate limit exceeded');
  });

  it('says so when the body is empty', () => {
    expect(providerReason('')).toBe('no reason given (empty response)');
    expect(providerReason(' \n ')).toBe('no reason given (empty response)');
  });

  it('clips a long body to 300 characters', () => {
    expect(providerReason('x'.repeat(500))).toBe(`${'x'.repeat(300)}…`);
  });

  it('clips a long JSON message to 300 characters', () => {
    expect(providerReason(JSON.stringify({ message: 'y'.repeat(301) }))).toBe(`${'y'.repeat(300)}…`);
  });

  it('keeps a body of exactly 300 characters whole', () => {
    expect(providerReason('z'.repeat(300))).toBe('z'.repeat(300));
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

  it('reads delta-seconds', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds(' 5 ', now)).toBe(5);
  });

  it('reads an HTTP date as the seconds from now until then', () => {
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:29:30 GMT', now)).toBe(90);
  });

  it('rounds a part of a second up', () => {
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:10 GMT', now - 500)).toBe(11);
  });

  it('waits no time for a date already past', () => {
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });

  it('waits 60 seconds when the header is missing or empty', () => {
    expect(retryAfterSeconds(undefined, now)).toBe(60);
    expect(retryAfterSeconds('', now)).toBe(60);
  });

  it('waits 60 seconds when the header is neither seconds nor a date', () => {
    expect(retryAfterSeconds('later', now)).toBe(60);
    expect(retryAfterSeconds('tomorrow', now)).toBe(60);
  });

  it('waits 60 seconds for text that a lenient date parser would read as a past date', () => {
    expect(retryAfterSeconds('soon 5', now)).toBe(60);
    expect(retryAfterSeconds('abc 12', now)).toBe(60);
    expect(retryAfterSeconds('1.5', now)).toBe(60);
    expect(retryAfterSeconds('-5', now)).toBe(60);
  });
});

describe('providerError', () => {
  it('400: the provider rejected the values, quoting its reason', () => {
    const error = providerError(answer(400, '{"message":"Invalid sender ID"}'), context);
    expect(appError(error)).toEqual({
      message: `${SAID} 400: Invalid sender ID. Check the values in this step.`,
      code: 'provider_rejected',
      status: 400,
    });
  });

  it('401 where the token can be refreshed: RefreshAuthError', () => {
    const error = providerError(answer(401, '{"error":"invalid_token"}'), { ...context, refreshable: true });
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toBe(`${SAID} 401: invalid_token. The connection's access token is refreshed and the step retried.`);
  });

  it('401 where it cannot: ExpiredAuthError asking to reconnect the account', () => {
    const error = providerError(answer(401, '{"message":"Invalid API key"}'), context);
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toBe(
      `${SAID} 401: Invalid API key. The connection's credentials are no longer accepted: reconnect the Acme SMS account.`,
    );
  });

  it('403 without a hint: asks to check what the account may do', () => {
    const error = providerError(answer(403, 'Forbidden'), context);
    expect(appError(error)).toEqual({
      message: `${SAID} 403: Forbidden. Check that the connected Acme SMS account may do this.`,
      code: 'forbidden',
      status: 403,
    });
  });

  it("403 with a hint: gives the provider's hint instead", () => {
    const hint = 'Ask your Acme SMS administrator to enable API access for this user.';
    const error = providerError(answer(403, '{"detail":"Permission denied"}'), { ...context, forbiddenHint: hint });
    expect(appError(error)).toEqual({ message: `${SAID} 403: Permission denied. ${hint}`, code: 'forbidden', status: 403 });
  });

  it('404: the item does not exist or cannot be seen', () => {
    const error = providerError(answer(404, '{"message":"Message not found"}'), context);
    expect(appError(error)).toEqual({
      message: `${SAID} 404: Message not found. The item does not exist or this account cannot see it.`,
      code: 'not_found',
      status: 404,
    });
  });

  it('409: HaltedError, since running the step again cannot help and the Zap must not be turned off for it', () => {
    const error = providerError(answer(409, '{"message":"Sender ID already registered"}'), context);
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      `${SAID} 409: Sender ID already registered. It conflicts with something that already exists, so this run stops here: running it again cannot help.`,
    );
  });

  it('does not double the full stop of a reason that ends with one', () => {
    const error = providerError(answer(422, '{"message":"The given data was invalid."}'), context);
    expect(JSON.parse(error.message).message).toBe(`${SAID} 422: The given data was invalid. Check the values in this step.`);
  });

  it('422: the provider rejected the values, listing its field errors', () => {
    const error = providerError(answer(422, '{"errors":{"to":["must be a valid phone number"]}}'), context);
    expect(appError(error)).toEqual({
      message: `${SAID} 422: to: must be a valid phone number. Check the values in this step.`,
      code: 'provider_rejected',
      status: 422,
    });
  });

  it('429: ThrottledError carrying the Retry-After delay', () => {
    const error = providerError(answer(429, '{"message":"Too many requests"}', { 'Retry-After': '30' }), context);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message: `${SAID} 429: Too many requests. Acme SMS is rate limiting; Zapier retries in 30 seconds.`,
      delay: 30,
    });
  });

  it('429 without Retry-After: ThrottledError with a 60-second delay', () => {
    const error = providerError(answer(429, ''), context);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message: `${SAID} 429: no reason given (empty response). Acme SMS is rate limiting; Zapier retries in 60 seconds.`,
      delay: 60,
    });
  });

  it('503 with Retry-After: ThrottledError, since the provider says when to come back', () => {
    const error = providerError(answer(503, '{"message":"Down for maintenance"}', { 'Retry-After': '120' }), context);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message: `${SAID} 503: Down for maintenance. Acme SMS is unavailable for now; Zapier retries in 120 seconds.`,
      delay: 120,
    });
  });

  it('503 with an empty Retry-After: a plain error, as without one', () => {
    expect(appError(providerError(answer(503, '', { 'Retry-After': ' ' }), context)).code).toBe('provider_unavailable');
  });

  it('takes a header the runtime reports as null as absent', () => {
    const error = providerError({ status: 503, content: '', getHeader: () => null }, context);
    expect(appError(error).code).toBe('provider_unavailable');
  });

  it.each([
    [500, '{"message":"Internal server error"}', 'Internal server error'],
    [502, '<html><head><title>502 Bad Gateway</title></head></html>', 'an HTML error page titled "502 Bad Gateway"'],
    [503, '', 'no reason given (empty response)'],
  ])("%i: a problem on the provider's side", (status, body, reason) => {
    expect(appError(providerError(answer(status, body), context))).toEqual({
      message: `${SAID} ${status}: ${reason}. This is a problem on Acme SMS's side; try again later.`,
      code: 'provider_unavailable',
      status,
    });
  });
});

describe('providerError and secrets', () => {
  it('blanks out a credential the provider echoes in its reason', () => {
    const error = providerError(answer(400, '{"message":"Key sk-live-4f3e2d1c is not valid for sender X"}'), context, ['sk-live-4f3e2d1c']);
    expect(appError(error).message).toBe(`${SAID} 400: Key [redacted] is not valid for sender X. Check the values in this step.`);
  });

  it.each([401, 409])('keeps the runtime from appending its raw request log to a %i', (status) => {
    const error = providerError(answer(status, ''), { ...context, refreshable: true }) as Error & { doNotContextify?: boolean };
    expect(error.doNotContextify).toBe(true);
  });
});

describe('redact', () => {
  it('blanks every occurrence of every secret, the longest first', () => {
    expect(redact('token abcdef123 and abcdef123456', ['abcdef123', 'abcdef123456'])).toBe('token [redacted] and [redacted]');
  });

  it('leaves values shorter than six characters alone, so ordinary words survive', () => {
    expect(redact('client 7 said no', ['7', 'no'])).toBe('client 7 said no');
  });
});

describe('timeoutError', () => {
  it('names the provider and the operation, and warns that the request may have been carried out', () => {
    expect(appError(timeoutError(context, 25))).toEqual({
      message:
        'Acme SMS did not answer "Send SMS" within 25 seconds. It may or may not have been carried out: check Acme SMS before running this step again.',
      code: 'provider_timeout',
      status: 504,
    });
  });
});
