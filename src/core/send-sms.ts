import { defineCreate, defineInputFields, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { z as schema, type ZodType, type ZodTypeDef } from 'zod';
import { defaultCountryField } from './country-list';
import { guardFields, guardOutputFields, guardSample, guardShape } from './guard-fields';
import { inputError } from './input-error';
import { describeText, replaceOutsideGsm7, textLength, type Replacement, type TextLimit, type TextShape } from './message-text';
import { parseInput, phoneNumberList, requiredText, type InputShape } from './input';
import { distinctBy, toE164 } from './phone';
import { describeHold, quietHolds, quietHoursHalt } from './quiet-hours';

/** The step's recipients, in the provider's format: never empty. */
export type Recipients = [string, ...string[]];

/** What a provider must supply for the shared Send SMS action. */
export interface SmsChannel {
  provider: string;
  /** The `from` field as this provider defines it (a dropdown of its senders, or free text). */
  fromField: PlainInputField & { key: 'from' };
  /** The provider's rule for `from`, when it has one beyond "required". */
  fromShape?: ZodType<string, ZodTypeDef, unknown>;
  /** How many recipients one step may name (1 where the provider sends to one number). */
  maxRecipients: number;
  /** Numbers shown in the To help, as this provider's users type them. */
  numberExamples?: [string, string];
  /** The provider's limit on message length, where one is known, and what it counts. */
  maxTextLength?: TextLimit;
  /** How the provider wants recipients written: E.164 (`+447400900123`) or its digits (`447400900123`). */
  recipientFormat: 'e164' | 'digits';
  /** Only numbers of this country (ISO code) may be texted. */
  recipientCountry?: string;
  /** Only numbers in assigned ranges may be texted, not merely possible ones (see PhoneRules). */
  assignedNumbersOnly?: boolean;
  /** The country assumed for numbers typed without a country code when the step names none. */
  defaultCountry?: string;
  /**
   * Sends the message to distinct recipients already in `recipientFormat` (the step's Default
   * Country is for recipients only); returns the output fields, with the provider's reference to
   * the message where its answer gives one. It returns only once the provider accepted the message:
   * any other outcome is thrown.
   */
  send(z: ZObject, bundle: Bundle, message: { from: string; to: Recipients; text: string }): Promise<Record<string, unknown>>;
  /** Fields of this provider's own, shown after the shared ones (they reach `send` in `bundle.inputData`). */
  extraInputFields?: PlainInputField[];
  /** What `send` returns for the sample message, and its labels. */
  sample: Record<string, unknown>;
  outputFields: { key: string; label: string; type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime' }[];
}

/** A send that returns was accepted by the provider: a refusal, or an answer lost, is thrown instead. */
export const ACCEPTED = 'accepted';

const SAMPLE_TEXT = 'Hi Sam, your order #1042 is ready for pickup.';

function gsm7Hint(shape: TextShape): string {
  return shape.nonGsmCharacters.length === 0
    ? ''
    : ` These characters make it UCS-2 (70 characters per segment): ${shape.nonGsmCharacters.join(' ')}; Replace Characters Outside GSM-7 or removing them makes it cheaper.`;
}

/**
 * The text as it will go (GSM-7 replacements made when asked for) and what the network makes of
 * it; refused, before any request, when it is over the provider's length or the step's segments.
 */
function textToSend(
  input: { text: string; gsm7_replace: boolean; max_segments?: number },
  channel: Pick<SmsChannel, 'maxTextLength' | 'provider'>,
  textLabel: string,
): { text: string; replaced: Replacement[]; shape: TextShape } {
  const { text, replaced } = input.gsm7_replace ? replaceOutsideGsm7(input.text) : { text: input.text, replaced: [] };
  const max = channel.maxTextLength;
  const length = max ? textLength(text, max.counts) : 0;
  if (max && length > max.limit) {
    const after = replaced.length > 0 ? ' once characters outside GSM-7 are replaced' : '';
    // Said only where it matters: the text has characters that count as two.
    const counted = length > textLength(text, 'code points') ? `, counting each emoji such as 😀 as two, as ${channel.provider} does` : '';
    throw inputError(textLabel, `The message is longer than ${max.limit} characters${after} (${length}${counted}).`);
  }
  const shape = describeText(text);
  if (input.max_segments !== undefined && shape.segments > input.max_segments) {
    throw inputError(
      'Max Segments',
      `the message costs ${shape.segments} SMS segments (${shape.encoding}), more than the limit of ${input.max_segments}, so it was not sent.${gsm7Hint(shape)}`,
    );
  }
  return { text, replaced, shape };
}

function textLimitHelp(max: TextLimit | undefined): string {
  if (!max) return '';
  return ` At most ${max.limit} characters${max.counts === 'UTF-16 units' ? ' (an emoji such as 😀 counts as two)' : ''}.`;
}

const describeReplacement = ({ from, to }: Replacement) => `${from} → ${to === '' ? '(removed)' : to}`;

export function sendSmsCreate(channel: SmsChannel) {
  const several = channel.maxRecipients > 1;
  const [local, international] = channel.numberExamples ?? ['(949) 555-0100', '+44 7400 900123'];
  const toField = {
    key: 'to',
    label: several ? 'To (one or more numbers)' : 'To',
    required: true,
    list: several,
    helpText: several
      ? `Phone numbers to text, as you would type them, e.g. \`${local}\` or \`${international}\`. Add up to ${channel.maxRecipients} numbers, one per line or separated by commas; a number given twice is texted once.`
      : `The phone number to text, as you would type it, e.g. \`${local}\` or \`${international}\`.`,
  } as const;
  const textField = {
    key: 'text',
    label: 'Message',
    required: true,
    type: 'text',
    helpText: `The text to send.${textLimitHelp(channel.maxTextLength)} Longer messages are split into several SMS segments by the network; the step's output says how many.`,
  } as const;
  const inputFields = defineInputFields([
    channel.fromField,
    toField,
    textField,
    defaultCountryField(
      `The country of recipients' numbers typed without a country code (the sender is not affected).${channel.defaultCountry ? ` Blank means ${channel.defaultCountry}.` : ' Leave blank when every number starts with `+` and its country code.'} International numbers written without \`+\` (e.g. \`447400900123\`) are recognised when they cannot be a number of this country.`,
    ),
    ...(channel.extraInputFields ?? []),
    ...guardFields,
  ]);

  const inputShape = schema.object({
    from: channel.fromShape ?? requiredText('The sender'),
    to: phoneNumberList(channel.maxRecipients),
    text: requiredText('The message'),
    default_country: schema.string().trim().optional(),
    ...guardShape,
  } satisfies InputShape<typeof inputFields>);

  return defineCreate({
    key: 'send_sms',
    noun: 'SMS',
    display: {
      label: 'Send SMS',
      description: 'Sends a text message.',
    },
    operation: {
      inputFields,
      perform: async (z: ZObject, bundle: Bundle) => {
        const input = parseInput(inputShape, bundle.inputData, inputFields);
        const defaultCountry = input.default_country?.toUpperCase() || channel.defaultCountry;
        const rules = {
          field: toField.label,
          defaultCountry,
          onlyCountry: channel.recipientCountry,
          assignedOnly: channel.assignedNumbersOnly,
        };
        const { distinct, dropped } = distinctBy(
          input.to.map((typed) => toE164(typed, rules)),
          (number) => number,
        );
        const written = (e164: string) => (channel.recipientFormat === 'e164' ? e164 : e164.slice(1));

        const { text, replaced, shape } = textToSend(input, channel, textField.label);

        const window = input.quiet_hours;
        const holds = window ? quietHolds(distinct, window, new Date()) : [];
        if (window && holds.length === distinct.length) throw quietHoursHalt(holds, window);
        const held = new Set(holds.map((hold) => hold.number));
        const to = distinct.filter((number) => !held.has(number)).map(written) as Recipients;

        // A status of the provider's own (e.g. "queued") stays, as provider_status.
        const { status: providerStatus, ...sent } = await channel.send(z, bundle, { from: input.from, to, text });
        return {
          ...sent,
          status: ACCEPTED,
          ...(providerStatus === undefined ? {} : { provider_status: providerStatus }),
          text,
          encoding: shape.encoding,
          segments: shape.segments,
          non_gsm_characters: shape.nonGsmCharacters,
          replaced_characters: replaced.map(describeReplacement),
          duplicates_dropped: dropped.map(written),
          quiet_hours_held: window ? holds.map((hold) => describeHold(hold, window)) : [],
        };
      },
      sample: { ...channel.sample, status: ACCEPTED, text: SAMPLE_TEXT, encoding: 'GSM-7', segments: 1, ...guardSample },
      outputFields: [
        { key: 'status', label: 'Status (accepted)' },
        ...channel.outputFields,
        { key: 'text', label: 'Message Sent' },
        { key: 'encoding', label: 'Encoding (GSM-7 or UCS-2)' },
        { key: 'segments', label: 'SMS Segments', type: 'integer' },
        ...guardOutputFields,
      ],
    },
  });
}
