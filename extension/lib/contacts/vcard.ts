// vCard files linked from a page ("Download contact (.vcf)"): RFC 6350 (4.0) and the 2.1/3.0 files many
// CMSs still write. Lines are unfolded, values unescaped, quoted-printable 2.1 values decoded. Pure: the
// caller fetches the file (the content script fetches same-origin links only, see fetch-vcards.ts).
import { type ContactDraft, draftFrom } from './contact-draft.ts';
import { cleanEmail, isValidEmail } from './email-address.ts';
import { cleanName } from './person-name.ts';
import { readPhones } from './phone-values.ts';
import { websiteOf } from './website.ts';

interface Property {
  name: string;
  params: string;
  value: string;
}

function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const last = lines.length - 1;
    // RFC 6350 §3.2: a line starting with a space or tab continues the previous one.
    if (last >= 0 && /^[ \t]/.test(line)) lines[last] += line.slice(1);
    // vCard 2.1 quoted-printable values continue after a soft line break, "=" at the end of the line.
    else if (last >= 0 && /QUOTED-PRINTABLE/i.test(lines[last]!) && lines[last]!.endsWith('=')) {
      lines[last] = lines[last]!.slice(0, -1) + line;
    } else lines.push(line);
  }
  return lines;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(value[i]!));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_all, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A structured value (N, ORG) split at its unescaped semicolons. */
function components(value: string): string[] {
  return value.split(/(?<!\\);/).map((part) => unescapeText(part).trim());
}

function readProperty(line: string): Property | null {
  const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (colon <= 0) return null;
  const head = line.slice(0, colon);
  const [rawName = '', ...params] = head.split(';');
  const name = rawName.replace(/^.*\./, '').toUpperCase();
  let value = line.slice(colon + 1);
  const paramText = params.join(';');
  if (
    /ENCODING=QUOTED-PRINTABLE|^QUOTED-PRINTABLE$/i.test(paramText) ||
    params.includes('QUOTED-PRINTABLE')
  ) {
    value = decodeQuotedPrintable(value);
  }
  return { name, params: paramText, value };
}

function cardDraft(properties: Property[], country: string): ContactDraft {
  const all = (name: string) => properties.filter((p) => p.name === name);
  const first = (name: string) => all(name)[0]?.value;
  const [family = '', given = ''] = components(first('N') ?? '');
  const name = unescapeText(first('FN') ?? '').trim() || [given, family].filter(Boolean).join(' ');
  const [organisation = '', ...units] = components(first('ORG') ?? '');
  const emails: string[] = [];
  const invalidEmails: string[] = [];
  for (const { value } of all('EMAIL')) {
    const email = cleanEmail(unescapeText(value));
    if (isValidEmail(email)) emails.push(email);
    else if (value.trim()) invalidEmails.push(value.trim());
  }
  const phones: string[] = [];
  const invalidPhones: string[] = [];
  for (const { params, value } of all('TEL')) {
    // A fax line is not a way to reach a person in 2025; the form has no place for it.
    if (/(?:^|[;,=])fax(?:[;,]|$)/i.test(params)) continue;
    const read = readPhones(unescapeText(value), country);
    phones.push(...read.phones);
    invalidPhones.push(...read.invalid);
  }
  return draftFrom('vcard', {
    name: name ? cleanName(name) : '',
    organisation,
    department: units.filter(Boolean).join(', '),
    role: unescapeText(first('TITLE') ?? first('ROLE') ?? '').trim(),
    emails,
    invalidEmails,
    phones,
    invalidPhones,
    website: websiteOf(unescapeText(first('URL') ?? '')),
  });
}

/**
 * The contacts in a vCard file, one per BEGIN:VCARD…END:VCARD. `country` (the city's) reads national phone
 * numbers; without it only international ones are valid and the others are reported as invalid.
 */
export function parseVcard(text: string, country = ''): ContactDraft[] {
  const drafts: ContactDraft[] = [];
  let card: Property[] | null = null;
  for (const line of unfold(text)) {
    const property = readProperty(line.trim());
    if (!property) continue;
    if (property.name === 'BEGIN' && /^vcard$/i.test(property.value.trim())) card = [];
    else if (property.name === 'END' && card) {
      drafts.push(cardDraft(card, country));
      card = null;
    } else card?.push(property);
  }
  return drafts;
}
