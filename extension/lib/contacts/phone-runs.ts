// Phone numbers inside a piece of text: runs of digits with the separators people type between them
// ("+33 (0)4 72 10 30 30", "0711/216-81234", "91 588 10 00"), an extension kept with its run. Normalising
// them is shared/contacts/phone.ts's job; this only finds them.

// "ext. 12", "poste 123", "(ext. 4012)": kept with the number, which shared/contacts/phone.ts splits off.
const extension =
  '(?:\\s*\\(?\\s*(?:ext\\.?|extn|poste|interno|int\\.|x|#|ramal|extensi[oó]n)\\s*:?\\s*\\d{1,6}\\)?)?';
const run = new RegExp(`[+(]?\\d[\\d\\s().\\/\\u2010-\\u2013-]*\\d${extension}`, 'gi');

export function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** Every run of at least five digits in `text`, trimmed of unbalanced brackets. */
export function phoneRuns(text: string): string[] {
  const runs: string[] = [];
  for (const [match] of text.matchAll(run)) {
    let value = match.trim();
    if (value.startsWith('(') && !value.includes(')')) value = value.slice(1);
    if (digitCount(value) >= 5) runs.push(value);
  }
  return runs;
}

/**
 * Whether an unlabelled piece is a phone number on its own (a table cell, a line under a name): eight digits
 * or more and little else around them. Postcodes and dates are shorter; a longer reference number that is no
 * valid number is then dropped by the caller unless it also starts like a phone (see looksDialled).
 */
export function isBarePhone(piece: string): boolean {
  const text = piece.trim();
  const [first] = phoneRuns(text);
  return first !== undefined && digitCount(first) >= 8 && first.length >= text.length * 0.8;
}

/** Starts as people write phone numbers: +, 00, a trunk 0, or an area code in brackets. */
export function looksDialled(run: string): boolean {
  return /^(?:\+|00|0|\()/.test(run.trim());
}
