import { errors } from 'zapier-platform-core';
import { messageOf } from './error-details';
import { inputError } from './input-error';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What an address carries beyond scheme, host and path; `url.username` covers `user:password@` too. */
function extrasOf(url: URL, raw: string): string[] {
  return [
    url.username !== '' || url.password !== '' || raw.includes('@') ? 'a user name or password' : '',
    url.search !== '' || raw.includes('?') ? 'a query (?…)' : '',
    url.hash !== '' || raw.includes('#') ? 'a fragment (#…)' : '',
  ].filter((extra) => extra !== '');
}

/**
 * A provider base URL without its trailing slash; only HTTPS, or HTTP on this machine. An address
 * carrying a user, password, query or fragment is refused without being quoted: it may hold a
 * secret, and every request built on it would send or log that secret.
 */
export function checkedBaseUrl(raw: string, label: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    const shown = raw.includes('@') ? 'This address' : `"${raw}"`;
    throw inputError(label, `${shown} is not a URL. Use the full address, starting with https://.`);
  }
  const extras = extrasOf(url, raw);
  if (extras.length > 0) {
    throw inputError(
      label,
      `the address must be only https://, the host and any path, but it carries ${extras.join(' and ')}. Remove that part; credentials go in their own fields.`,
    );
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw inputError(label, `"${raw}" must start with https:// (plain HTTP is allowed only for localhost).`);
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
