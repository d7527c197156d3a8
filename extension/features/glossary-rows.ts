// What the Glossary view lists: each built-in ICC concept (Index areas, principles, programme terms) with its
// English and French labels and the city's label in its own language (from the city's term naming the
// concept), then the city's own terms; and the search-as-you-type filter over every label and note.
import type { GlossaryTerm } from '../../shared/api/glossary.ts';
import type { ConceptKind, Glossary } from '../../shared/translate/glossary-types.ts';
import { baseLang } from '../../shared/translate/languages.ts';

export type BuiltInGroup = Exclude<ConceptKind, 'city'>;
export const builtInGroups: readonly BuiltInGroup[] = ['index_area', 'principle', 'programme'];

export interface ConceptRow {
  conceptId: string;
  group: BuiltInGroup;
  en: string;
  fr: string;
  /** The city's term that extends this concept, if any (its labels may hold other languages too). */
  term: GlossaryTerm | null;
  /** The city's label in its own language, '' when none yet. */
  local: string;
}

export interface GlossaryRows {
  concepts: ConceptRow[];
  /** The city's own concepts: terms without a built-in concept (or naming one that no longer exists). */
  own: GlossaryTerm[];
}

/** The label of `labels` in `lang`, whatever regional code it was stored under ("pt-BR" for "pt"). */
export function labelIn(labels: Readonly<Record<string, string>>, lang: string): string {
  const base = baseLang(lang);
  const key = Object.keys(labels).find((k) => baseLang(k) === base);
  return key ? (labels[key] ?? '') : '';
}

/**
 * The Glossary view's rows. When several city terms name the same concept, the one with a label in the
 * local language wins (then the first by id, as the server lists them).
 */
export function glossaryRows(
  builtIn: Glossary,
  cityTerms: readonly GlossaryTerm[],
  localLang: string,
): GlossaryRows {
  const known = new Set(builtIn.map((c) => c.id));
  const concepts: ConceptRow[] = [];
  for (const concept of builtIn) {
    if (concept.kind === 'city') continue;
    const named = cityTerms.filter((term) => term.conceptId === concept.id);
    const term = named.find((x) => labelIn(x.labels, localLang)) ?? named[0] ?? null;
    concepts.push({
      conceptId: concept.id,
      group: concept.kind,
      en: concept.labels.en?.[0] ?? '',
      fr: concept.labels.fr?.[0] ?? '',
      term,
      local: term ? labelIn(term.labels, localLang) : '',
    });
  }
  const own = cityTerms.filter((term) => !term.conceptId || !known.has(term.conceptId));
  return { concepts, own };
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

function matchesAll(texts: readonly string[], query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = fold(texts.join('\n'));
  return words.every((w) => text.includes(w));
}

/** The rows whose labels (any language) or note contain every word typed, case- and accent-insensitive. */
export function filterGlossaryRows(rows: GlossaryRows, query: string): GlossaryRows {
  return {
    concepts: rows.concepts.filter((row) =>
      matchesAll([row.en, row.fr, row.local, ...Object.values(row.term?.labels ?? {})], query),
    ),
    own: rows.own.filter((term) => matchesAll([...Object.values(term.labels), term.note], query)),
  };
}

/** The city's terms once a change is stored: the term the server answered put in place, or the id removed. */
export function withStoredChange(
  terms: readonly GlossaryTerm[],
  change: { stored: GlossaryTerm } | { deleted: string },
): GlossaryTerm[] {
  if ('deleted' in change) return terms.filter((term) => term.id !== change.deleted);
  const rest = terms.filter((term) => term.id !== change.stored.id);
  return [...rest, change.stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
