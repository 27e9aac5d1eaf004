import { checkedBaseUrl, checkedSettingUrl, pathSegment } from '../../src/core/base-url';
import { appError, inputProblem, thrown } from '../support/errors';

const LABEL = 'Base URL';

describe('checkedBaseUrl', () => {
  describe('HTTPS anywhere, plain HTTP on this machine only', () => {
    it.each([
      ['https://api.example.com', 'https://api.example.com'],
      ['https://api.example.com/', 'https://api.example.com'],
      ['https://sms.example.com/api/v2/', 'https://sms.example.com/api/v2'],
      ['https://sms.example.com:8443/api//', 'https://sms.example.com:8443/api'],
      ['  https://api.example.com/  ', 'https://api.example.com'],
      ['http://localhost:8080/', 'http://localhost:8080'],
      ['http://localhost/api/', 'http://localhost/api'],
      ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
      ['http://[::1]:3000/', 'http://[::1]:3000'],
    ])('accepts "%s" as "%s", without the trailing slash', (raw, expected) => {
      expect(checkedBaseUrl(raw, LABEL)).toBe(expected);
    });

    it.each(['http://api.example.com', 'http://localhost.example.com', 'http://127.0.0.2', 'ftp://localhost/'])(
      'refuses "%s", naming the field',
      (raw) => {
        expect(appError(thrown(() => checkedBaseUrl(raw, LABEL)))).toEqual(
          inputProblem(`Base URL: "${raw}" must start with https:// (plain HTTP is allowed only for localhost).`),
        );
      },
    );
  });

  it.each(['api.example.com', 'not a url', '', 'https://'])('refuses "%s", which is not a URL', (raw) => {
    expect(appError(thrown(() => checkedBaseUrl(raw, 'Server Address')))).toEqual(
      inputProblem(`Server Address: "${raw}" is not a URL. Use the full address, starting with https://.`),
    );
  });
});

describe('checkedBaseUrl refuses an address carrying more than scheme, host and path, without quoting it', () => {
  it.each([
    ['https://sam:hunter2-secret@sms.example.com/api', 'a user name or password'],
    ['https://sam@sms.example.com', 'a user name or password'],
    ['https://:hunter2-secret@sms.example.com', 'a user name or password'],
    ['https://sms.example.com/api?token=hunter2-secret', 'a query (?…)'],
    ['https://sms.example.com/api?', 'a query (?…)'],
    ['https://sms.example.com/api#hunter2-secret', 'a fragment (#…)'],
    ['https://sam:pw-secret@sms.example.com/api?key=k#f', 'a user name or password and a query (?…) and a fragment (#…)'],
  ])('%s', (raw, parts) => {
    const error = appError(thrown(() => checkedBaseUrl(raw, LABEL)));
    expect(error).toEqual(
      inputProblem(
        `Base URL: the address must be only https://, the host and any path, but it carries ${parts}. Remove that part; credentials go in their own fields.`,
      ),
    );
    expect(error.message).not.toMatch(/hunter2|secret/);
  });

  it('does not quote an unparseable address that may hold a password', () => {
    expect(appError(thrown(() => checkedBaseUrl('https://sam:pass word@', LABEL)))).toEqual(
      inputProblem('Base URL: This address is not a URL. Use the full address, starting with https://.'),
    );
  });

  it('refuses such an address from the environment too, as a misconfiguration, without quoting it', () => {
    process.env.EXAMPLE_SECRET_URL = 'https://admin:hunter2-secret@api.example.com';
    try {
      expect(appError(thrown(() => checkedSettingUrl('EXAMPLE_SECRET_URL', 'https://api.example.com')))).toEqual({
        message:
          'This integration is misconfigured: EXAMPLE_SECRET_URL: the address must be only https://, the host and any path, but it carries a user name or password. Remove that part; credentials go in their own fields. An integration admin corrects it with `zapier-platform env:set`.',
        code: 'misconfigured',
        status: 500,
      });
    } finally {
      delete process.env.EXAMPLE_SECRET_URL;
    }
  });
});

describe('pathSegment: an id placed in a path', () => {
  it.each([
    ['6650f1c2a4b7e93d1c2f8a10', '6650f1c2a4b7e93d1c2f8a10'],
    [' 42 ', '42'],
    ['a?b#c d', 'a%3Fb%23c%20d'],
    ['v1.2', 'v1.2'],
  ])('"%s" goes into the path as "%s"', (id, expected) => {
    expect(pathSegment(id, 'Message ID')).toBe(expected);
  });

  it.each(['', '  ', '.', '..', '../x', 'a/b', 'a\\b', 'x..y'])('refuses "%s", naming the field', (id) => {
    expect(appError(thrown(() => pathSegment(id, 'Contact ID')))).toEqual(
      inputProblem(`Contact ID: "${id}" cannot be an id: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.`),
    );
  });
});

describe('checkedSettingUrl', () => {
  const saved = process.env.EXAMPLE_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.EXAMPLE_BASE_URL;
    else process.env.EXAMPLE_BASE_URL = saved;
  });

  it('uses the fallback when the setting is unset or blank', () => {
    delete process.env.EXAMPLE_BASE_URL;
    expect(checkedSettingUrl('EXAMPLE_BASE_URL', 'https://api.example.com/v1/')).toBe('https://api.example.com/v1');
    process.env.EXAMPLE_BASE_URL = '  ';
    expect(checkedSettingUrl('EXAMPLE_BASE_URL', 'https://api.example.com/v1/')).toBe('https://api.example.com/v1');
  });

  it("blames the integration's setting, not the user's step, for a bad URL", () => {
    process.env.EXAMPLE_BASE_URL = 'http://api.example.com';
    expect(appError(thrown(() => checkedSettingUrl('EXAMPLE_BASE_URL', 'https://api.example.com')))).toEqual({
      message:
        'This integration is misconfigured: EXAMPLE_BASE_URL: "http://api.example.com" must start with https:// (plain HTTP is allowed only for localhost). An integration admin corrects it with `zapier-platform env:set`.',
      code: 'misconfigured',
      status: 500,
    });
  });
});
