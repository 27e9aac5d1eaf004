import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { optionalText, parseInput, phoneNumberList, requiredText, type InputShape } from '../../src/core/input';
import { toE164 } from '../../src/core/phone';
import { ACCEPTED } from '../../src/core/send-sms';
import { sendMms } from '../../src/providers/stratustexting/api';
import { productName } from '../../src/providers/stratustexting/brand';
import { defaultCountryField, defaultCountryShape } from '../../src/providers/stratustexting/contact-fields';
import { MAX_RECIPIENTS, MAX_TEXT_LENGTH } from './send-sms';

const inputFields = defineInputFields([
  {
    key: 'from',
    label: 'From Number',
    required: true,
    helpText: `One of your ${productName()} numbers, e.g. \`(949) 555-0100\`. The API documents no list of your numbers, so type it.`,
  },
  {
    key: 'to',
    label: 'To (one or more numbers)',
    required: true,
    list: true,
    helpText: `Phone numbers to send the picture to, e.g. \`(949) 555-0111\`; up to ${MAX_RECIPIENTS}.`,
  },
  {
    key: 'media',
    label: 'Media File',
    required: true,
    type: 'file',
    helpText: 'The picture, GIF or short video to send: a file from an earlier step, or a public URL to it.',
  },
  {
    key: 'text',
    label: 'Message',
    required: false,
    type: 'text',
    helpText: `Text to send with the media (optional, at most ${MAX_TEXT_LENGTH} characters; an emoji such as 😀 counts as two).`,
  },
  defaultCountryField,
]);

/**
 * An http(s) link the URL parser accepts, written with `://` (so not `http:example.com`). Tabs and
 * line breaks are dropped from it, as the URL parser itself drops them.
 */
const webLink = (message: string) =>
  schema
    .string()
    .url({ message })
    .refine((link) => /^https?:\/\//i.test(link), { message })
    .transform((link) => link.replace(/[\t\n\r]/g, ''));

const inputShape = schema.object({
  from: requiredText('The sender'),
  to: phoneNumberList(MAX_RECIPIENTS),
  media: requiredText('The media file').pipe(webLink('must be a file from an earlier step or a link starting with https:// or http://.')),
  text: optionalText().pipe(
    schema
      .string()
      .max(MAX_TEXT_LENGTH, { message: `is longer than ${MAX_TEXT_LENGTH} characters.` })
      .optional(),
  ),
  default_country: defaultCountryShape,
} satisfies InputShape<typeof inputFields>);

export default defineCreate({
  key: 'send_mms',
  noun: 'MMS',
  display: {
    label: 'Send MMS',
    description: 'Sends a picture or other media, with optional text.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, inputFields);
      const rules = { field: 'To (one or more numbers)', defaultCountry: input.default_country };
      const to = input.to.map((typed) => toE164(typed, rules));
      const from = toE164(input.from, { ...rules, field: 'From Number' });
      const result = await sendMms(z, { from, to, text: input.text, mediaUrl: input.media });
      return { ...result, status: ACCEPTED, from, to, media_url: input.media, text: input.text ?? '' };
    },
    sample: {
      result: 'Message Processed Successfully',
      message_id: null,
      status: ACCEPTED,
      from: '+19495550100',
      to: ['+19495550111'],
      media_url: 'https://files.example.com/menu.jpg',
      text: "Here's this week's menu!",
    },
    outputFields: [
      { key: 'status', label: 'Status (accepted)' },
      { key: 'result', label: 'Result Message' },
      { key: 'message_id', label: 'Message ID (when the answer gives one)' },
      { key: 'from', label: 'From Number' },
      { key: 'to[]', label: 'To Numbers' },
      { key: 'media_url', label: 'Media URL' },
      { key: 'text', label: 'Message' },
    ],
  },
});
