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
