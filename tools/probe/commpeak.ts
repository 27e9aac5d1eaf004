import { statusAnswer } from '../../src/providers/commpeak/api';
import commPeak from '../../src/providers/commpeak/integration';
import { COMMPEAK_ENDPOINTS } from '../endpoints/commpeak';
import type { ProviderProbe } from './probe';

/** A uuid no message has: the status lookup changes nothing. */
const MADE_UP_UUID = '00000000-0000-4000-8000-00000000b0be';

export const commPeakProbe: ProviderProbe = {
  definition: commPeak,
  endpoints: COMMPEAK_ENDPOINTS,
  answers: { 'POST /messages_status/': { schema: statusAnswer } },
  async readOnly(prober) {
    prober.skip('POST /simple_send/', 'it sends a text: the probe never does');
    await prober.step('POST /messages_status/', 'authentication.test', {});
    await prober.step('POST /messages_status/', 'searches.find_message_status.operation.perform', {
      inputData: { message_uuid: MADE_UP_UUID },
    });
  },
};
