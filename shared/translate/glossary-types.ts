// The shapes of the ICC glossary: a concept with labels per language, a city's own term (as the server stores
// it in `glossary_terms`), and what matching, checking and applying hand back to the translation view.

export type ConceptKind = 'index_area' | 'principle' | 'programme' | 'city';

export interface GlossaryConcept {
  /** Stable: `area:<index area id>`, `principle:<id>`, `term:<id>`, or `city:<city term id>`. */
  id: string;
  kind: ConceptKind;
  /**
   * Labels by base language code (`en`, `fr`, `it`…). The first is the preferred rendering, the others are
   * accepted variants (matched in source text, accepted as present in a translation).
   */
  labels: Readonly<Record<string, readonly string[]>>;
  /** Renderings machine engines are known to produce instead, by language: replaced when the user applies. */
  avoid?: Readonly<Record<string, readonly string[]>>;
  note?: string;
}

export type Glossary = readonly GlossaryConcept[];

/** A city's glossary row (server table `glossary_terms`): extends a built-in concept or adds its own. */
export interface CityGlossaryTerm {
  id: string;
  /** The built-in concept this term adds labels to, or null for the city's own concept. */
  conceptId: string | null;
  /** Labels by language; a string or several (first preferred). */
  labels: Readonly<Record<string, string | readonly string[]>>;
  note?: string;
}

/** A glossary term found in the source text, and what the translation should say. */
export interface GlossaryMatch {
  conceptId: string;
  /** Index area and principle labels are titles (capitalised as headings); programme terms are written as used mid-sentence. */
  kind: ConceptKind;
  /** The term as written in the source text (`text.slice(start, end)`). */
  sourceTerm: string;
  /** The preferred label in the target language. */
  targetTerm: string;
  /** Other accepted labels in the target language. */
  targetAlternatives: string[];
  targetLang: string;
  /**
   * What a wrong rendering looks like in the translation, for `applyGlossary`: the concept's known wrong
   * renderings in the target language and its labels in other languages (an engine that left the term
   * untranslated).
   */
  wrongRenderings: string[];
  /** Offsets in the source text (UTF-16), `end` exclusive. */
  start: number;
  end: number;
}

export interface GlossaryCheck extends GlossaryMatch {
  /** Whether the target term (or an accepted variant) appears in the translated text. */
  present: boolean;
}

export interface GlossaryReplacement {
  conceptId: string;
  /** The text replaced, as it was in the translation. */
  from: string;
  /** The text put in its place. */
  to: string;
  /** Offsets of `to` in the returned text. */
  start: number;
  end: number;
}

export interface GlossaryApplication {
  text: string;
  applied: GlossaryReplacement[];
  /** Asked to replace but no wrong rendering could be located safely: show the target term as a suggestion. */
  suggestions: GlossaryMatch[];
}
