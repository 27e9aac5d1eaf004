import type { Reply } from './http';

/**
 * SANDBOX_DRIFT=1: some answers come back in a shape the integrations do not expect, as a provider
 * might change them, so `npm run probe -- <key> --sandbox` can be seen to report `differs`
 * naming the field: a renamed field, a string where a number was, a new field.
 */
type Body = Record<string, unknown>;
const each = (body: unknown, change: (item: Body) => Body): unknown => {
  if (Array.isArray(body)) return body.map((item) => change(item as Body));
  const page = body as Body;
  if (Array.isArray(page.content)) return { ...page, content: page.content.map((item) => change(item as Body)) };
  if (Array.isArray(page.data)) return { ...page, data: page.data.map((item) => change(item as Body)) };
  return change(page);
};

const DRIFTS: [method: string, path: RegExp, change: (body: unknown) => unknown][] = [
  // StratusTexting: a site's `name` renamed `siteName`.
  ['GET', /^\/stratustexting\/api\/sites$/, (body) => each(body, ({ name, ...site }) => ({ ...site, siteName: name }))],
  // StratusTexting: a message's `lastUpdated` (epoch ms) as a string.
  [
    'GET',
    /^\/stratustexting\/api\/message\/getmessagebyid\/[^/]+$/,
    (body) => each(body, (message) => ({ ...message, lastUpdated: String(message.lastUpdated) })),
  ],
  // StratusTexting: a field nobody knows on every contact.
  ['GET', /^\/stratustexting\/api\/contact\/all$/, (body) => each(body, (contact) => ({ ...contact, loyaltyTier: 'gold' }))],
  // SMS Extension: a sender id's `sender_id` renamed `senderName`.
  [
    'GET',
    /^\/sms-extension\/sender-id\/list$/,
    (body) => each(body, ({ sender_id: name, ...sender }) => ({ ...sender, senderName: name })),
  ],
  // SMS Extension: a field nobody knows beside the SMS list.
  ['GET', /^\/sms-extension\/sms\/list$/, (body) => ({ ...(body as Body), next_cursor: 'eyJpZCI6MX0' })],
];

/** The reply as the drifted provider would give it. */
export function drifted(method: string, path: string, reply: Reply): Reply {
  const drift = DRIFTS.find(([wanted, pattern]) => wanted === method && pattern.test(path));
  if (!drift || reply.status >= 300 || !reply.body) return reply;
  return { ...reply, body: JSON.stringify(drift[2](JSON.parse(reply.body))) };
}
