/** How an SMS body travels: 7-bit GSM 03.38 or, for any other character, UCS-2. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsMeasure {
  encoding: SmsEncoding;
  /** GSM-7 septets (extension characters count 2) or UTF-16 code units (emoji count 2). */
  units: number;
  /** How many SMS the carrier sends and Twilio bills; 0 for an empty body. */
  segments: number;
}

/** GSM 03.38 default alphabet (one septet each). */
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: an escape septet plus one, so two each. */
const gsmExtension = new Set('\f^{}\\[~]|€');

const limits = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
} as const;

/** Septets of one character in GSM-7, or undefined when GSM-7 cannot carry it. */
function gsmUnits(character: string): 1 | 2 | undefined {
  if (gsmBasic.has(character)) return 1;
  if (gsmExtension.has(character)) return 2;
  return undefined;
}

export function smsEncodingOf(text: string): SmsEncoding {
  for (const character of text) if (gsmUnits(character) === undefined) return 'UCS-2';
  return 'GSM-7';
}

/**
 * Pure: encoding, size and segment count of an SMS body. A long message is
 * sent as concatenated segments of 153 septets (GSM-7) or 67 code units
 * (UCS-2), the rest of each segment holding the reassembly header; an
 * escape sequence or a surrogate pair (an emoji) is never split, so a
 * segment may hold one unit less.
 */
export function measureSms(text: string): SmsMeasure {
  const encoding = smsEncodingOf(text);
  const unitsOf = (character: string) => (encoding === 'GSM-7' ? (gsmUnits(character) ?? 2) : character.length);
  let units = 0;
  for (const character of text) units += unitsOf(character);
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= limits[encoding].single) return { encoding, units, segments: 1 };

  let segments = 1;
  let used = 0;
  for (const character of text) {
    const size = unitsOf(character);
    if (used + size > limits[encoding].concatenated) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments };
}

/** Typographic characters with a plain GSM-7 look-alike, as Twilio's Smart Encoding replaces them. */
const lookalikes: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2022': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u2060': '',
  '\ufeff': '',
};

/**
 * Pure: the text with typographic quotes, dashes, ellipses and special spaces
 * replaced by plain look-alikes, but only when that makes the whole text
 * GSM-7 (a UCS-2 message gains nothing by it). `replaced` lists the distinct
 * characters changed, so the caller can say so.
 */
export function replaceGsmLookalikes(text: string): { text: string; replaced: string[] } {
  if (smsEncodingOf(text) === 'GSM-7') return { text, replaced: [] };
  const result = substituteLookalikes(text);
  if (result.replaced.length === 0 || smsEncodingOf(result.text) === 'UCS-2') return { text, replaced: [] };
  return result;
}

/** Every look-alike replaced, whatever the resulting encoding. */
export function substituteLookalikes(text: string): { text: string; replaced: string[] } {
  const replaced = new Set<string>();
  let result = '';
  for (const character of text) {
    const lookalike = lookalikes[character];
    if (lookalike === undefined) {
      result += character;
    } else {
      replaced.add(character);
      result += lookalike;
    }
  }
  return { text: result, replaced: [...replaced] };
}
