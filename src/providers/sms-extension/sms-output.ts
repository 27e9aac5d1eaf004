import type { Sms } from './api';

/** What an SMS looks like in a Zap (the trigger's and the search's output). */
export const smsSample: Sms = {
  id: '48213',
  sender: 'ACMESHOP',
  receiver: '447400900123',
  text: 'Hi Sam, your order #1042 is ready for pickup.',
  status: 'delivered',
  sent_at: '2026-11-25T09:41:07.000Z',
};

export const smsOutputFields = [
  { key: 'id', label: 'SMS ID' },
  { key: 'sender', label: 'Sender' },
  { key: 'receiver', label: 'Receiver' },
  { key: 'text', label: 'Message' },
  { key: 'status', label: 'Status' },
  { key: 'sent_at', label: 'Sent At', type: 'datetime' as const },
];
