/**
 * What kind of host an address typed by a user names, read from the text as typed and from the
 * URL parser's reading of it: a host the two could read differently is not accepted at all.
 */
export type HostVerdict =
  | { kind: 'public' }
  | { kind: 'loopback' }
  /** An address Zapier must not be pointed at; `what` names its range. */
  | { kind: 'internal'; what: string }
  /** A host written so that parsers may disagree on it; `why` says how, `fix` what to type instead. */
  | { kind: 'ambiguous'; why: string; fix: string };

const IPV4_RANGES: [prefix: string, bits: number, what: string][] = [
  ['0.0.0.0', 8, 'an unspecified address (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'a private address (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address (100.64.0.0/10)'],
  ['169.254.0.0', 16, 'a link-local address (169.254.0.0/16)'],
  ['172.16.0.0', 12, 'a private address (172.16.0.0/12)'],
  ['192.168.0.0', 16, 'a private address (192.168.0.0/16)'],
  ['224.0.0.0', 3, 'a multicast, reserved or broadcast address (224.0.0.0/3)'],
];

const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const DNS_LABEL = /^[a-z\d]([a-z\d-]*[a-z\d])?$/;
const MAX_LABEL = 63;
const MAX_NAME = 253;

function ipv4Number(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

function ipv4Verdict(address: string): HostVerdict {
  const value = ipv4Number(address);
  if (value >>> 24 === 127) return { kind: 'loopback' };
  const range = IPV4_RANGES.find(([prefix, bits]) => value >>> (32 - bits) === ipv4Number(prefix) >>> (32 - bits));
  return range ? { kind: 'internal', what: range[2] } : { kind: 'public' };
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (`::` compressed, no dotted tail). */
function hextets(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':').map((group) => parseInt(group, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function ipv6Verdict(address: string): HostVerdict {
  const [first = 0, second = 0, , , , sixth = 0, seventh = 0, last = 0] = hextets(address);
  const zeroUpTo = (count: number) =>
    hextets(address)
      .slice(0, count)
      .every((group) => group === 0);
  if (zeroUpTo(8)) return { kind: 'internal', what: 'the unspecified address (::)' };
  if (zeroUpTo(7) && last === 1) return { kind: 'loopback' };
  if ((first & 0xffc0) === 0xfe80) return { kind: 'internal', what: 'a link-local address (fe80::/10)' };
  if ((first & 0xffc0) === 0xfec0) return { kind: 'internal', what: 'a site-local address (fec0::/10)' };
  if ((first & 0xfe00) === 0xfc00) return { kind: 'internal', what: 'a private address (fc00::/7)' };
  if ((first & 0xff00) === 0xff00) return { kind: 'internal', what: 'a multicast address (ff00::/8)' };
  const mapped = zeroUpTo(5) && sixth === 0xffff;
  const compatible = zeroUpTo(6) && (seventh !== 0 || last > 1);
  const nat64 =
    first === 0x64 &&
    second === 0xff9b &&
    hextets(address)
      .slice(2, 6)
      .every((group) => group === 0);
  if (mapped || compatible || nat64) {
    return { kind: 'ambiguous', why: 'is an IPv4 address written inside an IPv6 one', fix: 'type the IPv4 address itself' };
  }
  return { kind: 'public' };
}

function nameVerdict(name: string): HostVerdict {
  if (name === 'localhost' || name.endsWith('.localhost')) return { kind: 'loopback' };
  const labels = name.split('.');
  const fix = 'check the address your provider gave you';
  if (name.length > MAX_NAME)
    return { kind: 'ambiguous', why: `is ${name.length} characters long (a DNS name has at most ${MAX_NAME})`, fix };
  const long = labels.find((label) => label.length > MAX_LABEL);
  if (long)
    return { kind: 'ambiguous', why: `has a part of ${long.length} characters (a DNS name's parts have at most ${MAX_LABEL})`, fix };
  if (!labels.every((label) => DNS_LABEL.test(label))) {
    return { kind: 'ambiguous', why: 'is not a DNS name', fix: 'type the host in letters, digits, hyphens and dots' };
  }
  if (labels.length < 2) return { kind: 'internal', what: 'a name without a dot (a local network name)' };
  return { kind: 'public' };
}

/** `typed` is the host as the user wrote it (brackets kept, user and port left out); `parsed` is `URL.hostname` of the same address. */
export function hostVerdict(typed: string, parsed: string): HostVerdict {
  if (typed.includes('%')) return { kind: 'ambiguous', why: 'has percent-encoding (%)', fix: 'type the host itself' };
  if (typed.endsWith('.')) return { kind: 'ambiguous', why: 'ends with a dot', fix: 'remove the dot at its end' };
  if (parsed.startsWith('[')) return ipv6Verdict(parsed.slice(1, -1));
  if (typed.toLowerCase() !== parsed) {
    return {
      kind: 'ambiguous',
      why: `is read as "${parsed}"`,
      fix: 'type the host as a name (e.g. portal.example.co.uk) or as four numbers from 0 to 255 with dots, without leading zeros',
    };
  }
  return DOTTED_QUAD.test(parsed) ? ipv4Verdict(parsed) : nameVerdict(parsed);
}
