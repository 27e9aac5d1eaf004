import { statusAnswer } from '../../src/providers/commpeak/api';
import commPeak from '../../src/providers/commpeak/integration';
import { COMMPEAK_ENDPOINTS } from '../endpoints/commpeak';
import { PROBE_TEXT, type ProviderProbe } from './probe';

/** A uuid no message has: the status lookup changes nothing. */
const MADE_UP_UUID = '00000000-0000-4000-8000-00000000b0be';

export const commPeakProbe: ProviderProbe = {
  definition: commPeak,
  endpoints: COMMPEAK_ENDPOINTS,
  answers: { 'POST /messages_status/': { schema: statusAnswer } },
  async readOnly(prober) {
    prober.skip('POST /simple_send/', 'it sends a text: needs --send-to <your own number> and PROBE_FROM (the sender)');
    // The connection test asks for the nil UUID: any answer but 401/403 or an outage passes.
    await prober.step('POST /messages_status/', 'authentication.test', {}, { credentialsOnly: true });
    await prober.step('POST /messages_status/', 'searches.find_message_status.operation.perform', {
      inputData: { message_uuid: MADE_UP_UUID },
    });
  },
  async writes(prober, asked) {
    const from = process.env.PROBE_FROM?.trim();
    if (asked.sendTo && from) {
      await prober.step('POST /simple_send/', 'creates.send_sms.operation.perform', {
        inputData: { from, to: asked.sendTo, text: PROBE_TEXT },
      });
    }
  },
};
