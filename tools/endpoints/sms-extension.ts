import type { Endpoint } from './types';

const COLLECTION = 'Collection';
const CALLS = ['sx-paths', 'sx-headers'];

/** SMS Extension's requests (src/providers/sms-extension/api.ts), under the Base URL the user enters. */
export const SMS_EXTENSION_ENDPOINTS: readonly Endpoint[] = [
  {
    request: 'POST /oauth/token',
    usedBy: ['Connect (sign in, refresh)'],
    documented: `${COLLECTION}: "POST /oauth/token | grant_type | values: password, refresh_token"`,
    assumptions: ['sx-paths', 'sx-public-host', 'sx-refresh-token'],
  },
  {
    request: 'GET /sender-id/list',
    usedBy: ['Test the connection', 'New Sender ID', 'Sender ID Approved', 'Find Sender ID'],
    documented: `${COLLECTION}: "GET /sender-id/list"`,
    assumptions: [...CALLS, 'sx-sender-list', 'sx-case'],
  },
  {
    request: 'POST /sender-id/add',
    usedBy: ['Add Sender ID'],
    documented: `${COLLECTION}: "POST /sender-id/add | sender_id | alpha_numeric | required"`,
    assumptions: [...CALLS, 'sx-sender-length', 'sx-action-answer'],
  },
  {
    request: 'POST /sms/send',
    usedBy: ['Send SMS'],
    documented: `${COLLECTION}: "POST /sms/send | source | alpha_numeric | required (approved sender_id)", "destination | number", "text"`,
    assumptions: [...CALLS, 'sx-wire-number', 'sx-stated-failure', 'sx-text-limit', 'sx-422', 'sx-send-id', 'sx-action-answer'],
  },
  {
    request: 'GET /sms/list',
    usedBy: ['New SMS', 'Find SMS'],
    documented: `${COLLECTION}: "GET /sms/list | sender | receiver | sent_since | sent_until"`,
    assumptions: [...CALLS, 'sx-sms-list', 'sx-sms-record', 'sx-utc', 'sx-newest-first'],
  },
  {
    request: 'GET /sms/detail/{id}',
    usedBy: ['Find SMS (by id)'],
    documented: `${COLLECTION}: "GET /sms/detail/{id} | id | valid sms_id"`,
    assumptions: [...CALLS, 'sx-sms-detail', 'sx-sms-record'],
  },
  {
    request: 'POST /click-to-dial/dial',
    usedBy: ['Click to Dial'],
    documented: `${COLLECTION}: "POST /click-to-dial/dial | destination | Valid UK Number"`,
    assumptions: [...CALLS, 'sx-click-to-dial', 'sx-action-answer'],
  },
  {
    request: 'POST /click-to-dial-mask/dial',
    usedBy: ['Masked Click to Dial'],
    documented: `${COLLECTION}: "POST /click-to-dial-mask/dial | source | destination"`,
    assumptions: [...CALLS, 'sx-click-to-dial', 'sx-action-answer'],
  },
];
