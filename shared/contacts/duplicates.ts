// Duplicate contacts (issue 4): the same e-mail (case-insensitive), or the same name and organisation
// (accents, case, spacing, punctuation, word order and titles such as "Dr." or "Mme" ignored), is offered as
// a merge and never saved silently twice. Pure: the side panel calls it before saving a captured contact.
import { foldText } from '../search/fold.ts';
import type { StakeholderValues } from './contact-details.ts';

export type DuplicateReason = 'same-email' | 'same-name-and-organisation';

export interface ContactCandidate {
  /** Present when the candidate is an existing stakeholder being edited: it never matches itself. */
  id?: string;
  name: string;
  organisation?: string;
  emails?: readonly string[];
}

export interface ExistingContact {
  id: string;
  name: string;
  organisation: string;
  emails: readonly string[];
  deletedAt?: string | null;
}

export interface DuplicateMatch<S extends ExistingContact = ExistingContact> {
  stakeholder: S;
  reasons: DuplicateReason[];
  /** The candidate's e-mails the existing contact already has (as the existing contact spells them). */
  sharedEmails: string[];
}

// Titles and post-nominals in the programme's languages (EN, FR, IT, ES, PT, DE, NO), folded, without dots.
const titles = new Set(
  (
    'dr dre drs prof pr mr mrs ms miss mx sir dame lord lady rev hon cllr councillor mayor m mme mmes mlle ' +
    'monsieur madame mademoiselle me dott dottssa dottor dottore dottoressa sig sigra sigg signor signora ' +
    'ing avv arch on sr sra srta senor senora don dona dna exmo exma herr frau hr fr dipl mag'
  ).split(' '),
);
const postNominals = new Set('phd msc ma mba jr snr jnr sr ii iii obe mbe cbe'.split(' '));

/** A name as compared: folded words without titles, in sorted order ("DUPONT Jean" = "Dr. Jean Dupont"). */
export function nameKey(name: string): string {
  // "dott.ssa" and "sig.ra" are one title each: join them before splitting on punctuation.
  const words = foldText(name.replace(/\b(dott|sig)\.(ssa|ra)\b/giu, '$1$2')).match(/[\p{L}\p{N}]+/gu) ?? [];
  let start = 0;
  while (start < words.length - 1 && titles.has(words[start]!)) start++;
  let end = words.length;
  while (end > start + 1 && postNominals.has(words[end - 1]!)) end--;
  return words.slice(start, end).sort().join(' ');
}

/** An organisation as compared: folded words, punctuation and spacing ignored, order kept. */
export function organisationKey(organisation: string): string {
  return (foldText(organisation).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

export const emailKey = (email: string) => email.trim().toLocaleLowerCase();

/** Existing, live contacts the candidate may duplicate, e-mail matches first, then by name. */
export function findDuplicates<S extends ExistingContact>(
  candidate: ContactCandidate,
  existing: readonly S[],
): DuplicateMatch<S>[] {
  const emails = new Set((candidate.emails ?? []).map(emailKey).filter(Boolean));
  const name = nameKey(candidate.name);
  const organisation = organisationKey(candidate.organisation ?? '');
  const matches: DuplicateMatch<S>[] = [];
  for (const s of existing) {
    if (s.deletedAt || (candidate.id !== undefined && s.id === candidate.id)) continue;
    const sharedEmails = s.emails.filter((e) => emails.has(emailKey(e)));
    const reasons: DuplicateReason[] = [];
    if (sharedEmails.length > 0) reasons.push('same-email');
    if (name && nameKey(s.name) === name && organisationKey(s.organisation) === organisation) {
      reasons.push('same-name-and-organisation');
    }
    if (reasons.length > 0) matches.push({ stakeholder: s, reasons, sharedEmails });
  }
  const rank = (m: DuplicateMatch<S>) => (m.reasons.includes('same-email') ? 0 : 1);
  return matches.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      nameKey(a.stakeholder.name).localeCompare(nameKey(b.stakeholder.name)) ||
      (a.stakeholder.id < b.stakeholder.id ? -1 : a.stakeholder.id > b.stakeholder.id ? 1 : 0),
  );
}

type SetField = 'emails' | 'phones' | 'languages' | 'topics';
type ScalarField = Exclude<keyof StakeholderValues, SetField>;
const setFields: readonly SetField[] = ['emails', 'phones', 'languages', 'topics'];

/** How set elements compare: e-mails and language tags case-insensitively, phones by their digits. */
const elementKeys: Record<SetField, (value: string) => string> = {
  emails: emailKey,
  phones: (phone) => phone.replace(/[^\d+]/g, ''),
  languages: (lang) => lang.trim().toLocaleLowerCase(),
  topics: (topic) => topic,
};

export interface ContactMerge {
  /** The merged stakeholder fields. */
  values: StakeholderValues;
  /** Whole-value fields that change on the existing contact (the `fields` of a sync put). */
  fields: Partial<Pick<StakeholderValues, ScalarField>>;
  /** Set elements the existing contact lacks (the `add` of a sync put); empty sets left out. */
  add: Partial<Record<SetField, string[]>>;
  /** Incoming values that were not taken because the existing contact has its own: show them, ask. */
  differing: { field: ScalarField; existing: unknown; incoming: unknown }[];
}

/** A value that says nothing: an empty or blank string, null, or the catch-all stakeholder type. */
function isEmpty(field: ScalarField, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string' && value.trim() === '') return true;
  return field === 'type' && value === 'other';
}

/**
 * Merges a captured contact into an existing one: sets are unioned (existing elements first, in order),
 * whole values keep the existing one unless it is empty. Nothing typed is lost silently: an incoming value
 * that differs from a kept one is listed in `differing`.
 */
export function mergeContacts(
  existing: StakeholderValues,
  incoming: Partial<StakeholderValues>,
): ContactMerge {
  const values = { ...existing } as StakeholderValues;
  const fields: ContactMerge['fields'] = {};
  const add: ContactMerge['add'] = {};
  const differing: ContactMerge['differing'] = [];
  for (const [key, value] of Object.entries(incoming) as [keyof StakeholderValues, unknown][]) {
    if (value === undefined) continue;
    if ((setFields as readonly string[]).includes(key)) {
      const field = key as SetField;
      const keyOf = elementKeys[field];
      const seen = new Set(existing[field].map(keyOf));
      const added: string[] = [];
      for (const element of value as string[]) {
        const k = keyOf(element);
        if (!k || seen.has(k)) continue;
        seen.add(k);
        added.push(element);
      }
      if (added.length > 0) {
        add[field] = added;
        values[field] = [...existing[field], ...added];
      }
      continue;
    }
    const field = key as ScalarField;
    if (isEmpty(field, value)) continue;
    if (isEmpty(field, existing[field])) {
      (values as Record<string, unknown>)[field] = value;
      (fields as Record<string, unknown>)[field] = value;
    } else if (!sameScalar(existing[field], value)) {
      differing.push({ field, existing: existing[field], incoming: value });
    }
  }
  return { values, fields, add, differing };
}

const sameScalar = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? foldText(a.trim()) === foldText(b.trim()) : a === b;
