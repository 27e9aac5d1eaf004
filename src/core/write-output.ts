/**
 * What an action that changes something returns (Zapier's publishing requirements §5.3: an id or a
 * status, not just a success message): the provider's answer as sent and our `status` for what was
 * done, with the provider's `reference` for it when the caller has no better one (null when the
 * answer names none). A `status` of the provider's own is kept as `provider_status`.
 */
export function writeOutput(answer: Record<string, unknown>, status: string, reference?: string | null): Record<string, unknown> {
  const { status: providerStatus, ...rest } = answer;
  return {
    ...rest,
    ...(providerStatus === undefined ? {} : { provider_status: providerStatus }),
    status,
    ...(reference === undefined ? {} : { reference }),
  };
}
