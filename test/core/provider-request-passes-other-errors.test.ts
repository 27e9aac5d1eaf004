import { errors, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { callProvider } from '../../src/core/provider-request';
import { rejection } from '../support/errors';

const context = { provider: 'Acme SMS', action: 'Find Message' };

/** A `z` whose request fails the way core's own auth middleware fails it, before any answer. */
const failingWith = (error: Error) =>
  ({
    request: async () => {
      throw error;
    },
  }) as unknown as ZObject;

// Core's errors carry what Zapier needs (ask to reconnect, retry later): callProvider translates
// only network failures and a bare 401 refresh, and lets any other error through untouched.
describe('callProvider passes on an error it does not translate', () => {
  it.each([
    ['a RefreshAuthError with its reason', new errors.RefreshAuthError('The session has ended.')],
    ['an ExpiredAuthError', new errors.ExpiredAuthError('Reconnect the account.')],
    ['a ThrottledError', new errors.ThrottledError('Slow down.', 30)],
  ])('%s', async (_case, error) => {
    const request = { url: 'https://api.acme-sms.test/messages/1', method: 'GET' } as const;
    expect(await rejection(callProvider(failingWith(error), request, schema.unknown(), context))).toBe(error);
  });
});
