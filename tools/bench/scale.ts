import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ORG_ID } from '../sandbox/stratustexting/state';
import { step, type Loopback } from './fixtures';
import { childAnswer } from './invoke';
import { mb, type Row } from './report';

const SCALE_SIZES = [1_000, 10_000, 100_000];
/** Flat: the peak RSS at a size stays within this factor of the peak at the smallest size. */
const SCALE_BOUND = 1.1;
const CHILD = join(__dirname, 'scale-child.js');
const HOUR_MS = 60 * 60 * 1000;

/** Adds contacts and SMS to the sandbox until it holds `size` of each (beyond what it started with). */
function seed(loopback: Loopback, size: number, seeded: { contacts: number; sms: number }): void {
  const { stratustexting, smsExtension } = loopback.sandbox.state;
  const now = Date.now();
  for (let n = seeded.contacts; n < size; n += 1) {
    const id = `b${n.toString(16).padStart(23, '0')}`;
    stratustexting.contacts.set(id, {
      id,
      orgId: ORG_ID,
      firstName: `First${n}`,
      lastName: `Last${n}`,
      mobileNumber: `+1949${String(2_000_000 + n).padStart(7, '0')}`,
      email: `contact${n}@example.com`,
      company: 'Example Co',
      notes: null,
      customConsents: [],
      createdDate: new Date(now - (size - n) * 1000).toISOString(),
      lastUpdated: now,
    });
  }
  for (let n = seeded.sms; n < size; n += 1) {
    // Spread over the last 20 hours: every one is inside the poll's window.
    smsExtension.addSms(
      { sender: 'ACMESHOP', receiver: `4477${String(n).padStart(8, '0')}`, text: `Message ${n}` },
      new Date(now - (n % 20) * HOUR_MS - (n % 3600) * 1000),
    );
  }
  seeded.contacts = size;
  seeded.sms = size;
}

/** Peak RSS of a fresh process running the listing paths against a sandbox of 1k, 10k and 100k records. */
export async function measureScale(loopback: Loopback): Promise<Row[]> {
  const { fixtures, proxy } = loopback;
  const st = fixtures.stratustexting;
  const se = fixtures['sms-extension'];
  const listings = [
    { name: 'new_contact performList', appPath: st.appPath, step: step(st, 'triggers.new_contact.operation.performList') },
    { name: 'new_sms poll', appPath: se.appPath, step: step(se, 'triggers.new_sms.operation.perform') },
    {
      name: 'find_sms by sender',
      appPath: se.appPath,
      step: step(se, 'searches.find_sms.operation.perform', { inputData: { sender: 'ACMESHOP' } }),
    },
  ];
  const seeded = { contacts: 0, sms: 0 };
  const rows: Row[] = [];
  let smallest: number | undefined;
  for (const size of SCALE_SIZES) {
    seed(loopback, size, seeded);
    const mark = proxy.seen.length;
    const { stdout } = await promisify(execFile)(process.execPath, [CHILD], {
      env: { ...process.env, BENCH_SCALE: JSON.stringify(listings) },
    });
    const { maxRssBytes, counts } = childAnswer<{ maxRssBytes: number; counts: Record<string, number> }>(stdout);
    const requests = proxy.seen.length - mark;
    smallest ??= maxRssBytes;
    const returned = listings.map((listing) => counts[listing.name]).join('/');
    rows.push({
      figure: `scale: peak RSS, ${size.toLocaleString('en-US')} contacts and SMS (${requests} requests, ${returned} records returned)`,
      value: mb(maxRssBytes),
      bound: size === SCALE_SIZES[0] ? '(reference)' : `<= ${SCALE_BOUND}x ${mb(smallest)}`,
      pass: size === SCALE_SIZES[0] ? undefined : maxRssBytes <= SCALE_BOUND * smallest,
    });
  }
  return rows;
}
