// Text folding for search: case- and accent-insensitive, so "cafe" finds "Café" and "ecole" finds "École",
// matching SQLite FTS5's `unicode61 remove_diacritics 2` closely enough that the extension's offline search
// and the server's agree on what a word is.
export function foldText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLocaleLowerCase('en')
      .replace(/[œ]/g, 'oe')
      .replace(/[æ]/g, 'ae')
      .replace(/ß/g, 'ss')
      // Letters NFKD keeps whole (no combining mark to strip), folded so "bjorvika" finds "Bjørvika" and
      // "lodz" finds "Łódź". The server folds its index with this same function before FTS5 sees the text.
      .replace(/ø/g, 'o')
      .replace(/ł/g, 'l')
      .replace(/đ/g, 'd')
      .replace(/ħ/g, 'h')
      .replace(/ı/g, 'i')
  );
}

/**
 * How much of a practice's Markdown content is searched, by the extension's offline search and by the server
 * alike (issue 6: both give the same results for the same library).
 */
export const searchableContentChars = 5_000;

/** Words of a text, folded: runs of letters and digits. */
export function searchTokens(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
