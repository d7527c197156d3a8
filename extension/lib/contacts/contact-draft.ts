// What the prefill hands the contact form: a stakeholder's fields as found on the page, not yet reviewed.
// Nothing here is guessed: a field is filled only when a source on the page states it, and `sources` says
// which one did (the GDPR asks us to know where personal data came from; see shared/REFERENCES.md).

export const prefillSources = ['text', 'mailto', 'tel', 'json-ld', 'microdata', 'vcard'] as const;
export type PrefillSource = (typeof prefillSources)[number];

export const draftFields = [
  'name',
  'organisation',
  'role',
  'department',
  'emails',
  'phones',
  'website',
] as const;
export type DraftField = (typeof draftFields)[number];

export interface ContactDraft {
  name: string;
  organisation: string;
  role: string;
  department: string;
  /** Lower-cased, each a valid address (the stakeholder schema's rule). */
  emails: string[];
  /** E.164, with an RFC 3966 `;ext=` suffix when the page gave an extension. */
  phones: string[];
  /** What looked like a phone number but is not one: shown to the member, never dropped. */
  invalidPhones: string[];
  /** What was given as an e-mail address but is not a valid one. */
  invalidEmails: string[];
  /** An absolute http(s) address. */
  website: string | null;
  sources: Partial<Record<DraftField, PrefillSource>>;
}

export function emptyDraft(): ContactDraft {
  return {
    name: '',
    organisation: '',
    role: '',
    department: '',
    emails: [],
    phones: [],
    invalidPhones: [],
    invalidEmails: [],
    website: null,
    sources: {},
  };
}

/** A draft with the given fields, each credited to `source`. */
export function draftFrom(
  source: PrefillSource,
  fields: Partial<Omit<ContactDraft, 'sources'>>,
): ContactDraft {
  const draft = { ...emptyDraft(), ...fields };
  for (const field of draftFields) {
    const value = draft[field];
    if (Array.isArray(value) ? value.length > 0 : Boolean(value)) draft.sources[field] = source;
  }
  return draft;
}

/** Whether the draft holds a way to reach someone, or at least a name (what makes it worth offering). */
export function isEmptyDraft(draft: ContactDraft): boolean {
  return (
    !draft.name &&
    draft.emails.length === 0 &&
    draft.phones.length === 0 &&
    draft.invalidPhones.length === 0 &&
    draft.invalidEmails.length === 0
  );
}
