import { errors } from 'zapier-platform-core';
import { messageOf } from './error-details';
import { inputError } from './input-error';
import { hostVerdict } from './public-host';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What an address carries beyond scheme, host and path; `url.username` covers `user:password@` too. */
function extrasOf(url: URL, raw: string): string[] {
  return [
    url.username !== '' || url.password !== '' || raw.includes('@') ? 'a user name or password' : '',
    url.search !== '' || raw.includes('?') ? 'a query (?…)' : '',
    url.hash !== '' || raw.includes('#') ? 'a fragment (#…)' : '',
  ].filter((extra) => extra !== '');
}

function notAUrl(raw: string, label: string): Error {
  const shown = raw.includes('@') ? 'This address' : `"${raw}"`;
  return inputError(label, `${shown} is not a URL. Use the full address, starting with https://.`);
}

/**
 * `raw` parsed, refused when it is no URL or carries a user, password, query or fragment. Such an
 * address is not quoted: it may hold a secret, and every request built on it would send or log it.
 */
function parsedAddress(raw: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw notAUrl(raw, label);
  }
  const extras = extrasOf(url, raw);
  if (extras.length > 0) {
    throw inputError(
      label,
      `the address must be only https://, the host and any path, but it carries ${extras.join(' and ')}. Remove that part; credentials go in their own fields.`,
    );
  }
  return url;
}

/** A provider base URL set by the deployment, without its trailing slash; only HTTPS, or HTTP on this machine. */
export function checkedBaseUrl(raw: string, label: string): string {
  const url = parsedAddress(raw, label);
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw inputError(label, `"${raw}" must start with https:// (plain HTTP is allowed only for localhost).`);
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * Loopback addresses in a base URL a user types are allowed only when this deployment setting is
 * "1", as the sandbox, the tests and the tour set it. It is an environment variable, which only
 * the integration's admin sets: nothing in a Zap or a connection can switch it on.
 */
export const LOOPBACK_SETTING = 'ALLOW_LOOPBACK_BASE_URL';

/** The host of an address as typed, between `//` and the first `/`, `?` or `#`, without user or port. */
function typedHost(text: string): string | undefined {
  const authority = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(text)?.[1];
  if (authority === undefined) return undefined;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
}

/**
 * A base URL a user types, without its trailing slash: HTTPS to a public host, written so that
 * every parser reads the same host. Private, link-local, unspecified and (unless LOOPBACK_SETTING
 * allows it) loopback addresses are refused, as are numeric hosts other than a dotted quad or a
 * bracketed IPv6 address, percent-encoding, a trailing dot, backslashes and over-long names.
 */
export function checkedTypedBaseUrl(raw: string, label: string): string {
  if (raw.includes('\\')) {
    throw inputError(
      label,
      `"${raw}" has a backslash (\\), which URL parsers read differently. Write the address with forward slashes (/).`,
    );
  }
  const url = parsedAddress(raw, label);
  const host = typedHost(raw.trim());
  if (host === undefined) throw notAUrl(raw, label);
  const verdict = hostVerdict(host, url.hostname);
  if (verdict.kind === 'ambiguous')
    throw inputError(label, `the host of "${raw}" ${verdict.why}, so it may be read as another host: ${verdict.fix}.`);
  if (verdict.kind === 'internal') {
    throw inputError(
      label,
      `"${raw}" points at ${verdict.what}, which Zapier does not call. Use the public https:// address your provider gave you.`,
    );
  }
  const loopbackAllowed = verdict.kind === 'loopback' && process.env[LOOPBACK_SETTING] === '1';
  if (verdict.kind === 'loopback' && !loopbackAllowed) {
    throw inputError(
      label,
      `"${raw}" points at the machine Zapier runs on (loopback), which Zapier does not call. Use the public https:// address your provider gave you.`,
    );
  }
  if (url.protocol !== 'https:' && !(loopbackAllowed && url.protocol === 'http:')) {
    throw inputError(label, `"${raw}" must start with https://.`);
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * A base URL from the integration's environment (`fallback` when unset), checked as above. A bad
 * one is the integration admin's to fix, not the Zap user's, and the error says so.
 */
export function checkedSettingUrl(name: string, fallback: string): string {
  const value = process.env[name]?.trim() || fallback;
  try {
    return checkedBaseUrl(value, name);
  } catch (cause) {
    throw new errors.Error(
      `This integration is misconfigured: ${messageOf(cause)} An integration admin corrects it with \`zapier-platform env:set\`.`,
      'misconfigured',
      500,
    );
  }
}

/**
 * An id placed in a request path, checked first: an empty id, `.`, a `/` or a `..` would address
 * another resource than the one meant. `field` is the label the user knows the id by.
 */
export function pathSegment(id: string, field: string): string {
  const value = id.trim();
  if (value === '' || value === '.' || value.includes('..') || /[/\\]/.test(value)) {
    throw inputError(field, `"${id}" cannot be an id: an id is not empty or ".", and has no "/", "\\" or "..". Enter the id itself.`);
  }
  return encodeURIComponent(value);
}
