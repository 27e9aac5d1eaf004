import { NOTHING_TO_REPORT } from '../support/send-output';
import { z as schema } from 'zod';
import { defineApp, type Bundle, type ZObject } from 'zapier-platform-core';
import { release } from '../../src/core/release';
import { sendSmsCreate, type SmsChannel } from '../../src/core/send-sms';
import { appError, inputProblem, rejection } from '../support/errors';
import { runner } from '../support/run';

interface SentMessage {
  from: string;
  to: string[];
  text: string;
}

/** A provider stand-in that records what the shared create asks it to send. */
function fakeChannel(overrides: Partial<SmsChannel> = {}) {
  const sent: SentMessage[] = [];
  const channel: SmsChannel = {
    provider: 'Acme SMS',
    fromField: { key: 'from', label: 'From', required: true, helpText: 'The sender ID or number to send from.' },
    maxRecipients: 3,
    recipientFormat: 'e164',
    send: async (_z: ZObject, _bundle: Bundle, message: SentMessage) => {
      sent.push(message);
      return { message_id: `msg_${sent.length}`, status: 'queued' };
    },
    sample: { message_id: 'msg_1' },
    outputFields: [{ key: 'message_id', label: 'Message ID' }],
    ...overrides,
  };
  const create = sendSmsCreate(channel);
  const integration = runner(defineApp({ ...release, creates: { [create.key]: create } }));
  const run = (inputData: Record<string, unknown>) => integration.create(create.key, { inputData });
  return { sent, create, fields: create.operation.inputFields ?? [], run };
}

/** The input problem a step with `inputData` stops at, having sent nothing. */
async function problemWith(inputData: Record<string, unknown>, overrides: Partial<SmsChannel> = {}) {
  const { sent, run } = fakeChannel(overrides);
  const error = await rejection(run(inputData));
  expect(sent).toEqual([]);
  return appError(error);
}

const helpOf = (fields: readonly { key: string; helpText?: string }[], key: string) => fields.find((field) => field.key === key)?.helpText;

describe('sendSmsCreate', () => {
  describe('recipients', () => {
    it('normalises each number to E.164 for an E.164 channel, using the default country', async () => {
      const { sent, run } = fakeChannel();
      await run({ from: 'Acme', to: '(949) 555-0100, +44 7400 900123', text: 'Hello', default_country: 'US' });
      expect(sent).toEqual([{ from: 'Acme', to: ['+19495550100', '+447400900123'], text: 'Hello' }]);
    });

    it('writes numbers as international digits for a digits channel', async () => {
      const { sent, run } = fakeChannel({ recipientFormat: 'digits' });
      await run({ from: 'Acme', to: '07400 900123', text: 'Hello', default_country: ' GB ' });
      expect(sent).toEqual([{ from: 'Acme', to: ['447400900123'], text: 'Hello' }]);
    });

    it("falls back on the channel's default country when the step names none", async () => {
      const { sent, run } = fakeChannel({ defaultCountry: 'GB' });
      await run({ from: 'Acme', to: '07400 900123', text: 'Hello', default_country: '' });
      expect(sent).toEqual([{ from: 'Acme', to: ['+447400900123'], text: 'Hello' }]);
    });

    it("prefers the step's default country over the channel's", async () => {
      const { sent, run } = fakeChannel({ defaultCountry: 'GB' });
      await run({ from: 'Acme', to: '(949) 555-0100', text: 'Hello', default_country: 'US' });
      expect(sent).toEqual([{ from: 'Acme', to: ['+19495550100'], text: 'Hello' }]);
    });

    it('takes line items, each of which may hold several numbers', async () => {
      const { sent, run } = fakeChannel();
      await run({ from: 'Acme', to: ['+1 949 555 0100', '+44 7400 900123\n+1 (212) 555-0100'], text: 'Hello' });
      expect(sent).toEqual([{ from: 'Acme', to: ['+19495550100', '+447400900123', '+12125550100'], text: 'Hello' }]);
    });

    it('refuses more numbers than the provider takes, before sending', async () => {
      expect(await problemWith({ from: 'Acme', to: '+19495550100, +19495550101, +19495550102; +19495550103', text: 'Hi' })).toEqual(
        inputProblem('To (one or more numbers): Give at most 3 phone numbers.'),
      );
    });

    it("refuses a sender the provider's own rule rejects, naming the field, before anything is sent", async () => {
      expect(
        await problemWith(
          { from: 'acme', to: '+19495550100', text: 'Hi' },
          { fromShape: schema.string().regex(/^[A-Z]+$/, { message: 'capital letters only.' }) },
        ),
      ).toEqual(inputProblem('From: capital letters only.'));
    });

    it('refuses a second number where the provider sends to one', async () => {
      expect(await problemWith({ from: 'Acme', to: '+19495550100, +19495550101', text: 'Hi' }, { maxRecipients: 1 })).toEqual(
        inputProblem('To: Give one phone number only.'),
      );
    });

    it.each([
      ['missing', undefined],
      ['blank', ' , \n'],
      ['an empty list', []],
    ])('asks for a number when the field is %s', async (_what, to) => {
      expect(await problemWith({ from: 'Acme', to, text: 'Hi' })).toEqual(
        inputProblem('To (one or more numbers): At least one phone number is required.'),
      );
    });

    it('refuses what is not a phone number, quoting it', async () => {
      expect(await problemWith({ from: 'Acme', to: '+19495550100, banana', text: 'Hi' })).toEqual(
        inputProblem(
          'To (one or more numbers): "banana" is not a phone number. Include the country code (for example +1 for the US) or set Default Country.',
        ),
      );
    });

    it("refuses a number outside the channel's country", async () => {
      expect(await problemWith({ from: 'Acme', to: '+44 7400 123456', text: 'Hi' }, { recipientCountry: 'US' })).toEqual(
        inputProblem('To (one or more numbers): "+44 7400 123456" is not a US phone number.'),
      );
    });

    it("reads national numbers in the channel's country when no default country is given", async () => {
      const { sent, run } = fakeChannel({ recipientCountry: 'US' });
      await run({ from: 'Acme', to: '(949) 555-0100', text: 'Hi' });
      expect(sent).toEqual([{ from: 'Acme', to: ['+19495550100'], text: 'Hi' }]);
    });

    it('refuses a default country that is not a two-letter code', async () => {
      const { run } = fakeChannel();
      const error = await rejection(run({ from: 'Acme', to: '(949) 555-0100', text: 'Hi', default_country: 'USA' }));
      expect(appError(error)).toEqual(inputProblem('Default Country: "USA" is not a two-letter country code (for example US or GB).'));
    });
  });

  describe('sender and text', () => {
    it('sends the sender and the text trimmed', async () => {
      const { sent, run } = fakeChannel();
      await run({ from: ' Acme ', to: '+19495550100', text: '  Your code is 1234\n' });
      expect(sent).toEqual([{ from: 'Acme', to: ['+19495550100'], text: 'Your code is 1234' }]);
    });

    it('asks for a sender', async () => {
      expect(await problemWith({ from: '  ', to: '+19495550100', text: 'Hi' })).toEqual(inputProblem('From: The sender is required.'));
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['blank', ' \n '],
    ])('asks for the message when it is %s', async (_what, text) => {
      expect(await problemWith({ from: 'Acme', to: '+19495550100', text })).toEqual(inputProblem('Message: The message is required.'));
    });

    const CODE_POINTS = { maxTextLength: { limit: 320, counts: 'code points' } } as const;
    const UTF16_UNITS = { maxTextLength: { limit: 320, counts: 'UTF-16 units' } } as const;

    it("refuses a message longer than the provider's limit, saying how long it is", async () => {
      expect(await problemWith({ from: 'Acme', to: '+19495550100', text: 'a'.repeat(321) }, CODE_POINTS)).toEqual(
        inputProblem('Message: The message is longer than 320 characters (321).'),
      );
    });

    it('sends a message of exactly the limit, blanks around it not counted', async () => {
      const { sent, run } = fakeChannel(CODE_POINTS);
      await run({ from: 'Acme', to: '+19495550100', text: ` ${'a'.repeat(320)} ` });
      expect(sent).toEqual([{ from: 'Acme', to: ['+19495550100'], text: 'a'.repeat(320) }]);
    });

    // 😀 (U+1F600) is one code point and two UTF-16 units; 👍🏽 is two code points and four units.
    it.each([
      { counts: CODE_POINTS, text: `${'a'.repeat(319)}😀`, length: 320 },
      { counts: CODE_POINTS, text: '😀'.repeat(320), length: 320 },
      { counts: CODE_POINTS, text: `${'a'.repeat(318)}👍🏽`, length: 320 },
      { counts: UTF16_UNITS, text: `${'a'.repeat(318)}😀`, length: 320 },
      { counts: UTF16_UNITS, text: '😀'.repeat(160), length: 320 },
    ])('sends $length $counts.maxTextLength.counts at the limit of 320', async ({ counts, text }) => {
      const { sent, run } = fakeChannel(counts);
      await run({ from: 'Acme', to: '+19495550100', text });
      expect(sent).toEqual([{ from: 'Acme', to: ['+19495550100'], text }]);
    });

    it.each([
      { counts: CODE_POINTS, text: `${'a'.repeat(320)}😀`, problem: 'The message is longer than 320 characters (321).' },
      { counts: CODE_POINTS, text: '😀'.repeat(321), problem: 'The message is longer than 320 characters (321).' },
      {
        counts: UTF16_UNITS,
        text: `${'a'.repeat(319)}😀`,
        problem: 'The message is longer than 320 characters (321, counting each emoji such as 😀 as two, as Acme SMS does).',
      },
      {
        counts: UTF16_UNITS,
        text: '😀'.repeat(161),
        problem: 'The message is longer than 320 characters (322, counting each emoji such as 😀 as two, as Acme SMS does).',
      },
    ])('refuses one over the limit in $counts.maxTextLength.counts, before sending', async ({ counts, text, problem }) => {
      expect(await problemWith({ from: 'Acme', to: '+19495550100', text }, counts)).toEqual(inputProblem(`Message: ${problem}`));
    });
  });

  describe('output', () => {
    it("says the message was accepted, and carries the provider's output (its own status as provider_status), the text, its encoding and its segments", async () => {
      const { run } = fakeChannel();
      await expect(run({ from: 'Acme', to: '+19495550100', text: 'Hello' })).resolves.toEqual({
        message_id: 'msg_1',
        status: 'accepted',
        provider_status: 'queued',
        text: 'Hello',
        encoding: 'GSM-7',
        segments: 1,
        ...NOTHING_TO_REPORT,
      });
    });

    it('reports UCS-2 and several segments for a long message with an emoji', async () => {
      const { run } = fakeChannel();
      const text = `${'a'.repeat(70)}🎉`;
      await expect(run({ from: 'Acme', to: '+19495550100', text })).resolves.toEqual({
        message_id: 'msg_1',
        status: 'accepted',
        provider_status: 'queued',
        text,
        encoding: 'UCS-2',
        segments: 2,
        ...NOTHING_TO_REPORT,
        non_gsm_characters: ['🎉'],
      });
    });

    it('reports 2 GSM-7 segments for 161 characters', async () => {
      const { run } = fakeChannel();
      const output = await run({ from: 'Acme', to: '+19495550100', text: 'b'.repeat(161) });
      expect(output).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    });
  });

  describe('definition', () => {
    it('offers a list of numbers where the provider takes several', () => {
      const { create, fields } = fakeChannel({ maxTextLength: { limit: 918, counts: 'code points' } });
      expect(create.key).toBe('send_sms');
      // Zapier's publishing requirements (§5.1): no integration name in the description.
      expect(create.display.description).toBe('Sends a text message.');
      expect(fields.map((field) => [field.key, field.label, field.required, 'list' in field && field.list])).toEqual([
        ['from', 'From', true, false],
        ['to', 'To (one or more numbers)', true, true],
        ['text', 'Message', true, false],
        ['default_country', 'Default Country', false, false],
        ['gsm7_replace', 'Replace Characters Outside GSM-7', false, false],
        ['max_segments', 'Max Segments', false, false],
        ['quiet_hours', 'Quiet Hours', false, false],
      ]);
      expect(helpOf(fields, 'text')).toContain('At most 918 characters.');
      expect(helpOf(fields, 'default_country')).toContain('Leave blank when every number starts with `+`');
    });

    it('says in the Message help that an emoji counts as two where the provider counts UTF-16 units', () => {
      const { fields } = fakeChannel({ maxTextLength: { limit: 1000, counts: 'UTF-16 units' } });
      expect(helpOf(fields, 'text')).toContain('At most 1000 characters (an emoji such as 😀 counts as two).');
    });

    it("names the channel's default country in the Default Country help", () => {
      const { fields } = fakeChannel({ defaultCountry: 'US' });
      expect(helpOf(fields, 'default_country')).toContain('Blank means US.');
    });

    it('asks for a single number where the provider sends to one', () => {
      const { fields } = fakeChannel({ maxRecipients: 1 });
      const to = fields.find((field) => field.key === 'to');
      expect(to && [to.label, 'list' in to && to.list]).toEqual(['To', false]);
    });

    it("adds the status, text, encoding and segments to the provider's sample and output fields", () => {
      const { create } = fakeChannel();
      expect(create.operation.sample).toEqual({
        message_id: 'msg_1',
        status: 'accepted',
        text: 'Hi Sam, your order #1042 is ready for pickup.',
        encoding: 'GSM-7',
        segments: 1,
        ...NOTHING_TO_REPORT,
      });
      expect(create.operation.outputFields).toEqual([
        { key: 'status', label: 'Status (accepted)' },
        { key: 'message_id', label: 'Message ID' },
        { key: 'text', label: 'Message Sent' },
        { key: 'encoding', label: 'Encoding (GSM-7 or UCS-2)' },
        { key: 'segments', label: 'SMS Segments', type: 'integer' },
        { key: 'non_gsm_characters[]', label: 'Characters Outside GSM-7 (Forced UCS-2)' },
        { key: 'replaced_characters[]', label: 'Characters Replaced for GSM-7' },
        { key: 'duplicates_dropped[]', label: 'Duplicate Numbers Dropped' },
        { key: 'quiet_hours_held[]', label: 'Not Texted (Quiet Hours)' },
      ]);
    });
  });
});

describe('sendSmsCreate: recipients written the way people type them', () => {
  it("accepts CommPeak's own documented form, international digits without +, for a digits channel with no Default Country", async () => {
    const { sent, run } = fakeChannel({ recipientFormat: 'digits', maxRecipients: 1 });
    await run({ from: 'Acme', to: '972524265292', text: 'Hello' });
    expect(sent).toEqual([{ from: 'Acme', to: ['972524265292'], text: 'Hello' }]);
  });

  it('texts each distinct number once, in the order first given, and reports the dropped repeats in the channel format', async () => {
    const { sent, run } = fakeChannel({ recipientFormat: 'digits' });
    const output = await run({ from: 'Acme', to: '+44 7400 900123, 447400900123, 07400 900123', text: 'Hello', default_country: 'GB' });
    expect(sent).toEqual([{ from: 'Acme', to: ['447400900123'], text: 'Hello' }]);
    expect(output).toMatchObject({ duplicates_dropped: ['447400900123', '447400900123'] });
  });

  it('offers Default Country as the dropdown of countries that List Countries fills', () => {
    const { fields } = fakeChannel();
    const field = fields.find((candidate) => candidate.key === 'default_country');
    expect(field).toMatchObject({ dynamic: 'country_list.id.name' });
    expect(field).not.toHaveProperty('choices');
  });

  it('shows the channel’s own examples in the To help', () => {
    const { fields } = fakeChannel({ maxRecipients: 1, numberExamples: ['07400 900123', '+44 7400 900123'] });
    expect(helpOf(fields, 'to')).toBe('The phone number to text, as you would type it, e.g. `07400 900123` or `+44 7400 900123`.');
  });
});
