import { errors } from 'zapier-platform-core';
import { messageOf } from './error-details';
import { inputError } from './input-error';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A provider base URL without its trailing slash; only HTTPS, or HTTP on this machine. */
export function checkedBaseUrl(raw: string, label: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw inputError(label, `"${raw}" is not a URL. Use the full address, starting with https://.`);
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
