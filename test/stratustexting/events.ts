/** Helpers for the instant triggers' tests: what a step logged about the events it ignored, and contact events. */
import { api, BASE } from './support';

/** Runs `step` and answers its result with the lines it logged (z.console.log prints them too) about ignored events. */
export async function withIgnoredLog<T>(step: () => Promise<T>): Promise<{ result: T; ignored: string[] }> {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line).replace(/\n$/, ''));
  });
  try {
    const result = await step();
    return { result, ignored: lines.filter((line) => line.startsWith('StratusTexting event ignored')) };
  } finally {
    spy.mockRestore();
  }
}

/** Sam's contact (see ./contacts) as the contact triggers look it up: by his number, +19495550111, or by his id. */
export const SAM_BY_MOBILE = `${BASE}/contact/mobile/%2B19495550111`;
export const SAM_BY_ID = `${BASE}/contact/c-101`;

/** A contact event about Sam as the sandbox sends it (the shape is an assumption: the provider documents none). */
export const samEvent = (
  eventType: string | undefined,
  contactInfo: Record<string, unknown> = { contactId: 'c-101', mobileNumber: '+19495550111' },
  uuid = 'evt-3',
) => ({ uuid, timestamp: '2025-06-10T18:00:01.000Z', ...(eventType === undefined ? {} : { eventType }), contactInfo });

/** The lookups by number that find no current Sam: each contact trigger fires nothing for them. */
export const samLookupMisses = (apiContact: Record<string, unknown>): [string, () => void][] => [
  ['the contact is gone (404)', () => api().get(SAM_BY_MOBILE).reply(404, { message: 'No contact with mobile number +19495550111' })],
  [
    'the number now belongs to another contact',
    () =>
      api()
        .get(SAM_BY_MOBILE)
        .reply(200, { ...apiContact, id: 'c-999' }),
  ],
  ['the lookup answers nothing', () => api().get(SAM_BY_MOBILE).reply(200)],
];
