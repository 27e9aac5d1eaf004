/**
 * What the probe prints or writes never carries a credential or anyone's data: raw answers keep
 * their shape and field names, ids and status words; every other text becomes its length, and
 * every value of the connection's secrets is cut out of any text.
 */
const KEPT = /^(id|.*_id|.*Id|status|.*_status|direction|result|error|approved|active|type|last|expirationTime|.*_at|.*Date|lastUpdated)$/;
const PHONE_LIKE = /^\+?\d[\d\s().-]{6,}$/;

export function redactAnswer(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.slice(0, 3).map((item) => redactAnswer(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, redactAnswer(inner, name)]));
  }
  if (typeof value === 'string') {
    return KEPT.test(key) && !PHONE_LIKE.test(value) && !/token|secret|key|password/i.test(key)
      ? value
      : `<text, ${value.length} characters>`;
  }
  return value;
}

/** `text` without any of `secrets` (values shorter than 4 characters are not secrets). */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length >= 4)
    .sort((a, b) => b.length - a.length)
    .reduce((clean, secret) => clean.split(secret).join('[redacted]'), text);
}
