// A contact block's text cut into facts, in reading order: one per e-mail, phone, website, name, role,
// department or organisation it states. Lines are cut at tabs (table cells), at " | ", " · ", " – ", at
// every label ("Tel.", "E-Mail:"), and at commas or brackets when every part then reads as a field
// ("Anna Rossi, Responsabile, Comune di Bologna"; "Hans Müller (Leiter)").
import { readLabel, splitAtLabels } from './contact-labels.ts';
import { findEmails } from './email-address.ts';
import { classifyPiece, looksLikeProse } from './line-kind.ts';
import { revealObfuscatedEmails } from './obfuscated-email.ts';
import { cleanName } from './person-name.ts';
import { isBarePhone, looksDialled } from './phone-runs.ts';
import { readPhones } from './phone-values.ts';
import { proseFacts } from './prose-contact.ts';
import { websiteOf } from './website.ts';

export type TextFact =
  | { kind: 'email'; value: string }
  | { kind: 'invalid-email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'invalid-phone'; value: string }
  | { kind: 'website'; value: string }
  | { kind: 'name' | 'role' | 'department' | 'organisation'; value: string }
  /** A table row begins: whatever came before belongs to another row's contact. */
  | { kind: 'row' };

const separators = /\t|\s+[|·•–—]\s+|\s+-\s+|\s*[|·•]\s*/;

function phoneFacts(value: string, country: string): TextFact[] {
  const { phones, invalid } = readPhones(value, country);
  return [
    ...phones.map((v): TextFact => ({ kind: 'phone', value: v })),
    ...invalid.map((v): TextFact => ({ kind: 'invalid-phone', value: v })),
  ];
}

function emailFacts(value: string): TextFact[] {
  const { emails, invalid } = findEmails(value);
  return [
    ...emails.map((v): TextFact => ({ kind: 'email', value: v })),
    ...invalid.map((v): TextFact => ({ kind: 'invalid-email', value: v })),
  ];
}

/** A piece with no label: a field, an address given bare, a phone number on its own, or nothing. */
function unlabelledFacts(piece: string, country: string): TextFact[] {
  const emails = emailFacts(piece);
  if (looksLikeProse(piece)) return [...proseFacts(piece, country), ...emails];
  if (emails.length > 0) {
    const rest = piece.replace(/\S+@\S+/g, ' ').replace(/[<>()[\]:,;]/g, ' ');
    return [...fieldFacts(rest), ...emails];
  }
  if (isBarePhone(piece)) {
    // Unlabelled, a number that is not valid is reported only when it is written like a phone number.
    return phoneFacts(piece, country).filter(
      (f) => f.kind === 'phone' || ('value' in f && looksDialled(f.value)),
    );
  }
  const website = websiteOf(piece);
  if (website && piece.trim().split(/\s+/).length === 1) return [{ kind: 'website', value: website }];
  return fieldFacts(piece);
}

function fieldFact(piece: string): TextFact | null {
  const kind = classifyPiece(piece);
  if (kind === 'other') return null;
  const value = piece
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:]$/, '');
  return { kind, value: kind === 'name' ? cleanName(value) : value };
}

/** A name, role, department or organisation; split at commas or brackets when every part is one. */
function fieldFacts(piece: string): TextFact[] {
  const text = piece.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const parts = text
    .split(/,\s+|\s*\(([^)]*)\)\s*/)
    .filter((p): p is string => p !== undefined)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 1) {
    const facts = parts.map(fieldFact);
    if (facts.every((f) => f !== null)) return facts as TextFact[];
  }
  const whole = fieldFact(text);
  return whole ? [whole] : [];
}

function pieceFacts(piece: string, country: string): TextFact[] {
  const { kind, value } = readLabel(piece);
  switch (kind) {
    case 'email': {
      const facts = emailFacts(value);
      // "E-mail: anna.rossi@comune" is an address someone meant to give: reported, not dropped.
      return facts.length > 0
        ? facts
        : value
          ? [{ kind: 'invalid-email', value: value.split(/\s/)[0]! }]
          : [];
    }
    case 'phone':
      return phoneFacts(value, country);
    case 'web': {
      const website = websiteOf(value.split(/\s/)[0] ?? '', { bareDomain: true });
      return website ? [{ kind: 'website', value: website }] : [];
    }
    case 'fax':
    case 'address':
      return [];
    case 'contact':
      return unlabelledFacts(value, country);
    default:
      return unlabelledFacts(value, country);
  }
}

export function readTextFacts(text: string, country: string): TextFact[] {
  const facts: TextFact[] = [];
  for (const line of revealObfuscatedEmails(text).split(/\r?\n/)) {
    if (line.split('\t').filter((cell) => cell.trim()).length > 1) facts.push({ kind: 'row' });
    for (const cell of line.split(separators)) {
      for (const piece of splitAtLabels(cell.trim())) facts.push(...pieceFacts(piece, country));
    }
  }
  return facts;
}
