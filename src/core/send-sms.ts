import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { z as schema, type ZodType, type ZodTypeDef } from 'zod';
import { describeText } from './message-text';
import { parseInput, phoneNumberList, requiredText } from './input';
import { toE164, toInternationalDigits } from './phone';

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
  /** The provider's limit on message length, in characters, where one is known. */
  maxTextLength?: number;
  /** How the provider wants recipients written: E.164 (`+447700900123`) or its digits (`447700900123`). */
  recipientFormat: 'e164' | 'digits';
  /** Only numbers of this country (ISO code) may be texted. */
  recipientCountry?: string;
  /** The country assumed for numbers typed without a country code when the step names none. */
  defaultCountry?: string;
  /** Sends the message to recipients already in `recipientFormat`; returns the output fields. */
  send(
    z: ZObject,
    bundle: Bundle,
    message: { from: string; to: Recipients; text: string; defaultCountry?: string },
  ): Promise<Record<string, unknown>>;
  /** Fields of this provider's own, shown after the shared ones (they reach `send` in `bundle.inputData`). */
  extraInputFields?: PlainInputField[];
  /** What `send` returns for the sample message, and its labels. */
  sample: Record<string, unknown>;
  outputFields: { key: string; label: string; type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime' }[];
}

const SAMPLE_TEXT = 'Hi Sam, your order #1042 is ready for pickup.';

export function sendSmsCreate(channel: SmsChannel) {
  const several = channel.maxRecipients > 1;
  const toField = {
    key: 'to',
    label: several ? 'To (one or more numbers)' : 'To',
    required: true,
    list: several,
    helpText: several
      ? `Phone numbers to text, as you would type them, e.g. \`(949) 555-0100\` or \`+44 7700 900123\`. Add up to ${channel.maxRecipients} numbers, one per line or separated by commas.`
      : 'The phone number to text, as you would type it, e.g. `(949) 555-0100` or `+44 7700 900123`.',
  } as const;
  const inputFields = [
    channel.fromField,
    toField,
    {
      key: 'text',
      label: 'Message',
      required: true,
      type: 'text',
      helpText: `The text to send.${channel.maxTextLength ? ` At most ${channel.maxTextLength} characters.` : ''} Longer messages are split into several SMS segments by the network; the step's output says how many.`,
    },
    {
      key: 'default_country',
      label: 'Default Country',
      required: false,
      helpText: `Two-letter country code (e.g. \`US\`, \`GB\`) used for numbers typed without a country code.${channel.defaultCountry ? ` Blank means ${channel.defaultCountry}.` : ' Leave blank when every number starts with `+` and its country code.'}`,
    },
    ...(channel.extraInputFields ?? []),
  ] satisfies PlainInputField[];

  const textShape = channel.maxTextLength
    ? requiredText('The message').pipe(
        schema.string().max(channel.maxTextLength, { message: `The message is longer than ${channel.maxTextLength} characters.` }),
      )
    : requiredText('The message');
  const inputShape = schema.object({
    from: channel.fromShape ?? requiredText('The sender'),
    to: phoneNumberList(channel.maxRecipients),
    text: textShape,
    default_country: schema.string().trim().optional(),
  });

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
        const rules = { field: toField.label, defaultCountry, onlyCountry: channel.recipientCountry };
        const format = channel.recipientFormat === 'e164' ? toE164 : toInternationalDigits;
        const to = input.to.map((typed) => format(typed, rules)) as Recipients;
        const sent = await channel.send(z, bundle, { from: input.from, to, text: input.text, defaultCountry });
        const shape = describeText(input.text);
        return { ...sent, text: input.text, encoding: shape.encoding, segments: shape.segments };
      },
      sample: { ...channel.sample, text: SAMPLE_TEXT, encoding: 'GSM-7', segments: 1 },
      outputFields: [
        ...channel.outputFields,
        { key: 'text', label: 'Message' },
        { key: 'encoding', label: 'Encoding (GSM-7 or UCS-2)' },
        { key: 'segments', label: 'SMS Segments', type: 'integer' },
      ],
    },
  });
}
