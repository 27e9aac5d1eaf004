import type { Endpoint } from './types';

/** CommPeak's requests (src/providers/commpeak/api.ts), under its base URL. */
export const COMMPEAK_ENDPOINTS: readonly Endpoint[] = [
  {
    request: 'POST /simple_send/',
    usedBy: ['Send SMS', 'Send Bulk SMS'],
    documented: 'Streams collection: "Send message", body `{"messages": [{internal_id, sender, recipient_phone, message_content}]}`',
    assumptions: ['cp-batch-size', 'cp-bulk-limit', 'cp-dedupe', 'cp-stated-failure'],
  },
  {
    request: 'POST /messages_status/',
    usedBy: ['Test the connection', 'Get Message Statuses', 'Find Message Status'],
    documented: 'Streams collection: "message status", body `{"message_uuids": [...]}`',
    assumptions: ['cp-status-shape', 'cp-status-limit', 'cp-connection-test'],
  },
];
