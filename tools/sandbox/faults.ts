import type { ServerResponse } from 'node:http';
import { html, type Reply } from './http';

/**
 * The sandbox failing like a network after it has accepted a send: the message is stored (and
 * shows in the sandbox's state and lookups), but its answer is lost or replaced. A recipient whose number
 * ends in one of these provokes it, on every provider's send:
 * - 0444 (nginx's "no response"): the connection is dropped without an answer;
 * - 0502: a proxy's HTML "502 Bad Gateway" page comes back instead of the answer;
 * - 0504: the answer comes, but only after `slowAnswerMs` (30 s by default, beyond the integrations' 25 s);
 * - 0303: a 303 See Other comes instead of the answer, to SEE_OTHER_PATH (where a GET finds nothing).
 */
export type Fault = NonNullable<Reply['fault']>;
export const FAULT_SUFFIXES = { drop: '0444', badGateway: '0502', slow: '0504', seeOther: '0303' } as const satisfies Record<Fault, string>;

/** Where a 303 fault points: a path the sandbox does not serve, so a send that followed it as a GET would read a 404. */
export const SEE_OTHER_PATH = '/see-other';

/** 30 seconds: longer than the integrations wait (25 s), shorter than Zapier's 30 s step limit plus margin. */
export const DEFAULT_SLOW_ANSWER_MS = 30_000;

/** The fault the first recipient with a fault suffix asks for, if any. */
export function faultFor(recipients: readonly string[]): Fault | undefined {
  const entries = Object.entries(FAULT_SUFFIXES) as [Fault, string][];
  for (const recipient of recipients) {
    const found = entries.find(([, suffix]) => recipient.endsWith(suffix));
    if (found) return found[0];
  }
  return undefined;
}

/** `reply`, to be lost in the way `recipients` ask for. */
export function withFault(reply: Reply, recipients: readonly string[]): Reply {
  const fault = faultFor(recipients);
  return fault ? { ...reply, fault } : reply;
}

const BAD_GATEWAY_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** Writes `reply` to `response`, or loses it as its fault says. */
export function deliver(response: ServerResponse, reply: Reply, slowAnswerMs: number): void {
  const write = (answer: Reply) => {
    if (response.destroyed) return;
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };
  if (reply.fault === 'drop') response.socket?.destroy();
  else if (reply.fault === 'badGateway') write(html(502, BAD_GATEWAY_PAGE));
  else if (reply.fault === 'slow') setTimeout(() => write(reply), slowAnswerMs).unref();
  else if (reply.fault === 'seeOther') write({ status: 303, headers: { location: SEE_OTHER_PATH } });
  else write(reply);
}
