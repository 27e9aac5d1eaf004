import { BATCH_SIZE } from '../../src/providers/commpeak/api';
import { quietly, stepRunner, type StepEvent } from './invoke';
import { step, TOKEN_PATHS, type Loopback } from './fixtures';
import type { SeenRequest } from './counting-proxy';
import type { Row } from './report';

/** The sandbox's SMS Extension page size (tools/sandbox/sms-extension.ts PER_PAGE). */
const SANDBOX_SMS_PAGE = 15;
const BULK_MESSAGES = 250;
const POLLED_SMS = 40;

interface Counted {
  results: unknown;
  requests: SeenRequest[];
}

/** Israeli mobile numbers the sandbox accepts (none ending in its trouble-making 0000, 9999, 1111, nor its network faults 0444, 0502, 0504). */
function bulkRecipients(count: number): string[] {
  const numbers: string[] = [];
  for (let n = 4_200_000; numbers.length < count; n += 7) {
    const typed = `+972 52 ${n}`;
    if (!/(0000|9999|1111|0444|0502|0504)$/.test(typed)) numbers.push(typed);
  }
  return numbers;
}

/**
 * Request economy: each operation is run once through the Zapier runtime against the counting
 * proxy, and the requests that reached the loopback server are counted.
 */
export async function measureRequests(loopback: Loopback): Promise<{ rows: Row[]; sendSmsRequests: Record<string, SeenRequest> }> {
  const { fixtures, proxy, sandbox } = loopback;
  const runners = {
    stratustexting: stepRunner(fixtures.stratustexting.appPath),
    commpeak: stepRunner(fixtures.commpeak.appPath),
    'sms-extension': stepRunner(fixtures['sms-extension'].appPath),
  };
  const rows: Row[] = [];
  const sendSmsRequests: Record<string, SeenRequest> = {};
  const firstSeen = proxy.seen.length;

  const counted = async (key: keyof typeof runners, event: StepEvent): Promise<Counted> => {
    const mark = proxy.seen.length;
    const results = await quietly(() => runners[key](event));
    return { results, requests: proxy.seen.slice(mark) };
  };
  const row = (figure: string, requests: number, bound: number, exact = true) =>
    rows.push({
      figure: `requests: ${figure}`,
      value: String(requests),
      bound: exact ? `= ${bound}` : `<= ${bound}`,
      pass: exact ? requests === bound : requests <= bound,
    });
  const attempt = async (figure: string, measure: () => Promise<void>) => {
    try {
      await measure();
    } catch (error) {
      rows.push({
        figure: `requests: ${figure}`,
        value: `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        bound: '',
        pass: false,
      });
    }
  };

  // Send SMS, one per integration; its request is what the baseline replays.
  for (const key of ['stratustexting', 'commpeak', 'sms-extension'] as const) {
    await attempt(`${key} send_sms`, async () => {
      const sent = await counted(key, step(fixtures[key], 'creates.send_sms.operation.perform', { inputData: fixtures[key].sendSms }));
      sendSmsRequests[key] = sent.requests[sent.requests.length - 1];
      row(`${key} send_sms`, sent.requests.length, 1);
    });
  }

  const st = fixtures.stratustexting;
  await attempt('stratustexting upsert_contact', async () => {
    const upsert = await counted(
      'stratustexting',
      step(st, 'creates.upsert_contact.operation.perform', { inputData: { mobile: '(949) 555-0123', first_name: 'Sam' } }),
    );
    row('stratustexting upsert_contact', upsert.requests.length, 1);
  });
  await attempt('stratustexting find_contact', async () => {
    const find = await counted(
      'stratustexting',
      step(st, 'searches.find_contact.operation.perform', { inputData: { mobile: '(949) 555-0111' } }),
    );
    if (!Array.isArray(find.results) || find.results.length !== 1) throw new Error('find_contact did not find the seeded contact');
    row('stratustexting find_contact', find.requests.length, 1);
  });
  await attempt('stratustexting hook delivery (new_inbound_message)', async () => {
    const inbound = await fetch(`${sandbox.url}/stratustexting/_sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+19495550111', to: '+19495550100', text: 'Is my order ready?' }),
    });
    const { message } = (await inbound.json()) as { message: { id: string; lastUpdated: number } };
    const cleanedRequest = {
      uuid: 'bench',
      timestamp: new Date().toISOString(),
      messageInfo: { messageId: message.id, lastUpdated: message.lastUpdated },
    };
    const hook = await counted('stratustexting', step(st, 'triggers.new_inbound_message.operation.perform', { cleanedRequest }));
    if (!Array.isArray(hook.results) || hook.results.length !== 1) throw new Error('the hook did not return the message');
    row('stratustexting hook delivery (new_inbound_message)', hook.requests.length, 1, false);
  });
  await attempt('stratustexting new_contact performList (1 page)', async () => {
    const list = await counted('stratustexting', step(st, 'triggers.new_contact.operation.performList'));
    row('stratustexting new_contact performList (1 page)', list.requests.length, 1);
  });

  const cp = fixtures.commpeak;
  await attempt(`commpeak send_bulk_sms (${BULK_MESSAGES} messages)`, async () => {
    const bulk = await counted(
      'commpeak',
      step(cp, 'creates.send_bulk_sms.operation.perform', {
        inputData: { from: 'GLOBAL', to: bulkRecipients(BULK_MESSAGES), text: 'Sale today.' },
      }),
    );
    const { accepted_count: accepted } = bulk.results as { accepted_count: number };
    if (accepted !== BULK_MESSAGES) throw new Error(`${accepted} of ${BULK_MESSAGES} accepted`);
    row(
      `commpeak send_bulk_sms (${BULK_MESSAGES} messages, batch ${BATCH_SIZE})`,
      bulk.requests.length,
      Math.ceil(BULK_MESSAGES / BATCH_SIZE),
    );
  });
  await attempt('commpeak get_message_statuses', async () => {
    const uuids = [...loopback.sandbox.state.commpeak.messages.keys()].slice(0, 3);
    const status = await counted(
      'commpeak',
      step(cp, 'creates.get_message_statuses.operation.perform', { inputData: { message_uuids: uuids } }),
    );
    row(`commpeak get_message_statuses (${uuids.length} ids)`, status.requests.length, 1);
  });

  const se = fixtures['sms-extension'];
  await attempt('sms-extension new_sms poll', async () => {
    for (let n = 0; n < POLLED_SMS; n += 1)
      sandbox.state.smsExtension.addSms({ sender: 'ACMESHOP', receiver: `4474009${String(n).padStart(5, '0')}`, text: `Poll ${n}` });
    const poll = await counted('sms-extension', step(se, 'triggers.new_sms.operation.perform'));
    const found = (poll.results as unknown[]).length;
    const pages = Math.max(1, Math.ceil(found / SANDBOX_SMS_PAGE));
    row(`sms-extension new_sms poll (${found} SMS, ${pages} pages)`, poll.requests.length, pages);
  });
  await attempt('sms-extension find_sms by id', async () => {
    const id = String(sandbox.state.smsExtension.sms[0].id);
    const find = await counted('sms-extension', step(se, 'searches.find_sms.operation.perform', { inputData: { id } }));
    row('sms-extension find_sms by id', find.requests.length, 1);
  });

  await attempt('sms-extension find_sms by sender', async () => {
    // Zapier uses a search's first result only, and the list answers newest first: one page is enough.
    const find = await counted('sms-extension', step(se, 'searches.find_sms.operation.perform', { inputData: { sender: 'ACMESHOP' } }));
    row(`sms-extension find_sms by sender (${POLLED_SMS}+ matching SMS)`, find.requests.length, 1);
  });

  const tokenRequests = proxy.seen.slice(firstSeen).filter((seen) => TOKEN_PATHS.some((path) => seen.url.startsWith(path))).length;
  rows.push({
    figure: 'requests: token requests while tokens are valid (all of the above)',
    value: String(tokenRequests),
    bound: '= 0',
    pass: tokenRequests === 0,
  });
  return { rows, sendSmsRequests };
}
