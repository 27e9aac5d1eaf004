import { providerError, type ProviderAnswer } from '../../src/core/provider-errors';
import { appError } from '../support/errors';

const answer = (content: string): ProviderAnswer => ({ status: 403, content, getHeader: () => undefined });
const assumed = { provider: 'StratusTexting', action: 'Send MMS', assumedEndpoint: true, forbiddenHint: 'Reconnect the account.' };

// AWS API Gateway answers a path it does not have with 403 "Missing Authentication Token". Only on a
// path the integration guessed does that mean "not offered"; any other 403 is still a refusal.
describe('a 403 on an endpoint the integration only assumes', () => {
  it('is "not offered" when the gateway says the path is missing', () => {
    const error = appError(providerError(answer('{"message":"Missing Authentication Token"}'), assumed));
    expect(error.code).toBe('operation_not_available');
    expect(error.status).toBe(403);
  });

  it('stays a refusal, with the hint, for any other reason', () => {
    expect(appError(providerError(answer('{"message":"Forbidden"}'), assumed))).toEqual({
      message: 'StratusTexting refused the connected account access to "Send MMS" ("Forbidden"). Reconnect the account. (HTTP 403)',
      code: 'forbidden',
      status: 403,
    });
  });

  it('stays a refusal on a documented endpoint, even with the gateway\'s "missing token" reason', () => {
    const documented = { ...assumed, assumedEndpoint: undefined };
    expect(appError(providerError(answer('{"message":"Missing Authentication Token"}'), documented)).code).toBe('forbidden');
  });
});
