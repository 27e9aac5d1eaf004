import type { Bundle, ZObject } from 'zapier-platform-core';
import { version as platformVersion } from 'zapier-platform-core';

/**
 * The benchmark's yardstick: the smallest hand-written Zapier integration that sends an SMS,
 * core plus one `z.request`. The request (the very one an integration's Send SMS makes, captured
 * by the benchmark) comes whole in the step's input.
 */
const sendSms = {
  key: 'send_sms',
  noun: 'SMS',
  display: { label: 'Send SMS', description: 'Sends one request.' },
  operation: {
    inputFields: [{ key: 'url', required: true }, { key: 'method' }, { key: 'headers', dict: true }, { key: 'body' }],
    perform: async (z: ZObject, bundle: Bundle) => {
      const { url, method, headers, body } = bundle.inputData as {
        url: string;
        method: 'GET' | 'POST';
        headers: Record<string, string>;
        body?: string;
      };
      const response = await z.request({ url, method, headers, body: body === '' ? undefined : body });
      return response.data as object;
    },
    sample: { id: '1' },
  },
};

export = { version: '1.0.0', platformVersion, creates: { [sendSms.key]: sendSms } };
