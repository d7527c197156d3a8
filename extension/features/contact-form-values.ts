// The contact form's values as the member types them (one e-mail or phone per line, languages separated by
// commas) and their conversion to a stakeholder: e-mails checked, phones normalised to international format
// with the city's country. What is invalid is reported by value, never dropped; nothing is saved until fixed.
import { z } from 'zod';
import { normalisePhone } from '../../shared/contacts/phone.ts';
import { toLanguageTag } from '../../shared/schemas/common.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import type { PageContacts } from '../lib/contacts/page-contacts.ts';
import type { StakeholderFields } from '../store/stakeholders.ts';

export interface ContactFormValues {
  name: string;
  organisation: string;
  role: string;
  department: string;
  type: Stakeholder['type'];
  emails: string;
  phones: string;
  website: string;
  languages: string;
  topics: string[];
  notes: string;
  sourceUrl: string;
  lawfulBasis: Stakeholder['lawfulBasis'];
  lawfulBasisNote: string;
  reviewBy: string;
}

export interface ContactProblems {
  name?: true;
  invalidEmails?: string[];
  invalidPhones?: string[];
  invalidLanguages?: string[];
  website?: true;
}

const lines = (text: string) =>
  text
    .split(/[\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A year from now, as a date input value: contacts are reviewed at least yearly (GDPR storage limitation). */
export function defaultReviewBy(now = new Date()): string {
  return new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
}

export function emptyContact(sourceUrl = ''): ContactFormValues {
  return {
    name: '',
    organisation: '',
    role: '',
    department: '',
    type: 'other',
    emails: '',
    phones: '',
    website: '',
    languages: '',
    topics: [],
    notes: '',
    sourceUrl,
    lawfulBasis: 'public_task',
    lawfulBasisNote: '',
    reviewBy: defaultReviewBy(),
  };
}

export function contactValuesOf(s: Stakeholder): ContactFormValues {
  return {
    ...s,
    emails: s.emails.join('\n'),
    phones: s.phones.join('\n'),
    website: s.website ?? '',
    languages: s.languages.join(', '),
    sourceUrl: s.sourceUrl ?? '',
    reviewBy: s.reviewBy?.slice(0, 10) ?? '',
  };
}

export function toStakeholderFields(
  values: ContactFormValues,
  country: string,
): { ok: true; fields: StakeholderFields } | { ok: false; problems: ContactProblems } {
  const problems: ContactProblems = {};
  if (!values.name.trim()) problems.name = true;
  const emails = lines(values.emails);
  const invalidEmails = emails.filter((e) => !z.email().safeParse(e).success);
  if (invalidEmails.length) problems.invalidEmails = invalidEmails;
  const phones: string[] = [];
  const invalidPhones: string[] = [];
  for (const raw of lines(values.phones)) {
    const phone = normalisePhone(raw, country);
    if (phone.ok) phones.push(phone.e164);
    else invalidPhones.push(raw);
  }
  if (invalidPhones.length) problems.invalidPhones = invalidPhones;
  const website = values.website.trim();
  if (website && !/^https?:\/\/\S+$/i.test(website)) problems.website = true;
  // Language tags as the schema takes them (languageTag): "pt_BR" is read as "pt-br"; "français" is refused.
  const languages = values.languages
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((raw) => ({ raw, tag: toLanguageTag(raw)?.toLowerCase() }));
  const invalidLanguages = languages.filter((l) => !l.tag).map((l) => l.raw);
  if (invalidLanguages.length) problems.invalidLanguages = invalidLanguages;
  if (Object.keys(problems).length) return { ok: false, problems };
  const source = values.sourceUrl.trim();
  return {
    ok: true,
    fields: {
      name: values.name.trim(),
      organisation: values.organisation.trim(),
      role: values.role.trim(),
      department: values.department.trim(),
      type: values.type,
      emails: [...new Set(emails)],
      phones: [...new Set(phones)],
      website: website || null,
      languages: [...new Set(languages.map((l) => l.tag!))],
      topics: values.topics,
      notes: values.notes,
      sourceUrl: /^https?:\/\//i.test(source) ? source : null,
      lawfulBasis: values.lawfulBasis,
      lawfulBasisNote: values.lawfulBasisNote,
      reviewBy: values.reviewBy ? new Date(`${values.reviewBy}T00:00:00Z`).toISOString() : null,
    },
  };
}

/** The form pre-filled from what the page said about the selected contact; invalid details stay visible. */
export function contactFromPage(page: PageContacts): ContactFormValues {
  const draft = page.drafts[0];
  const values = emptyContact(page.url);
  if (!draft) return values;
  return {
    ...values,
    name: draft.name,
    organisation: draft.organisation,
    role: draft.role,
    department: draft.department,
    emails: [...draft.emails, ...draft.invalidEmails].join('\n'),
    phones: [...draft.phones, ...draft.invalidPhones.filter((raw) => !sameNumberAs(raw, draft.phones))].join(
      '\n',
    ),
    website: draft.website ?? '',
  };
}

/**
 * Whether a number that did not read with the city's country is one of the valid numbers written the local
 * way (an Italian page's "0522 456789" beside its tel: link "+390522456789" read by a Lisbon member).
 */
function sameNumberAs(raw: string, valid: readonly string[]): boolean {
  const digits = raw.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 6 && valid.some((e164) => e164.replace(/\D/g, '').endsWith(digits));
}
