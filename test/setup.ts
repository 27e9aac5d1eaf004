import nock from 'nock';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`Expected requests were not made: ${pending.join(', ')}`);
});
afterAll(() => nock.enableNetConnect());
