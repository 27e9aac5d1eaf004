import { errors, type HttpRequestOptions, type ZObject } from 'zapier-platform-core';
import type { ZodType } from 'zod';
import { providerError, type CallContext } from './provider-errors';

export type ProviderRequest = HttpRequestOptions & { url: string };

const TIMEOUT_MS = 30_000;

function parseJson(content: string): unknown {
  if (content.trim() === '') return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

async function send(z: ZObject, request: ProviderRequest, context: CallContext) {
  try {
    return await z.request({
      timeout: TIMEOUT_MS,
      ...request,
      skipThrowForStatus: true,
      // Our own 429 handling reads Retry-After and names the provider; core's would not.
      throwForThrottlingEarly: false,
    } as ProviderRequest);
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'FetchError') {
      throw new errors.Error(
        `Could not reach ${context.provider} for "${context.action}": ${cause.message}. Try again later.`,
        'provider_unreachable',
        503,
      );
    }
    throw cause;
  }
}

function parseAnswer<T>(content: string, schema: ZodType<T>, context: CallContext, status: number): T {
  const body = parseJson(content);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
  throw new errors.Error(
    `${context.provider} answered "${context.action}" with a response this integration does not understand (${where}).`,
    'unexpected_response',
    status,
  );
}

/**
 * Sends one request to a provider and returns its body parsed by `schema`. Every HTTP error
 * becomes a Zapier error naming the provider, the action and the provider's reason.
 */
export async function callProvider<T>(
  z: ZObject,
  request: ProviderRequest,
  schema: ZodType<T>,
  context: CallContext,
): Promise<T> {
  const response = await send(z, request, context);
  if (response.status >= 400) throw providerError(response, context);
  return parseAnswer(response.content, schema, context, response.status);
}

/** As callProvider, but a 404 answers null: for lookups where "not there" is a normal result. */
export async function callProviderOrNull<T>(
  z: ZObject,
  request: ProviderRequest,
  schema: ZodType<T>,
  context: CallContext,
): Promise<T | null> {
  const response = await send(z, request, context);
  if (response.status === 404) return null;
  if (response.status >= 400) throw providerError(response, context);
  return parseAnswer(response.content, schema, context, response.status);
}
