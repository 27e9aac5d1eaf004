import { errors } from 'zapier-platform-core';
import { errorCodeOf, providerStatusOf, throttleDelayOf } from '../../src/core/error-details';

describe('what an error carries', () => {
  it('reads the status and code of a provider answer from an AppError', () => {
    const error = new errors.Error('Acme refused it.', 'provider_rejected', 422);
    expect({ status: providerStatusOf(error), code: errorCodeOf(error) }).toEqual({ status: 422, code: 'provider_rejected' });
  });

  it('has no provider status for an error about the input, nor for a status that is not a number', () => {
    expect(providerStatusOf(new errors.Error('To: is required.', 'invalid_input', 400))).toBeUndefined();
    expect(providerStatusOf(new Error(JSON.stringify({ message: 'x', code: 'c', status: '500' })))).toBeUndefined();
    const named = Object.assign(new Error(JSON.stringify({ message: 'x', code: 'c', status: '500' })), { name: 'AppError' });
    expect(providerStatusOf(named)).toBeUndefined();
  });

  it('reads 401 from the runtime auth errors, and the delay of a ThrottledError', () => {
    expect(providerStatusOf(new errors.RefreshAuthError('refresh'))).toBe(401);
    expect(providerStatusOf(new errors.ExpiredAuthError('reconnect'))).toBe(401);
    expect(throttleDelayOf(new errors.ThrottledError('slow down', 45))).toBe(45);
  });
});
