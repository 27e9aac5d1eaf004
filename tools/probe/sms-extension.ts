import { senderIdList, smsDetail, smsPage, tokenAnswer } from '../../src/providers/sms-extension/api';
import smsExtension from '../../src/providers/sms-extension/integration';
import { SMS_EXTENSION_ENDPOINTS } from '../endpoints/sms-extension';
import { PROBE_TEXT, type ProviderProbe } from './probe';

/** Fields of an SMS record the code reads beside its id (src/providers/sms-extension/api.ts `toSms`). */
const SMS_FIELDS = ['sender', 'receiver', 'source', 'destination', 'text', 'message', 'status', 'sent_at', 'created_at'];
/** Fields of a sender id record the code reads (`senderNameOf`, `approvalOf`). */
const SENDER_FIELDS = [
  'id',
  'sender_id',
  'name',
  'sender',
  'approved',
  'is_approved',
  'approval_status',
  'status',
  'created_at',
  'updated_at',
];
const PAGINATOR = [
  'current_page',
  'per_page',
  'total',
  'from',
  'to',
  'last_page',
  'prev_page_url',
  'first_page_url',
  'last_page_url',
  'path',
  'meta',
];

/** The first approved sender id the read-only steps found: the sender of the one text. */
let approvedSender: string | undefined;

export const smsExtensionProbe: ProviderProbe = {
  definition: smsExtension,
  endpoints: SMS_EXTENSION_ENDPOINTS,
  answers: {
    'POST /oauth/token': { schema: tokenAnswer, known: ['token_type'] },
    'GET /sender-id/list': { schema: senderIdList, known: SENDER_FIELDS },
    'GET /sms/list': { schema: smsPage, known: [...SMS_FIELDS, ...PAGINATOR] },
    'GET /sms/detail/{id}': { schema: smsDetail, known: SMS_FIELDS },
  },
  async readOnly(prober, authData) {
    prober.skip('POST /sms/send', 'it sends a text: needs --send-to <your own number>');
    for (const call of ['POST /click-to-dial/dial', 'POST /click-to-dial-mask/dial'] as const)
      prober.skip(call, 'it rings a phone: the probe never does');
    prober.skip('POST /sender-id/add', 'a sender id cannot be removed once asked for: the probe never adds one');
    const session = await prober.step<Record<string, string>>('POST /oauth/token', 'authentication.sessionConfig.perform', {});
    Object.assign(authData, session);
    await prober.step('GET /sender-id/list', 'authentication.test', {});
    const senders = await prober.step<Record<string, unknown>[]>('GET /sender-id/list', 'triggers.new_sender_id.operation.perform', {});
    approvedSender = senders?.find((sender) => sender.approved === true)?.sender_id as string | undefined;
    const sms = await prober.step<Record<string, unknown>[]>('GET /sms/list', 'triggers.new_sms.operation.perform', {});
    const id = sms?.[0]?.id;
    if (typeof id === 'string') await prober.step('GET /sms/detail/{id}', 'searches.find_sms.operation.perform', { inputData: { id } });
    else prober.skip('GET /sms/detail/{id}', 'no SMS in the history to look up');
  },
  async writes(prober, asked) {
    const from = process.env.PROBE_FROM?.trim() || approvedSender;
    if (asked.sendTo && from) {
      await prober.step('POST /sms/send', 'creates.send_sms.operation.perform', {
        inputData: { from, to: asked.sendTo, text: PROBE_TEXT },
      });
    }
  },
};
