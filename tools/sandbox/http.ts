import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The small HTTP layer the sandbox's provider modules share: a parsed request, a reply value,
 * and a router that matches `METHOD /path/:param` in registration order.
 */

export interface SandboxRequest {
  method: string;
  /** The path without the query string, percent-decoding left to the route's params. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The route's `:name` segments, percent-decoded. */
  params: Record<string, string>;
  rawBody: string;
  /** The body's media type without parameters, lower-cased ('' when absent). */
  contentType: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** The answer is lost this way after the request was carried out (see faults.ts). */
  fault?: 'drop' | 'badGateway' | 'slow' | 'seeOther';
}

export type Handler = (request: SandboxRequest) => Reply | Promise<Reply>;

const MAX_BODY_BYTES = 1_000_000;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, page: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
}

export function redirect(status: 302 | 307, location: string): Reply {
  return { status, headers: { location } };
}

export function empty(status: number): Reply {
  return { status };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The body as JSON; `undefined` when empty, `{ invalid: true }` when it does not parse. */
export function jsonBody(request: SandboxRequest): { value: unknown } | { invalid: true; reason: string } {
  if (request.rawBody.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(request.rawBody) };
  } catch (cause) {
    return { invalid: true, reason: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** A form-encoded body as a plain object (the last value wins for a repeated name). */
export function formBody(request: SandboxRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.rawBody));
}

export async function readRequest(incoming: IncomingMessage): Promise<Omit<SandboxRequest, 'params'>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  const url = new URL(incoming.url ?? '/', 'http://sandbox.invalid');
  return {
    method: (incoming.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: incoming.headers,
    rawBody: Buffer.concat(chunks).toString('utf8'),
    contentType: (incoming.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
  };
}

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch = { handler: Handler; params: Record<string, string> } | { methodNotAllowed: string[] } | undefined;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Routes matched in the order they were added: add `/x/all` before `/x/:id`. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split('/'), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const segments = path.split('/');
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = this.paramsOf(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { methodNotAllowed: allowed } : undefined;
  }

  private paramsOf(pattern: string[], segments: string[]): Record<string, string> | undefined {
    if (pattern.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (let index = 0; index < pattern.length; index += 1) {
      const expected = pattern[index];
      if (expected.startsWith(':')) {
        const value = decode(segments[index]);
        if (value === undefined || value === '') return undefined;
        params[expected.slice(1)] = value;
      } else if (expected !== segments[index]) {
        return undefined;
      }
    }
    return params;
  }
}
