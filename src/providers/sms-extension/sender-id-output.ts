import type { SenderId } from './api';

/** What a sender id looks like in a Zap (New Sender ID's and Find Sender ID's output). */
export const senderIdSample: SenderId = { id: '12', sender_id: 'ACMESHOP', approved: true, approval_status: 'approved' };

export const senderIdOutputFields = [
  { key: 'id', label: 'ID' },
  { key: 'sender_id', label: 'Sender ID' },
  { key: 'approved', label: 'Approved for Sending', type: 'boolean' as const },
  { key: 'approval_status', label: 'Approval Status' },
];
