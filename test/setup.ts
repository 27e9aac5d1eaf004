import nock from 'nock';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`Expected requests were not made: ${pending.join(', ')}`);
});
// Zapier core's logging wraps http.request around this file's nock; restoring keeps the next
// test file in the worker from inheriting a stale interceptor.
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
