/**
 * The words of a message as the guards compare them: lower-case, diacritics
 * folded ("officiële" meets "officiele"), apostrophes inside words dropped so
 * "can't", "I'm" and "m'n" become "cant", "im" and "mn" however they were typed,
 * and everything that is not a letter or digit treated as a word break.
 */
export function normalizeWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
      .replace(/([a-z0-9])'(?=[a-z])/g, '$1')
      .match(/[a-z0-9]+/g) ?? []
  );
}
