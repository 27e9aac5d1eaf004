import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { listSms } from '../../src/providers/sms-extension/api';
import { smsOutputFields, smsSample } from '../../src/providers/sms-extension/sms-output';

const HOUR_MS = 60 * 60 * 1000;
/** Each poll asks only for SMS sent in this window; Zapier drops the ids it has already seen. */
const POLL_WINDOW_MS = 24 * HOUR_MS;
/** A test in the Zap editor looks further back, so a quiet account still finds a sample. */
const SAMPLE_WINDOW_MS = 30 * 24 * HOUR_MS;

/** SMS Extension only. */
export default defineTrigger({
  key: 'new_sms',
  noun: 'SMS',
  display: {
    label: 'New SMS',
    description: 'Triggers when a new SMS appears in your message list.',
  },
  operation: {
    type: 'polling',
    perform: (z: ZObject, bundle: Bundle) => {
      const window = bundle.meta?.isLoadingSample ? SAMPLE_WINDOW_MS : POLL_WINDOW_MS;
      return listSms(z, bundle, { sentSince: new Date(Date.now() - window) });
    },
    sample: smsSample,
    outputFields: smsOutputFields,
  },
});
