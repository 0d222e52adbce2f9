/** The forms of one text that injection rules are matched against. */
export interface InjectionScanText {
  /**
   * NFKC, lowercase, without diacritics or invisible characters, with typographic
   * quotes made plain and runs of spaces or tabs collapsed; line breaks are kept
   * because role markers are recognised at the start of a line.
   */
  plain: string;
  /** `plain` before lowercasing, for the few rules where capitals carry meaning. */
  cased: string;
  /**
   * `plain` with obfuscation undone: markdown emphasis removed, look-alike letters
   * from other scripts mapped inside Latin words, leetspeak decoded (1 read as i),
   * and words spelled out letter by letter ("i g n o r e") joined up.
   */
  deobfuscated: string;
  /** The same as `deobfuscated` but reading 1 as l ("ru1es"). */
  deobfuscatedWithOneAsL: string;
  /** Words that were spelled out letter by letter, joined: "ignoreallpreviousinstructions". */
  spelledOutWords: string[];
  /** Zero-width characters sitting between two letters, which split a word to hide it. */
  hiddenCharactersInWords: number;
  /**
   * Bidi override or isolate controls, or Unicode tag characters: they reorder or
   * hide text, and no customer message or help-centre article needs them.
   */
  hasSmugglingCharacters: boolean;
}

const zeroWidthCharacters = '\\u00ad\\u034f\\u180e\\u200b-\\u200d\\u2060-\\u2064\\ufeff';
const bidiControls = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
// These classes list joiners and variation selectors on purpose: they are what gets removed.
// eslint-disable-next-line no-misleading-character-class
const hiddenInWord = new RegExp(`(?<=\\p{L})[${zeroWidthCharacters}]+(?=\\p{L})`, 'gu');
const smuggling = /[\u202a-\u202e\u2066-\u2069]|[\u{e0000}-\u{e007f}]/u;
// eslint-disable-next-line no-misleading-character-class
const invisible = new RegExp(`[${zeroWidthCharacters}${bidiControls}\\ufe00-\\ufe0f]`, 'gu');
// Unicode tag characters mirror ASCII; "ASCII smuggling" hides whole instructions in them.
const tagCharacters = /[\u{e0020}-\u{e007e}]/gu;
const otherTagCharacters = /[\u{e0000}-\u{e001f}\u{e007f}]/gu;

/** Cyrillic and Greek letters that look like Latin ones, mapped only inside words that also hold Latin letters. */
const lookAlikes: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ɩ: 'i',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
};
const leetWithOneAsI: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const leetWithOneAsL: Readonly<Record<string, string>> = { ...leetWithOneAsI, '1': 'l' };

/** Normalises a text once so every rule sees the same forms; never throws. */
export function normalizeForInjectionScan(text: string): InjectionScanText {
  const source = typeof text === 'string' ? text : '';
  const hiddenCharactersInWords = source.match(hiddenInWord)?.length ?? 0;
  const hasSmugglingCharacters = smuggling.test(source);
  const casedUncollapsed = toPlainKeepingSpaces(source);
  const cased = collapseSpaces(casedUncollapsed);
  const uncollapsed = casedUncollapsed.toLowerCase();
  const plain = collapseSpaces(uncollapsed);
  // Emphasis and quotes around words ("**ignore** 'all'") hide a phrase from word-by-word patterns; apostrophes inside words stay.
  const unquoted = uncollapsed.replace(/[*_~`^]+/g, '').replace(/(?<!\p{L})['"]+|['"]+(?!\p{L})/gu, '');
  // Spaces are collapsed only after joining spelled-out letters: a double space is how "i g n o r e  a l l" separates words.
  const spelledOutWords: string[] = [];
  const joined = joinSpelledOutLetters(unquoted, spelledOutWords);
  const latinized = joined.replace(/[\p{L}\p{N}]+/gu, mapLookAlikesInLatinWord);
  const deobfuscate = (table: Readonly<Record<string, string>>): string => collapseSpaces(decodeLeet(latinized, table));
  const deobfuscated = deobfuscate(leetWithOneAsI);
  const deobfuscatedWithOneAsL = deobfuscate(leetWithOneAsL);
  return {
    plain,
    cased,
    deobfuscated,
    deobfuscatedWithOneAsL,
    spelledOutWords: [...new Set(spelledOutWords.map((word) => decodeLeet(word, leetWithOneAsI)))],
    hiddenCharactersInWords,
    hasSmugglingCharacters,
  };
}

function toPlainKeepingSpaces(source: string): string {
  return source
    .replace(tagCharacters, (character) => String.fromCharCode((character.codePointAt(0) ?? 0xe0020) - 0xe0000))
    .replace(otherTagCharacters, '')
    .replace(invisible, '')
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[^\S\n]/g, ' ');
}

function collapseSpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ');
}

function mapLookAlikesInLatinWord(word: string): string {
  if (!/[a-z]/.test(word) || !/[^\p{Script=Latin}\p{N}]/u.test(word)) return word;
  return Array.from(word, (letter) => lookAlikes[letter] ?? letter).join('');
}

/** Decodes leetspeak only inside words that also hold a letter, so amounts and dates stay as they are. */
function decodeLeet(text: string, table: Readonly<Record<string, string>>): string {
  return text.replace(/[\p{L}\p{N}@$]+/gu, (word) =>
    /\p{L}/u.test(word) && /[0134578@$]/.test(word) ? Array.from(word, (character) => table[character] ?? character).join('') : word,
  );
}

// Three or more single characters (letters or leet digits), each separated by one space, dot, dash, comma, slash, bar or bullet.
const spelledOut = /(?<![\p{L}\p{N}@$])[\p{L}0134578@$](?:[ .,/|\u00b7\u2022-][\p{L}0134578@$](?![\p{L}\p{N}@$])){2,}/gu;

function joinSpelledOutLetters(text: string, found: string[]): string {
  return text.replace(spelledOut, (run) => {
    if (!/\p{L}/u.test(run)) return run;
    const word = run.replace(/[^\p{L}\p{N}@$]/gu, '');
    found.push(word);
    return word;
  });
}
