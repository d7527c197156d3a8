// Best-effort split of a display name into vCard N components (family; given; additional; prefixes;
// suffixes), for the vCard export. People's names do not follow rules, so this only has to be reasonable:
// "Dr. Jean de La Fontaine" → family "de La Fontaine", given "Jean", prefix "Dr."; "DUPONT, Marie" and
// "DUPONT Marie" (family name in capitals, as French and Italian lists write it) → family "DUPONT".

export interface NameParts {
  family: string;
  given: string;
  additional: string;
  prefixes: string;
  suffixes: string;
}

const prefixWords = new Set(
  'dr dr. prof prof. pr pr. mr mr. mrs mrs. ms ms. mx mx. m. mme mme. mlle mlle. me me. dott. dott.ssa sig. sig.ra sr. sra. herr frau'.split(
    ' ',
  ),
);
const suffixWords = new Set('jr jr. sr. phd ph.d. msc mba ii iii iv obe mbe cbe'.split(' '));
/** Particles that belong to the family name: "de La Fontaine", "van der Berg", "da Silva", "von Trapp". */
const particles = new Set('da das de del della der di do dos du la le van von y zu ten ter'.split(' '));

const isUpperWord = (w: string) => /\p{Lu}{2,}/u.test(w) && w === w.toLocaleUpperCase();

export function splitPersonName(full: string): NameParts {
  const parts: NameParts = { family: '', given: '', additional: '', prefixes: '', suffixes: '' };
  const comma = full.indexOf(',');
  const words = (comma >= 0 ? full.slice(comma + 1) : full).trim().split(/\s+/).filter(Boolean);
  const prefixes: string[] = [];
  while (words.length > 1 && prefixWords.has(words[0]!.toLocaleLowerCase())) prefixes.push(words.shift()!);
  const suffixes: string[] = [];
  while (words.length > 1 && suffixWords.has(words.at(-1)!.toLocaleLowerCase()))
    suffixes.unshift(words.pop()!);
  parts.prefixes = prefixes.join(' ');
  parts.suffixes = suffixes.join(' ');

  if (comma >= 0) {
    // "Family, Given": the part before the comma is the family name.
    parts.family = full.slice(0, comma).trim();
    parts.given = words.join(' ');
    return parts;
  }
  if (words.length === 1) {
    parts.given = words[0]!;
    return parts;
  }
  // "DUPONT Marie": leading words in capitals are the family name.
  const upper = words.findIndex((w) => !isUpperWord(w));
  if (upper > 0 && upper < words.length) {
    parts.family = words.slice(0, upper).join(' ');
    parts.given = words.slice(upper).join(' ');
    return parts;
  }
  // Otherwise the last word, with any particles before it, is the family name.
  let start = words.length - 1;
  while (start > 1 && particles.has(words[start - 1]!.toLocaleLowerCase())) start--;
  parts.family = words.slice(start).join(' ');
  parts.given = words[0]!;
  parts.additional = words.slice(1, start).join(' ');
  return parts;
}
