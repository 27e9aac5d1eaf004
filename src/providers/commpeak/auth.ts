import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { messagesStatus } from './api';

/**
 * Custom auth: one stream API key, sent as the raw `Authorization` header (no scheme word).
 * CommPeak has no "who am I" call; the connection test asks for the status of a message that
 * cannot exist (the nil UUID, ASSUMPTION: CommPeak answers 200 or 404 for an unknown uuid once
 * the key is accepted). A 403 is a wrong key or the stream's IP allow-list; a 5xx is an outage,
 * reported as such and not as a wrong key.
 */

const PROBE_UUID = '00000000-0000-0000-0000-000000000000';

function apiKeyOf(bundle: Bundle): string {
  return String(bundle.authData?.api_key ?? '').trim();
}

function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const existing of Object.keys(headers)) {
    if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
  }
  headers[name] = value;
}

export const addCommPeakHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  const headers = { ...(request.headers as Record<string, string> | undefined) };
  const apiKey = apiKeyOf(bundle);
  if (apiKey !== '') setHeader(headers, 'Authorization', apiKey);
  setHeader(headers, 'Content-Type', 'application/json');
  setHeader(headers, 'Accept', 'application/json');
  return { ...request, headers };
};

export const authentication: Authentication = {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'The API key of the SMS stream Zapier should send through: in [my.commpeak.com](https://my.commpeak.com), open the stream under SMS (or TextPeak → Streams API) and copy its key. ' +
        "If the stream has an IP allow-list (IP ACL), turn it off for this key: Zapier's servers have no fixed addresses, so the stream would refuse them.",
    },
    {
      key: 'stream_name',
      label: 'Stream Name',
      type: 'string',
      required: false,
      helpText:
        "The stream's name as [my.commpeak.com](https://my.commpeak.com) shows it, e.g. `Marketing`: Zapier shows it to tell your CommPeak connections apart. It is not sent to CommPeak.",
    },
  ],
  test: async (z: ZObject) => {
    await messagesStatus(z, [PROBE_UUID], 'test the connection');
    return { connected: true };
  },
  // CommPeak has no call that names the account or the stream: the label is the name the user gave, never key material.
  connectionLabel: '{{bundle.authData.stream_name}}',
};
