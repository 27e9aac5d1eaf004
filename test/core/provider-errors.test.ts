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

function answer(status: number, content: string, headers: Record<string, string> = {}): ProviderAnswer {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { status, content, getHeader: (name) => lower.get(name.toLowerCase()) };
}

describe('providerReason', () => {
  describe('from a JSON body', () => {
    it.each([
      { name: 'takes `message`', body: '{"message":"Sender ID is not approved","code":1004}', reason: 'Sender ID is not approved' },
      { name: 'takes `detail` when it is a string', body: '{"detail":"Not authenticated"}', reason: 'Not authenticated' },
      {
        name: 'takes each FastAPI `detail` item as its location and message',
        body: JSON.stringify({
          detail: [
            { loc: ['body', 'to'], msg: 'field required', type: 'value_error.missing' },
            { loc: ['body', 'text'], msg: 'ensure this value has at most 918 characters', type: 'value_error' },
          ],
        }),
        reason: 'body.to: field required; body.text: ensure this value has at most 918 characters',
      },
      {
        name: 'takes a `detail` item without a location as its message alone',
        body: '{"detail":[{"msg":"Too many recipients"}]}',
        reason: 'Too many recipients',
      },
      {
        name: 'takes the OAuth `error_description` over the bare `error` code',
        body: '{"error":"invalid_grant","error_description":"The refresh token has expired"}',
        reason: 'The refresh token has expired',
      },
      { name: 'takes a bare `error` string', body: '{"error":"invalid_token"}', reason: 'invalid_token' },
      {
        name: 'adds each field of a Laravel `errors` object to the message',
        body: JSON.stringify({
          message: 'The given data was invalid.',
          errors: {
            to: ['The to field is required.'],
            text: ['The text may not be greater than 918 characters.', 'The text must be a string.'],
          },
        }),
        reason:
          'The given data was invalid. — to: The to field is required.; text: The text may not be greater than 918 characters.; The text must be a string.',
      },
      {
        name: 'takes a Laravel `errors` object alone when there is no message',
        body: '{"errors":{"sender_id":["The sender id has already been taken."]}}',
        reason: 'sender_id: The sender id has already been taken.',
      },
      {
        name: 'does not repeat a reason given twice',
        body: '{"message":"Invalid number","errors":"Invalid number"}',
        reason: 'Invalid number',
      },
      {
        name: 'quotes the whole body when it has none of those keys',
        body: '{"status":"failed","code":17}',
        reason: '{"status":"failed","code":17}',
      },
      { name: 'quotes a body that is a bare JSON string as its text', body: '"quota exceeded"', reason: 'quota exceeded' },
    ])('$name', ({ body, reason }) => {
      expect(providerReason(body)).toBe(reason);
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

  it('waits at least 1 second: for 0, and for a date already past', () => {
    expect(retryAfterSeconds('0', now)).toBe(1);
    expect(retryAfterSeconds('1', now)).toBe(1);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(1);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(1);
  });

  it('waits at most a day (86400 seconds), for any figure or date beyond it, however long', () => {
    expect(retryAfterSeconds('86400', now)).toBe(86400);
    expect(retryAfterSeconds('86401', now)).toBe(86400);
    expect(retryAfterSeconds('99999999999', now)).toBe(86400);
    expect(retryAfterSeconds('9'.repeat(400), now)).toBe(86400);
    expect(retryAfterSeconds('Thu, 22 Oct 2015 07:28:00 GMT', now)).toBe(86400);
    expect(retryAfterSeconds('Fri, 31 Dec 9999 23:59:59 GMT', now)).toBe(86400);
  });

  it('waits 60 seconds for a date in the right form that does not exist', () => {
    expect(retryAfterSeconds('Wed, 99 Foo 2015 07:28:00 GMT', now)).toBe(60);
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
  const hint = 'Ask your Acme SMS administrator to enable API access for this user.';

  it.each([
    {
      name: '400: the provider rejected the values, quoting its reason',
      answer: answer(400, '{"message":"Invalid sender ID"}'),
      context,
      error: {
        message: `Acme SMS refused the values given for "Send SMS" ("Invalid sender ID"). Check the values in this step against that reason, then replay it. (HTTP 400)`,
        code: 'provider_rejected',
        status: 400,
      },
    },
    {
      name: '403 without a hint: asks to check what the account may do',
      answer: answer(403, 'Forbidden'),
      context,
      error: {
        message: `Acme SMS refused the connected account access to "Send SMS" ("Forbidden"). Check that the connected Acme SMS account may do this. (HTTP 403)`,
        code: 'forbidden',
        status: 403,
      },
    },
    {
      name: "403 with a hint: gives the provider's hint instead",
      answer: answer(403, '{"detail":"Permission denied"}'),
      context: { ...context, forbiddenHint: hint },
      error: {
        message: `Acme SMS refused the connected account access to "Send SMS" ("Permission denied"). ${hint} (HTTP 403)`,
        code: 'forbidden',
        status: 403,
      },
    },
    {
      name: '404: the item does not exist or cannot be seen',
      answer: answer(404, '{"message":"Message not found"}'),
      context,
      error: {
        message: `Acme SMS found nothing for "Send SMS" ("Message not found"). The item does not exist or this account cannot see it: check the ids in this step. (HTTP 404)`,
        code: 'not_found',
        status: 404,
      },
    },
    {
      name: '422: the provider rejected the values, listing its field errors',
      answer: answer(422, '{"errors":{"to":["must be a valid phone number"]}}'),
      context,
      error: {
        message: `Acme SMS refused the values given for "Send SMS" ("to: must be a valid phone number"). Check the values in this step against that reason, then replay it. (HTTP 422)`,
        code: 'provider_rejected',
        status: 422,
      },
    },
  ])('$name', ({ answer: given, context: called, error }) => {
    expect(appError(providerError(given, called))).toEqual(error);
  });

  it('401 where the token can be refreshed: RefreshAuthError', () => {
    const error = providerError(answer(401, '{"error":"invalid_token"}'), { ...context, refreshable: true });
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toBe(
      `Acme SMS did not accept the connection's access token for "Send SMS" ("invalid_token"). Zapier refreshes the token and runs the step again. (HTTP 401)`,
    );
  });

  it('401 where it cannot: ExpiredAuthError asking to reconnect the account', () => {
    const error = providerError(answer(401, '{"message":"Invalid API key"}'), context);
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toBe(
      `Acme SMS no longer accepts the connection's credentials for "Send SMS" ("Invalid API key"). Reconnect the Acme SMS account in Zapier with current credentials, then replay this step. (HTTP 401)`,
    );
  });

  it('409: HaltedError, since running the step again cannot help and the Zap must not be turned off for it', () => {
    const error = providerError(answer(409, '{"message":"Sender ID already registered"}'), context);
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      `Acme SMS refused "Send SMS" because it conflicts with something that already exists ("Sender ID already registered"). This run stops here: running it again cannot help. (HTTP 409)`,
    );
  });

  it('does not double the full stop of a reason that ends with one', () => {
    const error = providerError(answer(422, '{"message":"The given data was invalid."}'), context);
    expect(JSON.parse(error.message).message).toBe(
      `Acme SMS refused the values given for "Send SMS" ("The given data was invalid"). Check the values in this step against that reason, then replay it. (HTTP 422)`,
    );
  });

  it('429: ThrottledError carrying the Retry-After delay', () => {
    const error = providerError(answer(429, '{"message":"Too many requests"}', { 'Retry-After': '30' }), context);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message: `Acme SMS is limiting how often "Send SMS" may run ("Too many requests"). Zapier runs the step again in 30 seconds; nothing to change. (HTTP 429)`,
      delay: 30,
    });
  });

  it('429 without Retry-After: ThrottledError with a 60-second delay', () => {
    const error = providerError(answer(429, ''), context);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message: `Acme SMS is limiting how often "Send SMS" may run ("no reason given (empty response)"). Zapier runs the step again in 60 seconds; nothing to change. (HTTP 429)`,
      delay: 60,
    });
  });

  it('503 with Retry-After: ThrottledError, since the provider says when to come back', () => {
    const error = providerError(answer(503, '{"message":"Down for maintenance"}', { 'Retry-After': '120' }), context);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message: `Acme SMS is unavailable for now, so "Send SMS" waits ("Down for maintenance"). Zapier runs the step again in 120 seconds; nothing to change. (HTTP 503)`,
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
      message: `Acme SMS failed on its side during "Send SMS" ("${reason}"). Nothing in this step needs to change: try again later. (HTTP ${status})`,
      code: 'provider_unavailable',
      status,
    });
  });
});

describe('providerError and secrets', () => {
  it('blanks out a credential the provider echoes in its reason', () => {
    const error = providerError(answer(400, '{"message":"Key sk-live-4f3e2d1c is not valid for sender X"}'), context, ['sk-live-4f3e2d1c']);
    expect(appError(error).message).toBe(
      `Acme SMS refused the values given for "Send SMS" ("Key [redacted] is not valid for sender X"). Check the values in this step against that reason, then replay it. (HTTP 400)`,
    );
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

  it.each([
    ['six characters, the shortest it blanks', 'k3y-ab', 'key [redacted] refused'],
    ['five characters', 'k3y-a', 'key k3y-a refused'],
  ])('at the boundary: a secret of %s', (_case, secret, expected) => {
    expect(redact(`key ${secret} refused`, [secret])).toBe(expected);
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
