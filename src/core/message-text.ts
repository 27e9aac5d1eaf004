/** What the network will make of a message body: its encoding and how many SMS segments it costs. */
export interface TextShape {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Characters as the encoding counts them: GSM-7 extension characters count two, UCS-2 counts UTF-16 units. */
  units: number;
}

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const GSM7_BASIC_SET = new Set(GSM7_BASIC);
const GSM7_EXTENSION_SET = new Set(GSM7_EXTENSION);

const LIMITS = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
} as const;

function gsm7Units(text: string): number | undefined {
  let units = 0;
  for (const character of text) {
    if (GSM7_BASIC_SET.has(character)) units += 1;
    else if (GSM7_EXTENSION_SET.has(character)) units += 2;
    else return undefined;
  }
  return units;
}

export function describeText(text: string): TextShape {
  const gsm = gsm7Units(text);
  const encoding = gsm === undefined ? 'UCS-2' : 'GSM-7';
  const units = gsm ?? text.length;
  const { single, multipart } = LIMITS[encoding];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multipart);
  return { encoding, segments, units };
}
