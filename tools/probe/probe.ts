import { createAppTester, type Bundle } from 'zapier-platform-core';
import type { z as schema } from 'zod';
import { endpointOf, type Endpoint } from '../endpoints';
import { compareAnswer, fits } from './compare';
import { redactAnswer } from './redact';

export type Result = 'confirmed' | 'not available' | 'differs' | 'refused' | 'failed' | 'skipped';

export interface Row {
  request: string;
  usedBy: readonly string[];
  documented: boolean;
  result: Result;
  detail: string;
  /** The first raw answer, redacted. */
  answer?: unknown;
}

export interface Call {
  method: string;
  url: string;
  status: number;
  content: string;
  /** Made by a step that only tests the credentials (e.g. a read of a record that cannot exist): its answer is not judged. */
  credentialsOnly?: boolean;
}

/** The schema an endpoint's answer is parsed with, and fields the code passes on beyond it. */
export interface AnswerCheck {
  schema: schema.ZodTypeAny;
  known?: readonly string[];
}

export interface Prober {
  /** Runs the integration's function at `path` (e.g. `triggers.site_list.operation.perform`) as a step would. */
  step<T>(
    request: Endpoint['request'],
    path: string,
    bundle: Partial<Record<keyof Bundle, unknown>>,
    options?: { credentialsOnly?: boolean },
  ): Promise<T | undefined>;
  /** Marks a request not probed, saying why. */
  skip(request: Endpoint['request'], reason: string): void;
}

export interface ProviderProbe {
  definition: object;
  endpoints: readonly Endpoint[];
  answers: Partial<Record<Endpoint['request'], AnswerCheck>>;
  /** The read-only steps, in order; each may use what the previous ones found. */
  readOnly(prober: Prober, authData: Record<string, string>): Promise<void>;
  /** The steps that change data, when asked for; each thing made and not removed goes into `left`. */
  writes?(prober: Prober, asked: WriteOptions, left: string[]): Promise<void>;
}

export interface WriteOptions {
  /** Create, read back, change and remove probe records. */
  write?: boolean;
  /** Subscribe a hook to this URL, then unsubscribe it. */
  hookUrl?: string;
  /** Send one text to this number (the user's own). */
  sendTo?: string;
}

/** The one text the probe sends, and only with --send-to. */
export const PROBE_TEXT = 'Zapier probe: a test text you asked for with npm run probe. No reply needed.';

/** The endpoint a request went to: the longest tail of its path that one of the list's paths matches. */
function endpointOfUrl(endpoints: readonly Endpoint[], method: string, url: string): Endpoint | undefined {
  const path = new URL(url).pathname;
  const starts = [...path.matchAll(/\//g)].map((match) => match.index ?? 0);
  for (const start of starts) {
    const found = endpointOf(endpoints, method, path.slice(start));
    if (found) return found;
  }
  return undefined;
}

function parsed(content: string): unknown {
  try {
    return content.trim() === '' ? undefined : JSON.parse(content);
  } catch {
    return content;
  }
}

function reasonOf(content: string): string {
  const body = parsed(content);
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const reason = record.message ?? record.detail ?? record.error;
    if (typeof reason === 'string') return reason;
  }
  return content.slice(0, 120);
}

/** One call's result, judged by its status and, for a 2xx, by the operation's own schema. */
function judge(call: Call, check: AnswerCheck | undefined): Pick<Row, 'result' | 'detail'> {
  const reason = reasonOf(call.content);
  if (call.status === 403 && /missing authentication token/i.test(reason)) return { result: 'not available', detail: `403 "${reason}"` };
  if (call.credentialsOnly && call.status !== 401 && call.status !== 403 && call.status < 500) {
    return { result: 'confirmed', detail: `HTTP ${call.status}: the credentials got past authentication` };
  }
  if (call.status === 404 || call.status === 405) return { result: 'not available', detail: `HTTP ${call.status}` };
  if (call.status === 401 || call.status === 403) return { result: 'refused', detail: `HTTP ${call.status} "${reason}"` };
  if (call.status === 400 || call.status === 422)
    return { result: 'differs', detail: `the request was refused: HTTP ${call.status} "${reason}"` };
  if (call.status < 200 || call.status >= 300) return { result: 'failed', detail: `HTTP ${call.status} "${reason}"` };
  if (!check) return { result: 'confirmed', detail: `HTTP ${call.status}` };
  const difference = compareAnswer(check.schema, parsed(call.content), check.known);
  if (fits(difference)) return { result: 'confirmed', detail: `HTTP ${call.status}, the answer fits its schema` };
  const said = [
    difference.missing.length > 0 ? `missing: ${difference.missing.join(', ')}` : '',
    difference.wrongType.length > 0 ? `of another type: ${difference.wrongType.join(', ')}` : '',
    difference.extra.length > 0 ? `new: ${difference.extra.join(', ')}` : '',
  ];
  return { result: 'differs', detail: said.filter(Boolean).join('; ') };
}

const SEVERITY: Result[] = ['confirmed', 'skipped', 'differs', 'failed', 'refused', 'not available'];

/** Runs the read-only steps through Zapier's runtime, and judges every request of the list. */
export async function probeProvider(
  provider: ProviderProbe,
  authData: Record<string, string>,
  asked: WriteOptions = {},
): Promise<{ rows: Row[]; left: string[] }> {
  const calls: Call[] = [];
  let credentialsOnly = false;
  const record = (response: { status: number; content: string; request: { method?: string; url: string } }) => {
    calls.push({
      method: (response.request.method ?? 'GET').toUpperCase(),
      url: response.request.url,
      status: response.status,
      content: response.content,
      credentialsOnly,
    });
    return response;
  };
  const definition = provider.definition as Record<string, unknown> & { afterResponse?: unknown[]; flags?: object };
  const app = {
    ...definition,
    afterResponse: [record, ...(definition.afterResponse ?? [])],
    flags: { ...definition.flags, skipHttpPatch: true },
  };
  const appTester = createAppTester(app);
  const skipped = new Map<string, string>();
  const failures = new Map<string, string>();
  const prober: Prober = {
    async step(request, path, bundle, options = {}) {
      let node: unknown = app;
      for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
      if (typeof node !== 'function') throw new Error(`The integration has no function at ${path}.`);
      const before = calls.length;
      credentialsOnly = options.credentialsOnly ?? false;
      try {
        return (await appTester(node as never, { authData, ...bundle } as never)) as never;
      } catch (error) {
        if (calls.length === before) failures.set(request, error instanceof Error ? error.message : String(error));
        return undefined;
      } finally {
        credentialsOnly = false;
      }
    },
    skip(request, reason) {
      skipped.set(request, reason);
    },
  };
  await provider.readOnly(prober, authData);
  const left: string[] = [];
  if (provider.writes && (asked.write || asked.hookUrl || asked.sendTo)) await provider.writes(prober, asked, left);

  const rows = provider.endpoints.map((endpoint): Row => {
    const base = { request: endpoint.request, usedBy: endpoint.usedBy, documented: endpoint.documented !== undefined };
    const mine = calls.filter((call) => endpointOfUrl(provider.endpoints, call.method, call.url) === endpoint);
    if (mine.length === 0) {
      const failure = failures.get(endpoint.request);
      if (failure) return { ...base, result: 'failed', detail: failure };
      return {
        ...base,
        result: 'skipped',
        detail: skipped.get(endpoint.request) ?? 'it changes data: needs --write (or --hook-url for subscriptions)',
      };
    }
    // An answer about a record that cannot exist says nothing of the answer's shape: the others come first.
    const ordered = [...mine.filter((call) => !call.credentialsOnly), ...mine.filter((call) => call.credentialsOnly)];
    const judged = ordered.map((call) => judge(call, provider.answers[endpoint.request]));
    const worst = judged.reduce((a, b) => (SEVERITY.indexOf(b.result) > SEVERITY.indexOf(a.result) ? b : a));
    return { ...base, ...worst, answer: redactAnswer(parsed(ordered[0]?.content ?? '')) };
  });
  return { rows, left };
}
