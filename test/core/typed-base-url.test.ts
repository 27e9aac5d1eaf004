import { checkedTypedBaseUrl } from '../../src/core/base-url';
import { appError, inputProblem, thrown } from '../support/errors';

const LABEL = 'Base URL';
const PUBLIC_ADDRESS = 'Use the public https:// address your provider gave you.';
const refused = (raw: string) => appError(thrown(() => checkedTypedBaseUrl(raw, LABEL)));

const savedSetting = process.env.ALLOW_LOOPBACK_BASE_URL;
afterEach(() => {
  if (savedSetting === undefined) delete process.env.ALLOW_LOOPBACK_BASE_URL;
  else process.env.ALLOW_LOOPBACK_BASE_URL = savedSetting;
});

describe('checkedTypedBaseUrl: a base URL a user types', () => {
  it.each([
    ['https://portal.example.co.uk/api', 'https://portal.example.co.uk/api'],
    ['  https://Portal.Example.co.uk/api/  ', 'https://portal.example.co.uk/api'],
    ['https://sms.example.com:8443/api', 'https://sms.example.com:8443/api'],
    ['https://8.8.8.8/api', 'https://8.8.8.8/api'],
    ['https://172.32.0.1', 'https://172.32.0.1'],
    ['https://100.128.0.1', 'https://100.128.0.1'],
    ['https://[2001:db8::1]:8443/api', 'https://[2001:db8::1]:8443/api'],
    [`https://${'a'.repeat(63)}.example.com`, `https://${'a'.repeat(63)}.example.com`],
  ])('accepts "%s" as "%s"', (raw, expected) => {
    expect(checkedTypedBaseUrl(raw, LABEL)).toBe(expected);
  });

  describe('refuses an address Zapier must not be pointed at, naming the range', () => {
    it.each([
      ['https://169.254.169.254/latest', 'a link-local address (169.254.0.0/16)'],
      ['https://10.1.2.3/api', 'a private address (10.0.0.0/8)'],
      ['https://172.16.0.1', 'a private address (172.16.0.0/12)'],
      ['https://172.31.255.255', 'a private address (172.16.0.0/12)'],
      ['https://192.168.1.10', 'a private address (192.168.0.0/16)'],
      ['https://100.64.0.1', 'a carrier-grade NAT address (100.64.0.0/10)'],
      ['https://100.127.255.255', 'a carrier-grade NAT address (100.64.0.0/10)'],
      ['https://0.0.0.0', 'an unspecified address (0.0.0.0/8)'],
      ['https://255.255.255.255', 'a multicast, reserved or broadcast address (224.0.0.0/3)'],
      ['https://[::]', 'the unspecified address (::)'],
      ['https://[fe80::1]', 'a link-local address (fe80::/10)'],
      ['https://[febf::1]', 'a link-local address (fe80::/10)'],
      ['https://[fc00::1]', 'a private address (fc00::/7)'],
      ['https://[fd12:3456::1]', 'a private address (fc00::/7)'],
      ['https://intranet/api', 'a name without a dot (a local network name)'],
    ])('%s', (raw, what) => {
      expect(refused(raw)).toEqual(inputProblem(`Base URL: "${raw}" points at ${what}, which Zapier does not call. ${PUBLIC_ADDRESS}`));
    });
  });

  describe('refuses a host that parsers could read as another host', () => {
    const asName = 'type the host as a name (e.g. portal.example.co.uk) or as four numbers from 0 to 255 with dots, without leading zeros';
    it.each([
      ['https://2130706433', 'is read as "127.0.0.1"', asName],
      ['https://0x7f.1', 'is read as "127.0.0.1"', asName],
      ['https://017700000001', 'is read as "127.0.0.1"', asName],
      ['https://127.000.000.001', 'is read as "127.0.0.1"', asName],
      ['https://1.2.3', 'is read as "1.2.0.3"', asName],
      ['https://bücher.example', 'is read as "xn--bcher-kva.example"', asName],
      ['https://exa%6dple.com/api', 'has percent-encoding (%)', 'type the host itself'],
      ['https://portal.example.co.uk./api', 'ends with a dot', 'remove the dot at its end'],
      [
        `https://${'a'.repeat(64)}.example.com`,
        "has a part of 64 characters (a DNS name's parts have at most 63)",
        'check the address your provider gave you',
      ],
      [
        `https://${`${'a'.repeat(59)}.`.repeat(5)}com`,
        'is 303 characters long (a DNS name has at most 253)',
        'check the address your provider gave you',
      ],
      ['https://portal_1.example.com', 'is not a DNS name', 'type the host in letters, digits, hyphens and dots'],
      ['https://[::ffff:127.0.0.1]', 'is an IPv4 address written inside an IPv6 one', 'type the IPv4 address itself'],
      ['https://[::ffff:a9fe:a9fe]', 'is an IPv4 address written inside an IPv6 one', 'type the IPv4 address itself'],
      ['https://[::7f00:1]', 'is an IPv4 address written inside an IPv6 one', 'type the IPv4 address itself'],
      ['https://[64:ff9b::a9fe:a9fe]', 'is an IPv4 address written inside an IPv6 one', 'type the IPv4 address itself'],
    ])('%s', (raw, why, fix) => {
      expect(refused(raw)).toEqual(inputProblem(`Base URL: the host of "${raw}" ${why}, so it may be read as another host: ${fix}.`));
    });

    it.each(['https:\\\\169.254.169.254/api', 'https://portal.example.co.uk\\@169.254.169.254/'])('a backslash: %s', (raw) => {
      expect(refused(raw)).toEqual(
        inputProblem(
          `Base URL: "${raw}" has a backslash (\\), which URL parsers read differently. Write the address with forward slashes (/).`,
        ),
      );
    });

    it('a user name before the host, without quoting the address', () => {
      expect(refused('https://portal.example.co.uk@169.254.169.254/')).toEqual(
        inputProblem(
          'Base URL: the address must be only https://, the host and any path, but it carries a user name or password. Remove that part; credentials go in their own fields.',
        ),
      );
    });

    it('an address without "//", which the URL parser would complete', () => {
      expect(refused('https:portal.example.co.uk')).toEqual(
        inputProblem('Base URL: "https:portal.example.co.uk" is not a URL. Use the full address, starting with https://.'),
      );
    });
  });

  describe('loopback: only when the ALLOW_LOOPBACK_BASE_URL setting is "1" (the sandbox, tests and tour)', () => {
    const LOOPBACK = [
      'http://127.0.0.1:4011/sms-extension',
      'https://127.8.9.10',
      'http://localhost:8080',
      'http://api.localhost',
      'http://[::1]:4011',
    ];

    it.each(LOOPBACK)('refuses %s without the setting', (raw) => {
      delete process.env.ALLOW_LOOPBACK_BASE_URL;
      expect(refused(raw)).toEqual(
        inputProblem(`Base URL: "${raw}" points at the machine Zapier runs on (loopback), which Zapier does not call. ${PUBLIC_ADDRESS}`),
      );
    });

    it.each(['true', 'yes', '0', ''])('refuses it with the setting "%s"', (setting) => {
      process.env.ALLOW_LOOPBACK_BASE_URL = setting;
      expect(refused('http://127.0.0.1:4011').message).toContain('(loopback), which Zapier does not call');
    });

    it.each(LOOPBACK)('accepts %s, over HTTP too, with the setting', (raw) => {
      process.env.ALLOW_LOOPBACK_BASE_URL = '1';
      expect(checkedTypedBaseUrl(raw, LABEL)).toBe(new URL(raw).toString().replace(/\/$/, ''));
    });

    it('still refuses plain HTTP to any other host with the setting', () => {
      process.env.ALLOW_LOOPBACK_BASE_URL = '1';
      expect(refused('http://portal.example.co.uk/api')).toEqual(
        inputProblem('Base URL: "http://portal.example.co.uk/api" must start with https://.'),
      );
      expect(refused('http://10.0.0.1/api').message).toContain('points at a private address (10.0.0.0/8)');
    });
  });
});
