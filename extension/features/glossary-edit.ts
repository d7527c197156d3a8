// Turning an edit in the Glossary view into the request that stores it: the city's label in its own language
// for a built-in ICC concept (create the city's term for that concept, replace it keeping its other
// languages, or delete it when the last label is cleared), and the city's own terms (labels in English,
// French and the local language, a note). Checked here first so a mistake is named before the server is
// asked; the server checks again (shared/api/glossary.ts).
import type { GlossaryTerm } from '../../shared/api/glossary.ts';
import { baseLang } from '../../shared/translate/languages.ts';
import type { ExtensionRequest } from '../lib/messages.ts';
import type { ConceptRow } from './glossary-rows.ts';

export type GlossaryRequest = Extract<ExtensionRequest, { type: 'glossary-put' | 'glossary-delete' }>;

/** A field of the Glossary forms, named in a problem: a label of a language, or the note. */
export type GlossaryField = { kind: 'label'; lang: string } | { kind: 'labels' } | { kind: 'note' };

export type GlossaryProblem = { field: GlossaryField; reason: 'empty' | 'too_long'; max?: number };

export type GlossaryChange =
  | { ok: true; request: GlossaryRequest | null }
  | { ok: false; problem: GlossaryProblem };

export const maxLabelChars = 200;
export const maxNoteChars = 2000;

/** As the server stores a label: trimmed, inner whitespace collapsed. */
export const cleanLabel = (value: string) => value.trim().replace(/\s+/g, ' ');

function withoutLang(labels: Readonly<Record<string, string>>, lang: string): Record<string, string> {
  const base = baseLang(lang);
  return Object.fromEntries(Object.entries(labels).filter(([k]) => baseLang(k) !== base));
}

function tooLong(labels: Record<string, string>): GlossaryProblem | null {
  for (const [lang, label] of Object.entries(labels)) {
    if (label.length > maxLabelChars) {
      return { field: { kind: 'label', lang }, reason: 'too_long', max: maxLabelChars };
    }
  }
  return null;
}

/**
 * The request that sets the city's `localLang` label of a built-in concept to `value`: nothing when it is
 * unchanged, a new term (`newId`) when the city has none for the concept, the term replaced (its other
 * languages and note kept) otherwise, and the term deleted when clearing leaves it without labels.
 */
export function localLabelChange(
  row: ConceptRow,
  localLang: string,
  value: string,
  newId: string,
): GlossaryChange {
  const label = cleanLabel(value);
  const lang = baseLang(localLang);
  if (label === row.local) return { ok: true, request: null };
  const others = row.term ? withoutLang(row.term.labels, lang) : {};
  const labels = label ? { ...others, [lang]: label } : others;
  const problem = tooLong(labels);
  if (problem) return { ok: false, problem };
  if (Object.keys(labels).length === 0) {
    return { ok: true, request: row.term ? { type: 'glossary-delete', id: row.term.id } : null };
  }
  return {
    ok: true,
    request: {
      type: 'glossary-put',
      id: row.term?.id ?? newId,
      conceptId: row.conceptId,
      labels,
      ...(row.term ? { note: row.term.note } : {}),
    },
  };
}

/** What the "Add a term" / edit form holds. */
export interface OwnTermForm {
  en: string;
  fr: string;
  /** The label in the city's own language (unused when that is English or French). */
  local: string;
  note: string;
}

export const emptyOwnTerm: OwnTermForm = { en: '', fr: '', local: '', note: '' };

export function ownTermForm(term: GlossaryTerm, localLang: string): OwnTermForm {
  const pick = (lang: string) => {
    const key = Object.keys(term.labels).find((k) => baseLang(k) === lang);
    return key ? (term.labels[key] ?? '') : '';
  };
  return { en: pick('en'), fr: pick('fr'), local: pick(baseLang(localLang)), note: term.note };
}

/**
 * The request that saves the city's own term: `existing` replaced (labels in languages the form does not
 * show are kept) or a new one (`newId`). At least one label; each at most 200 characters; the note at most
 * 2,000.
 */
export function ownTermChange(
  form: OwnTermForm,
  localLang: string,
  existing: GlossaryTerm | null,
  newId: string,
): GlossaryChange {
  const local = baseLang(localLang);
  const shown =
    local && local !== 'und' && local !== 'en' && local !== 'fr' ? ['en', 'fr', local] : ['en', 'fr'];
  let labels: Record<string, string> = existing ? { ...existing.labels } : {};
  for (const lang of shown) labels = withoutLang(labels, lang);
  const values: Record<string, string> = { en: form.en, fr: form.fr, [local]: form.local };
  for (const lang of shown) {
    const label = cleanLabel(values[lang] ?? '');
    if (label) labels[lang] = label;
  }
  const problem = tooLong(labels);
  if (problem) return { ok: false, problem };
  if (Object.keys(labels).length === 0)
    return { ok: false, problem: { field: { kind: 'labels' }, reason: 'empty' } };
  const note = form.note.trim();
  if (note.length > maxNoteChars) {
    return { ok: false, problem: { field: { kind: 'note' }, reason: 'too_long', max: maxNoteChars } };
  }
  return {
    ok: true,
    request: { type: 'glossary-put', id: existing?.id ?? newId, conceptId: null, labels, note },
  };
}

/** The field a server `validation_failed` message names ("labels.it: must not be empty", "note: …"). */
export function fieldOfServerMessage(message: string): GlossaryField | null {
  const path = message.split(':')[0]?.trim() ?? '';
  if (path === 'note') return { kind: 'note' };
  if (path === 'labels') return { kind: 'labels' };
  const label = /^labels\.([A-Za-z-]+)$/.exec(path);
  return label?.[1] ? { kind: 'label', lang: label[1] } : null;
}
