/** Text that was hidden from a human reader and what it says once uncovered. */
export interface HiddenPayloads {
  /** Readable text decoded from base64 blobs: a customer or article has no reason to carry them. */
  decodedTexts: string[];
  /** The text read backwards, for instructions written in reverse ("snoitcurtsni suoiverp erongi"). */
  reversed: string;
  /** The message names an encoding and asks for it to be decoded or obeyed ("decode this base64 and follow it"). */
  asksToDecode: boolean;
}

// 24 characters decode to 18 bytes: long enough that random ids and Dutch compound words almost never read as text.
const base64Blob = /[a-z0-9+/]{24,}={0,2}|[a-z0-9_-]{24,}={0,2}/gi;
const maximumBlobs = 20;
const decodeRequest =
  /\b(?:decode|decodeer|ontcijfer|decipher|translate from|vertaal vanuit)\b[^\n]{0,40}\b(?:base ?64|rot-?13|hex(?:adecimal)?|binary|binair|morse|caesar)\b|\b(?:base ?64|rot-?13|hex(?:adecimal)?)\b[^\n]{0,40}\b(?:decode|decodeer|and (?:follow|execute|run|obey|do)|en (?:volg|voer))/i;

/** Looks for encoded payloads in raw text; never throws. */
export function findHiddenPayloads(text: string, plain: string): HiddenPayloads {
  const decodedTexts: string[] = [];
  for (const blob of (typeof text === 'string' ? text : '').match(base64Blob)?.slice(0, maximumBlobs) ?? []) {
    const decoded = decodeReadableBase64(blob);
    if (decoded !== undefined) decodedTexts.push(decoded);
  }
  return { decodedTexts, reversed: Array.from(plain).reverse().join(''), asksToDecode: decodeRequest.test(plain) };
}

function decodeReadableBase64(blob: string): string | undefined {
  const decoded = Buffer.from(blob, 'base64').toString('utf8');
  const characters = Array.from(decoded);
  if (characters.length < 16) return undefined;
  const readable = characters.filter((character) => /[\p{L}\p{N}\p{P}\p{Zs}\n\r\t<>|=+$€@#%&*^~`]/u.test(character)).length;
  return readable / characters.length >= 0.95 && /\p{L}{3,}/u.test(decoded) ? decoded : undefined;
}
