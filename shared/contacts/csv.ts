// CSV export of stakeholders that opens correctly in a spreadsheet (issue 4): RFC 4180 (CRLF line ends,
// fields with a comma, quote or line break in double quotes, quotes doubled), preceded by a UTF-8 byte order
// mark so Excel reads accents as UTF-8. One row per stakeholder; several values in one cell joined by "; ".
// Formula injection (OWASP "CSV injection"), for every CSV the product writes (this file's csvCell is the only
// cell writer; the library export in server/library/exports.ts uses it too): a spreadsheet runs a cell starting
// with = + - @ (or a tab or carriage return) as a formula, and one set to French or German splits on ";"
// rather than ",", and a careless import splits on tabs or breaks lines inside quotes. So every part of a cell
// that could become a cell of its own — the start, and what follows each , ; tab CR or LF, after any spaces —
// gets an apostrophe before such a character, and a cell holding any of , ; tab " CR LF is quoted. Phone
// numbers in international format therefore show as '+33…, each of them in a multi-valued cell.
//
// Columns (header row in English, in this order):
//   Name, Organisation, Department, Role, Type, E-mails, Phones, Website, Languages, Topics, Notes,
//   Source URL, Lawful basis, Lawful basis note, Review by, Updated at, ID
// Type and Topics hold labels in the export's locale (English by default, e.g. "Civil society",
// "Welcoming newcomers"); Lawful basis holds the code (public_task, consent, …); dates are ISO 8601.
import { type ExportLocale, topicLabel, typeLabel } from './labels.ts';
import type { ExportableStakeholder } from './vcard.ts';

export const csvMediaType = 'text/csv;charset=utf-8';
export const byteOrderMark = '\uFEFF';
export const multiValueSeparator = '; ';

type Column = [header: string, cell: (s: ExportableStakeholder, locale: ExportLocale) => string];

export const csvColumns: readonly Column[] = [
  ['Name', (s) => s.name],
  ['Organisation', (s) => s.organisation],
  ['Department', (s) => s.department],
  ['Role', (s) => s.role],
  ['Type', (s, l) => typeLabel(s.type, l)],
  ['E-mails', (s) => s.emails.join(multiValueSeparator)],
  ['Phones', (s) => s.phones.join(multiValueSeparator)],
  ['Website', (s) => s.website ?? ''],
  ['Languages', (s) => s.languages.join(multiValueSeparator)],
  ['Topics', (s, l) => s.topics.map((t) => topicLabel(t, l)).join(multiValueSeparator)],
  ['Notes', (s) => s.notes],
  ['Source URL', (s) => s.sourceUrl ?? ''],
  ['Lawful basis', (s) => s.lawfulBasis],
  ['Lawful basis note', (s) => s.lawfulBasisNote],
  ['Review by', (s) => s.reviewBy ?? ''],
  ['Updated at', (s) => s.updatedAt],
  ['ID', (s) => s.id],
];

export const csvHeader: readonly string[] = csvColumns.map(([h]) => h);

export function stakeholdersToCsv(
  list: readonly ExportableStakeholder[],
  options: { locale?: ExportLocale } = {},
): string {
  const locale = options.locale ?? 'en';
  const rows = [csvHeader, ...list.map((s) => csvColumns.map(([, cell]) => cell(s, locale)))];
  return byteOrderMark + rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * Where a part of a cell a spreadsheet may read as a cell of its own begins with a formula starter: at the
 * start or after a separator (, ; tab CR LF) and any spaces, before = + - @ tab or CR. A look-behind, so a
 * separator that is itself a starter ("\r=1", "a\t\t=1") is defused and still opens the next part.
 */
const formulaStart = /(?<=^|[,;\t\r\n])( *)(?=[=+\-@\t\r])/g;

/** One cell: formula starters defused in every part, then quoted whenever any separator could split it. */
export function csvCell(value: string): string {
  const safe = value.replace(formulaStart, "$1'");
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
