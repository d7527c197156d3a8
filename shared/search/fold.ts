// Text folding for search: case- and accent-insensitive, so "cafe" finds "Café" and "ecole" finds "École",
// matching SQLite FTS5's `unicode61 remove_diacritics 2` closely enough that the extension's offline search
// and the server's agree on what a word is.
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Words of a text, folded: runs of letters and digits. */
export function searchTokens(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
