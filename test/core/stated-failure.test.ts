import { statesFailure } from '../../src/core/stated-failure';

describe('statesFailure: a 2xx body that says in words the request failed', () => {
  it.each([
    ['"status": false', { status: false }],
    ['"success": false', { success: false, message: 'No credit' }],
    ['an error text', { error: 'INSUFFICIENT_FUNDS' }],
    ['an error code number', { error: 402 }],
    ['"error": true', { error: true }],
    ['an error object with content', { error: { code: 'NO_CREDIT' } }],
    ['an errors list with an item', { errors: ['x'] }],
    ['field errors', { errors: { destination: ['is invalid'] } }],
  ])('says so with %s', (_case, body) => {
    expect(statesFailure(body)).toBe(true);
  });

  it.each([
    ['a success', { result: 'Message Processed Successfully' }],
    ['"status": true', { status: true, messages: [] }],
    ['"status" as a word', { status: 'queued' }],
    ['"success": true', { success: true }],
    ['an empty errors list', { errors: [] }],
    ['empty field errors', { errors: { destination: [] } }],
    ['"error": null', { error: null }],
    ['"error": ""', { error: '  ' }],
    ['"error": 0', { error: 0 }],
    ['"error": false', { error: false }],
    ['a list', [{ status: false }]],
    ['text', 'status: false'],
    ['nothing', undefined],
  ])('does not with %s', (_case, body) => {
    expect(statesFailure(body)).toBe(false);
  });
});
