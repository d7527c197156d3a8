// vCard 4.0 export of stakeholders (RFC 6350), for address books and mail clients. One card per stakeholder;
// several cards concatenated make one .vcf file. Lines end in CRLF and fold at 75 octets (vcard-text.ts).
// The capture page, lawful basis and review date have no standard property: RFC 6350's SOURCE names where the
// card itself can be fetched again, which is not what the capture page is, so they travel as X-ICC-*.
// Every value is escaped as its type requires (vcard-text.ts: TEXT, structured, URI), including languages,
// which the schemas check as BCP 47 tags but which may have been stored before they did; parameter values are
// only this file's constants (TYPE=work, PREF=n, VALUE=uri|text), never data.
import type { Stakeholder } from '../schemas/stakeholder.ts';
import { type ExportLocale, topicLabel, typeLabel } from './labels.ts';
import { splitPersonName } from './person-name.ts';
import { escapeText, foldLine, structured, textList, uriValue } from './vcard-text.ts';

export const vCardMediaType = 'text/vcard;charset=utf-8';

export interface VCardOptions {
  /** Language of the CATEGORIES labels (stakeholder type and Index areas). Default English. */
  locale?: ExportLocale;
}

/** A stakeholder (possibly with contact details redacted) as exported. */
export type ExportableStakeholder = Pick<
  Stakeholder,
  | 'id'
  | 'name'
  | 'organisation'
  | 'role'
  | 'department'
  | 'type'
  | 'emails'
  | 'phones'
  | 'website'
  | 'languages'
  | 'topics'
  | 'notes'
  | 'sourceUrl'
  | 'lawfulBasis'
  | 'lawfulBasisNote'
  | 'reviewBy'
  | 'updatedAt'
>;

export function stakeholderToVCard(s: ExportableStakeholder, options: VCardOptions = {}): string {
  const locale = options.locale ?? 'en';
  const isOrganisation = s.organisation.trim() !== '' && s.organisation.trim() === s.name.trim();
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//ICC Clipper//EN'];
  lines.push(`UID:${uriValue(`urn:uuid:${s.id}`)}`);
  if (isOrganisation) lines.push('KIND:org');
  lines.push(`FN:${escapeText(s.name)}`);
  if (!isOrganisation) {
    const n = splitPersonName(s.name);
    lines.push(`N:${structured([n.family, n.given, n.additional, n.prefixes, n.suffixes])}`);
  }
  if (s.organisation || s.department) {
    lines.push(`ORG:${structured(s.department ? [s.organisation, s.department] : [s.organisation])}`);
  }
  if (s.role) lines.push(`TITLE:${escapeText(s.role)}`);
  s.emails.forEach((email, i) => {
    lines.push(`EMAIL;TYPE=work${i === 0 ? ';PREF=1' : ''}:${escapeText(email)}`);
  });
  s.phones.forEach((phone, i) => {
    const pref = i === 0 ? ';PREF=1' : '';
    const uri = telUri(phone);
    lines.push(
      uri ? `TEL;VALUE=uri;TYPE=work${pref}:${uri}` : `TEL;VALUE=text;TYPE=work${pref}:${escapeText(phone)}`,
    );
  });
  if (s.website) lines.push(`URL:${uriValue(s.website)}`);
  s.languages.forEach((lang, i) => {
    lines.push(`LANG;PREF=${i + 1}:${escapeText(lang)}`);
  });
  const categories = [typeLabel(s.type, locale), ...s.topics.map((t) => topicLabel(t, locale))];
  lines.push(`CATEGORIES:${textList(categories)}`);
  if (s.notes) lines.push(`NOTE:${escapeText(s.notes)}`);
  if (s.sourceUrl) lines.push(`X-ICC-SOURCE-URL;VALUE=uri:${uriValue(s.sourceUrl)}`);
  lines.push(`X-ICC-LAWFUL-BASIS;VALUE=text:${escapeText(s.lawfulBasis)}`);
  if (s.lawfulBasisNote) lines.push(`X-ICC-LAWFUL-BASIS-NOTE;VALUE=text:${escapeText(s.lawfulBasisNote)}`);
  if (s.reviewBy) lines.push(`X-ICC-REVIEW-BY;VALUE=text:${escapeText(s.reviewBy)}`);
  lines.push(`REV:${timestamp(s.updatedAt)}`);
  lines.push('END:VCARD');
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}

/** Several stakeholders as one .vcf file. */
export function stakeholdersToVCard(
  list: readonly ExportableStakeholder[],
  options: VCardOptions = {},
): string {
  return list.map((s) => stakeholderToVCard(s, options)).join('');
}

/** A tel: URI (RFC 3966) for an international number; null for a number without a country code. */
export function telUri(phone: string): string | null {
  const compact = phone
    .trim()
    .replace(/[\s()]+/g, '-')
    .replace(/-+/g, '-');
  if (!/^\+\d[\d.-]*\d$/.test(compact)) return null;
  return `tel:${compact}`;
}

/** RFC 6350 §4.3.5 timestamp: 20250301T090000Z. */
function timestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
