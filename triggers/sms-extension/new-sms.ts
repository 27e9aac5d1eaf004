import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { optionalText, parseInput, type InputShape } from '../../src/core/input';
import { listSms } from '../../src/providers/sms-extension/api';
import { smsListFilter } from '../../src/providers/sms-extension/sms-filters';
import { smsOutputFields, smsSample } from '../../src/providers/sms-extension/sms-output';

const HOUR_MS = 60 * 60 * 1000;
/** Each poll asks only for SMS sent in this window; Zapier drops the ids it has already seen. */
const POLL_WINDOW_MS = 24 * HOUR_MS;
/** A test in the Zap editor looks further back, so a quiet account still finds a sample. */
const SAMPLE_WINDOW_MS = 30 * 24 * HOUR_MS;

const inputFields = defineInputFields([
  {
    key: 'sender',
    label: 'Sender',
    required: false,
    type: 'string',
    helpText:
      'Only SMS from this sender: a sender id such as `ACMESHOP`, or a phone number such as `07400 900123`. Leave blank for every sender.',
  },
  {
    key: 'receiver',
    label: 'Receiver',
    required: false,
    type: 'string',
    helpText:
      'Only SMS to this phone number, e.g. `07400 900123` or `+1 949 555 0111` (a number without a country code is read as a UK one). Leave blank for every receiver.',
  },
]);

const inputShape = schema.object({ sender: optionalText(), receiver: optionalText() } satisfies InputShape<typeof inputFields>);

/** SMS Extension only. */
export default defineTrigger({
  key: 'new_sms',
  noun: 'SMS',
  display: {
    label: 'New SMS',
    description: 'Triggers when a new SMS appears in your message list, optionally only from one sender or to one receiver.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform: (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, inputFields);
      const window = bundle.meta?.isLoadingSample ? SAMPLE_WINDOW_MS : POLL_WINDOW_MS;
      return listSms(z, bundle, {
        sender: smsListFilter(input.sender, 'Sender'),
        receiver: smsListFilter(input.receiver, 'Receiver'),
        sentSince: new Date(Date.now() - window),
      });
    },
    sample: smsSample,
    outputFields: smsOutputFields,
  },
});
