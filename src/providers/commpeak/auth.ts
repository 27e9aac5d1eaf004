import { errors, type Authentication, type BeforeRequestMiddleware, type Bundle, type ZObject } from 'zapier-platform-core';
import { passedAuthentication } from '../../core/connection-check';
import { unsendableCharacter } from '../../core/header-value';
import { withoutRuntimeContext } from '../../core/provider-errors';
import { messagesStatus, PROVIDER } from './api';

/**
 * Custom auth: one stream API key, sent as the raw `Authorization` header (no scheme word).
 * CommPeak has no "who am I" call; the connection test asks for the status of a message that
 * cannot exist (the nil UUID). ASSUMPTION: [cp-connection-test] how CommPeak answers an unknown uuid is not documented, so the
 * answer itself is not judged: 401 and 403 mean the key was refused (403 may also be the stream's
 * IP allow-list), a 5xx, a timeout or no connection is an outage, reported as such, and any other
 * answer (a 2xx of any shape, 400, 404, 422…) means the key got past authentication.
 */

const PROBE_UUID = '00000000-0000-0000-0000-000000000000';

/** The key as sent: trimmed of the blanks a paste leaves, and refused when a header cannot carry it. */
function apiKeyOf(bundle: Bundle): string {
  const typed = String(bundle.authData?.api_key ?? '');
  const where = unsendableCharacter(typed, { trimmed: true });
  if (where) {
    throw withoutRuntimeContext(
      new errors.ExpiredAuthError(
        `The API Key of this ${PROVIDER} connection has a character an HTTP header cannot carry ${where}, so nothing was sent. Copy the stream's API key again from my.commpeak.com (a paste can bring invisible characters along) and reconnect ${PROVIDER}.`,
      ),
    );
  }
  return typed.trim();
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
      helpText: `The stream's name as [my.commpeak.com](https://my.commpeak.com) shows it, e.g. \`Marketing\`: Zapier shows it to tell your ${PROVIDER} connections apart. It is not sent to ${PROVIDER}.`,
    },
  ],
  test: async (z: ZObject) => {
    await passedAuthentication(() => messagesStatus(z, [PROBE_UUID], 'test the connection'));
    return { connected: true };
  },
  // CommPeak has no call that names the account or the stream: the label is the name the user gave, never key material.
  connectionLabel: '{{bundle.authData.stream_name}}',
};
