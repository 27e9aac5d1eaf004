import { checkedBaseUrl, checkedSettingUrl } from '../../src/core/base-url';
import { appError, inputProblem, thrown } from '../support/errors';

const LABEL = 'Base URL';

describe('checkedBaseUrl', () => {
  describe('accepts HTTPS, dropping the trailing slash', () => {
    it.each([
      ['https://api.example.com', 'https://api.example.com'],
      ['https://api.example.com/', 'https://api.example.com'],
      ['https://sms.example.com/api/v2/', 'https://sms.example.com/api/v2'],
      ['https://sms.example.com:8443/api//', 'https://sms.example.com:8443/api'],
      ['  https://api.example.com/  ', 'https://api.example.com'],
    ])('"%s" → "%s"', (raw, expected) => {
      expect(checkedBaseUrl(raw, LABEL)).toBe(expected);
    });
  });

  describe('accepts plain HTTP on this machine only', () => {
    it.each([
      ['http://localhost:8080/', 'http://localhost:8080'],
      ['http://localhost/api/', 'http://localhost/api'],
      ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
      ['http://[::1]:3000/', 'http://[::1]:3000'],
    ])('"%s" → "%s"', (raw, expected) => {
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
