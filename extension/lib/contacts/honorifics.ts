// Courtesy and academic titles written before a name in the six languages of the prefill: they mark a line
// as a person's name, and are left out of the name the form is filled with (a title is not part of a name,
// and the same person is "Dr. Anna Rossi" on one page and "Anna Rossi" on another).

// One line per language: English, French, Italian, Spanish, German, Portuguese.
const titles = `
  Mr Mrs Ms Miss Mx Dr Prof Professor Cllr Councillor Sir Dame
  M Mme Mlle Madame Monsieur Me Pr
  Sig Sig.ra Sig.na Signora Signor Dott Dott.ssa Dr.ssa Prof.ssa Ing Avv Arch
  Sr Sra Srta D Dña Dª Don Doña Dra
  Frau Herr Dr.in Dipl.-Ing Mag
  Sr.ª Sra.ª D.ª Dr.ª Eng Eng.ª Exmo Exma
`
  .trim()
  .split(/\s+/);

const escaped = titles
  .sort((a, b) => b.length - a.length)
  .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
// One or more titles ("Prof. Dr. Hans Müller", "Sr.ª D.ª"), each ending in a dot or a space, before a capital.
const leadingTitles = new RegExp(`^(?:(?:${escaped})(?:\\.\\s*|\\s+)(?=\\p{Lu}))+`, 'u');

/** The titles at the start of `text`, or '' when there are none. */
export function leadingHonorific(text: string): string {
  const match = leadingTitles.exec(text.trim());
  if (!match) return '';
  // "M" without a dot before a capital is an initial ("M Rossi"), not "Monsieur".
  if (/^[A-Z]\s/.test(match[0])) return '';
  return match[0];
}

export function withoutHonorific(text: string): string {
  const trimmed = text.trim();
  return trimmed.slice(leadingHonorific(trimmed).length).trim();
}
