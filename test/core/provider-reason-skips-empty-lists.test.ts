import { providerReason } from '../../src/core/provider-errors';

// A provider that sends an empty list (or a list of blanks) in one field and its words in
// another: the error gives the words, not an empty reason.
describe('providerReason looks past a field that holds an empty list', () => {
  it.each([
    ['{"message":[],"detail":"Sender not allowed"}', 'Sender not allowed'],
    ['{"message":["", " "],"error":"invalid_grant"}', 'invalid_grant'],
  ])('%s → %s', (body, reason) => {
    expect(providerReason(body)).toBe(reason);
  });

  it('and gives the body itself when every field is empty', () => {
    expect(providerReason('{"detail":[]}')).toBe('{"detail":[]}');
  });
});
