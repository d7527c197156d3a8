// Measures the contact prefill against fixture pages with reviewed expectations (issue 4, "Prefill
// evaluation"): DIR/<case>/page.html, optional selection.txt (the text a member selected; without it, the
// whole page), optional *.vcf files (what the page's vCard links serve), and expected.json
// ({ country, url?, contacts: [{ name, organisation, role, emails, phones, website, invalidPhones?,
// invalidEmails? }] }, fields optional). Runs the extension's own prefillContacts on a linkedom DOM.
//   npm run eval:contacts -- DIR [--json FILE] [--verbose]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import type { ContactDraft, PrefillSource } from '../extension/lib/contacts/contact-draft.ts';
import { nameKey } from '../extension/lib/contacts/person-name.ts';
import { prefillContacts, type VcardFile, vcardLinksFor } from '../extension/lib/contacts/prefill.ts';
import { findTextBlock } from '../extension/lib/contacts/text-block.ts';

export const scoredFields = ['name', 'organisation', 'role', 'emails', 'phones', 'website'] as const;
type Field = (typeof scoredFields)[number];
type Tally = { tp: number; fp: number; fn: number };

export interface ExpectedContact {
  name?: string;
  organisation?: string;
  role?: string;
  emails?: string[];
  phones?: string[];
  website?: string | null;
  invalidPhones?: string[];
  invalidEmails?: string[];
}
export interface Expected {
  country: string;
  url?: string;
  contacts: ExpectedContact[];
}

const defaultUrl = 'https://city.example/page.html';

/** The prefill of one fixture case, run as the side panel runs it. */
export function runCase(dir: string): {
  expected: Expected;
  drafts: ContactDraft[];
  selectionFound: boolean;
} {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const { document } = parseHTML(readFileSync(join(dir, 'page.html'), 'utf8'));
  const doc = document as unknown as Document;
  const url = expected.url ?? defaultUrl;
  const selectionPath = join(dir, 'selection.txt');
  const selectionText = existsSync(selectionPath) ? readFileSync(selectionPath, 'utf8') : null;
  // The selection is known by its text: its block on the page stands in for the range's common ancestor.
  const selectionRoot = selectionText && doc.body ? findTextBlock(doc.body, selectionText) : null;
  // The vCard links the content script would fetch, served from the case's own .vcf files.
  const vcards: VcardFile[] = vcardLinksFor(doc, { url, selectionRoot }).flatMap((link) => {
    const file = join(dir, basename(new URL(link).pathname));
    return existsSync(file) ? [{ url: link, text: readFileSync(file, 'utf8') }] : [];
  });
  const drafts = prefillContacts(doc, {
    url,
    country: expected.country,
    selectionText,
    selectionRoot,
    vcards,
  });
  return { expected, drafts, selectionFound: !selectionText || selectionRoot !== null };
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
/** Websites compare without scheme, "www." and trailing slash: https://x.it/ and http://www.x.it are one. */
const site = (s: string | null | undefined) =>
  squash(s)
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/$/, '');

function scalar(field: Field, value: ContactDraft | ExpectedContact): string {
  const raw = (value as Record<string, unknown>)[field] as string | null | undefined;
  return field === 'website' ? site(raw) : field === 'name' ? squash(raw) : squash(raw);
}

/** Pairs each expected contact with a predicted one: same e-mail first, else the same name. */
export function matchContacts(expected: ExpectedContact[], drafts: ContactDraft[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const pick = (test: (e: ExpectedContact, d: ContactDraft) => boolean) => {
    expected.forEach((e, i) => {
      if (pairs.has(i)) return;
      const j = drafts.findIndex((d, k) => !taken.has(k) && test(e, d));
      if (j !== -1) {
        pairs.set(i, j);
        taken.add(j);
      }
    });
  };
  pick((e, d) => (e.emails ?? []).some((m) => d.emails.includes(m.toLowerCase())));
  pick((e, d) => Boolean(e.name) && nameKey(e.name!) === nameKey(d.name));
  return pairs;
}

/** Adds one field's comparison to `tally`; returns whether the prediction was entirely right. */
function score(field: Field, want: ExpectedContact | null, got: ContactDraft | null, tally: Tally): boolean {
  if (field === 'emails' || field === 'phones') {
    const w = (want?.[field] ?? []).map((v) => v.toLowerCase());
    const g = (got?.[field] ?? []).map((v) => v.toLowerCase());
    const tp = g.filter((v) => w.includes(v)).length;
    tally.tp += tp;
    tally.fp += g.length - tp;
    tally.fn += w.filter((v) => !g.includes(v)).length;
    return g.length === tp;
  }
  const w = want ? scalar(field, want) : '';
  const g = got ? scalar(field, got) : '';
  if (w && g && w === g) tally.tp++;
  else {
    if (g) tally.fp++;
    if (w) tally.fn++;
  }
  return !g || w === g;
}

export interface Report {
  cases: number;
  fields: Record<Field, Tally>;
  sources: Record<PrefillSource, { contributed: number; right: number }>;
  invalid: { phones: Tally; emails: Tally };
  misses: string[];
}

export function evaluate(dir: string): Report {
  const names = readdirSync(dir)
    .filter(
      (name) => existsSync(join(dir, name, 'page.html')) && existsSync(join(dir, name, 'expected.json')),
    )
    .sort();
  const fields = Object.fromEntries(scoredFields.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Field,
    Tally
  >;
  const sources = Object.fromEntries(
    ['text', 'mailto', 'tel', 'json-ld', 'microdata', 'vcard'].map((s) => [s, { contributed: 0, right: 0 }]),
  ) as Report['sources'];
  const invalid = { phones: { tp: 0, fp: 0, fn: 0 }, emails: { tp: 0, fp: 0, fn: 0 } };
  const misses: string[] = [];

  for (const name of names) {
    const { expected, drafts, selectionFound } = runCase(join(dir, name));
    if (!selectionFound)
      misses.push(`${name}: selection.txt not found on the page (scored without its block)`);
    const pairs = matchContacts(expected.contacts, drafts);
    const matchedDrafts = new Set(pairs.values());
    expected.contacts.forEach((want, i) => {
      const j = pairs.get(i);
      const got = j === undefined ? null : drafts[j]!;
      if (!got) misses.push(`${name}: missed ${JSON.stringify(want.name || want.emails?.[0] || want)}`);
      for (const field of scoredFields) {
        // A field the expectation leaves out is not scored for that contact (fields are optional).
        if (!(field in want)) continue;
        const right = score(field, want, got, fields[field]);
        const source = got?.sources[field];
        const filled =
          got && (Array.isArray(got[field]) ? (got[field] as string[]).length > 0 : Boolean(got[field]));
        if (source && filled) {
          sources[source].contributed++;
          if (right) sources[source].right++;
          else
            misses.push(
              `${name}: ${field} of ${JSON.stringify(want.name)} from ${source}: ${JSON.stringify(got[field])}`,
            );
        } else if (got && !filled && (Array.isArray(want[field]) ? want[field].length > 0 : want[field])) {
          misses.push(`${name}: ${field} of ${JSON.stringify(want.name)} not found`);
        }
      }
      for (const kind of ['phones', 'emails'] as const) {
        const key = kind === 'phones' ? 'invalidPhones' : 'invalidEmails';
        const w = want[key] ?? [];
        const g = got?.[key] ?? [];
        invalid[kind].tp += g.filter((v) => w.includes(v)).length;
        invalid[kind].fp += g.filter((v) => !w.includes(v)).length;
        invalid[kind].fn += w.filter((v) => !g.includes(v)).length;
      }
    });
    drafts.forEach((draft, j) => {
      if (matchedDrafts.has(j)) return;
      misses.push(
        `${name}: unexpected contact ${JSON.stringify(draft.name || draft.emails[0] || draft.phones[0])}`,
      );
      for (const field of scoredFields) {
        score(field, null, draft, fields[field]);
        const source = draft.sources[field];
        if (source) sources[source].contributed++;
      }
      invalid.phones.fp += draft.invalidPhones.length;
      invalid.emails.fp += draft.invalidEmails.length;
    });
  }
  return { cases: names.length, fields, sources, invalid, misses };
}

const pct = (n: number, d: number) => (d === 0 ? '-' : ((100 * n) / d).toFixed(1));

function printReport(report: Report, verbose: boolean): void {
  console.log(`${report.cases} cases\n`);
  console.log('| field | tp | fp | fn | precision % | recall % |\n| --- | --- | --- | --- | --- | --- |');
  const rows: [string, Tally][] = [
    ...scoredFields.map((f): [string, Tally] => [f, report.fields[f]]),
    ['invalid phones reported', report.invalid.phones],
    ['invalid e-mails reported', report.invalid.emails],
  ];
  for (const [field, { tp, fp, fn }] of rows) {
    console.log(`| ${field} | ${tp} | ${fp} | ${fn} | ${pct(tp, tp + fp)} | ${pct(tp, tp + fn)} |`);
  }
  console.log('\n| source | fields contributed | right | % |\n| --- | --- | --- | --- |');
  for (const [source, { contributed, right }] of Object.entries(report.sources)) {
    console.log(`| ${source} | ${contributed} | ${right} | ${pct(right, contributed)} |`);
  }
  if (verbose && report.misses.length > 0)
    console.log(`\nMisses:\n${report.misses.map((m) => `- ${m}`).join('\n')}`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const dir = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--json');
  const jsonAt = argv.indexOf('--json');
  const json = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
  if (!dir) {
    console.error('usage: npm run eval:contacts -- DIR [--json FILE] [--verbose]');
    process.exit(2);
  }
  const report = evaluate(dir);
  printReport(report, argv.includes('--verbose'));
  if (json) {
    const { cases, fields, sources, invalid } = report;
    writeFileSync(json, `${JSON.stringify({ cases, fields, sources, invalid }, null, 2)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
