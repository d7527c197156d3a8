// Issue 15, item 5: exports are safe to open, whatever a record holds (a value stored before the input checks,
// or one that passes them). Each class with hostile values, read back as a victim's tool would read it: CSV by
// csv-parse splitting on "," ";" and tab, with and without honouring quotes; vCard line by line, as a lax
// reader splits it, and by ical.js; Markdown by its link and raw-HTML syntax. Then the input side through the
// real app: languages are tags, page addresses http(s) or file, a page's language repaired rather than refused.
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { practicesCsv, practicesMarkdown } from '../../server/library/exports.ts';
import type { practiceExportSchema } from '../../shared/api/library.ts';
import { csvCell, stakeholdersToCsv } from '../../shared/contacts/csv.ts';
import { stakeholderToVCard } from '../../shared/contacts/vcard.ts';
import { stakeholder } from '../shared/contacts-fixtures.ts';
import { fileBackend } from './support/backend.ts';
import { get, practice, push } from './support/library-data.ts';
import { createStakeholder } from './support/mutations.ts';
import { makeWorld } from './support/world.ts';

type ExportedPractice = z.infer<typeof practiceExportSchema>['practices'][number];

/** Values that are, or hide after a separator, a formula: = + - @ tab CR, after , ; tab CR LF and spaces. */
const formulas = [
  '=1+1',
  'Org;=1+1',
  'Org,=HYPERLINK("http://evil.example","x")',
  'a\t=1',
  'a\t\t=1',
  'x\n=cmd|" /C calc"!A0',
  'x\r\n@SUM(A1)',
  'line\r+3',
  '\r=1',
  'y; +1',
  'y ,  -1',
  'ok "quoted";=2',
  '\t@x',
];

const startsAsFormula = /^[=+\-@\t\r]/;

/**
 * Every cell a spreadsheet could make of the file: split on each delimiter, honouring quotes (as Excel does),
 * and ignoring them (a careless import, where line breaks inside quotes also start a row). A leading space
 * and the quote that opened a quoted cell are what such a reader shows before the content.
 */
function cellsAnyReaderSees(csv: string): string[] {
  const cells: string[] = [];
  for (const delimiter of [',', ';', '\t']) {
    const quoted = parse(csv, { bom: true, delimiter, relax_quotes: true, relax_column_count: true });
    const naive = parse(csv, {
      bom: true,
      delimiter,
      quote: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
    });
    for (const row of [...quoted, ...naive] as string[][]) cells.push(...row);
  }
  return cells.map((c) => c.replace(/^ +/, '').replace(/^"/, ''));
}

function exported(overrides: Partial<ExportedPractice>): ExportedPractice {
  return {
    id: '0195f7a2-0000-7000-8000-0000000000b1',
    title: 'Welcome desk',
    url: 'https://www.lyon.fr/welcome-desk',
    siteName: 'Lyon',
    excerpt: '',
    note: '',
    areas: ['education'],
    tags: [],
    lang: 'fr',
    visibility: 'city',
    clippedAt: '2025-03-01T08:00:00.000Z',
    createdBy: 'member-1',
    createdByName: 'Lyon Contributor',
    contentMarkdown: '',
    ...overrides,
  };
}

describe('CSV exports: no cell any reader makes of them starts a formula', () => {
  it('contacts: every text cell, and each value of a multi-valued one', () => {
    const list = formulas.map((f, i) =>
      stakeholder({
        id: `0195f7a2-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`,
        name: f,
        organisation: f,
        role: f,
        notes: f,
        lawfulBasisNote: f,
        phones: ['+33472103030', '+4722334455'],
      }),
    );
    const csv = stakeholdersToCsv(list);
    const offending = cellsAnyReaderSees(csv).filter((c) => startsAsFormula.test(c));
    expect(offending).toEqual([]);
    // Read as the file says (commas, quotes honoured), each cell is its value with the apostrophes added.
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Name)).toEqual(
      formulas.map((f) => f.replace(/(?<=^|[,;\t\r\n])( *)(?=[=+\-@\t\r])/g, "$1'")),
    );
    expect(rows[1]!.Name).toBe("Org;'=1+1");
    expect(rows[0]!.Phones).toBe("'+33472103030; '+4722334455");
  });

  it('library: title, site, summary, note, tags and contributor', () => {
    const list = formulas.map((f) =>
      exported({ title: f, siteName: f, excerpt: f, note: f, tags: [`t${f}`, f], createdByName: f }),
    );
    for (const lang of ['en', 'fr'] as const) {
      const offending = cellsAnyReaderSees(practicesCsv(list, lang)).filter((c) => startsAsFormula.test(c));
      expect(offending).toEqual([]);
    }
  });

  it('a cell with a semicolon or a tab is quoted, so a reader splitting on them and honouring quotes keeps it', () => {
    expect(csvCell('Ville de Lyon; Mairie')).toBe('"Ville de Lyon; Mairie"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    const [row] = parse(`${csvCell('x;=1')};${csvCell('a\tb')}\r\n`, { delimiter: ';' }) as string[][];
    expect(row).toEqual(["x;'=1", 'a\tb']);
  });
});

/** The property names of a vCard's lines, after unfolding, as a reader that breaks lines at any CR or LF sees them. */
const propertyNames = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n|\r|\n/)
    .filter(Boolean)
    .map((line) => /^[^;:]*/.exec(line)![0]);

describe('vCard export: no value writes a line of its own', () => {
  const evil = stakeholder({
    name: 'Eve\rEMAIL:fn@evil.example',
    organisation: 'Org\r\nEMAIL:org@evil.example',
    role: 'Role\nTEL:+10000000',
    emails: ['amina@example.org'],
    phones: ['+33 1\r\nEMAIL:tel@evil.example', 'call\nEMAIL:tel2@evil.example'],
    website: 'https://x.example/\r\nEMAIL:url@evil.example',
    sourceUrl: 'https://x.example/\nEMAIL:src@evil.example',
    languages: ['fr', 'en\r\nEMAIL:lang@evil.example', 'de\nEND:VCARD\nBEGIN:VCARD\nFN:Injected'],
    notes: 'a\u0000b\u000bc\r\nEMAIL:note@evil.example',
    lawfulBasisNote: 'n\rX-INJECTED:1',
  });

  it('every line is a property the export writes, with one e-mail', () => {
    const text = stakeholderToVCard(evil);
    const names = propertyNames(text);
    const known = new Set([
      'BEGIN',
      'VERSION',
      'PRODID',
      'UID',
      'FN',
      'N',
      'ORG',
      'TITLE',
      'EMAIL',
      'TEL',
      'URL',
      'LANG',
      'CATEGORIES',
      'NOTE',
      'X-ICC-SOURCE-URL',
      'X-ICC-LAWFUL-BASIS',
      'X-ICC-LAWFUL-BASIS-NOTE',
      'REV',
      'END',
    ]);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    expect(names.filter((n) => n === 'EMAIL')).toHaveLength(1);
    expect(names.filter((n) => n === 'BEGIN')).toHaveLength(1);
    expect(names.filter((n) => n === 'LANG')).toHaveLength(3);
    expect([...text].filter((c) => /\p{Cc}/u.test(c) && !'\t\r\n'.includes(c))).toEqual([]);
  });

  it('ical.js reads one card, the values intact as text, no injected property', () => {
    const card = new ICAL.Component(ICAL.parse(stakeholderToVCard(evil)) as never);
    expect(card.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['amina@example.org']);
    expect(card.getFirstPropertyValue('fn')).toBe(evil.name.replace('\r', '\n'));
    expect(card.getAllProperties('lang').map((p) => p.getFirstValue())).toEqual([
      'fr',
      // A language-tag value is not TEXT, so ical.js leaves the escapes: inert characters, not lines.
      'en\\nEMAIL:lang@evil.example',
      'de\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Injected',
    ]);
    expect(card.getFirstPropertyValue('url')).toBe('https://x.example/%0D%0AEMAIL:url@evil.example');
    expect(card.getAllProperties('x-injected')).toEqual([]);
  });
});

/** Positions of `<` not escaped by a backslash (an odd run of backslashes before it escapes it). */
function rawAngles(md: string): string[] {
  const found: string[] = [];
  for (let i = md.indexOf('<'); i >= 0; i = md.indexOf('<', i + 1)) {
    let slashes = 0;
    while (md[i - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) found.push(md.slice(Math.max(0, i - 20), i + 20));
  }
  return found;
}

/** The destinations of every Markdown link or image whose `](` is not escaped. */
function linkDestinations(md: string): string[] {
  const out: string[] = [];
  for (const m of md.matchAll(/\]\(/g)) {
    let slashes = 0;
    while (md[m.index - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) out.push(md.slice(m.index + 2).split(/\)(?:\s|$)/)[0]!);
  }
  return out;
}

describe('Markdown export: no raw HTML from data, live links only to http(s), mailto and tel', () => {
  const urls = [
    'https://x.example/a<img src=x onerror=alert(1)>',
    'https://x.example/a)](javascript:alert(1))',
    'https://x.example/<',
    'file:///C:/Users/ana/secret.html',
    'ms-msdt:/id PCWDiagnostic /skip force /param "IT_BrowseForFile=x"',
    'search-ms:query=invoice&crumb=location:\\\\evil.example\\share',
    'javascript:alert(1)',
    'https://[2001:db8::1]/page(1)',
  ];
  const list = urls.map((url, i) =>
    exported({
      id: `0195f7a2-0000-7000-8000-0000000002${String(i).padStart(2, '0')}`,
      url,
      title: i === 0 ? '<img src=x onerror=alert(1)>' : `Practice ${i} ](javascript:alert(1)) \\<b>`,
      siteName: '<svg onload=alert(1)>',
      excerpt: 'Quote <script>alert(1)</script>\n<img src=x onerror=alert(2)>',
      note: '[click](ms-msdt:/id x) ![i](file:///x)',
      tags: ['<i>tag</i>'],
      createdByName: '<b>Eve</b>',
    }),
  );
  const md = practicesMarkdown(list, 'en', 'Lyon <script>', '2025-03-01T00:00:00.000Z');

  it('every < is escaped', () => {
    expect(rawAngles(md)).toEqual([]);
    expect(md).not.toContain('(<');
  });

  it('links go only to http(s) addresses, percent-encoded so nothing in them reshapes the link', () => {
    const destinations = linkDestinations(md);
    expect(destinations).toEqual([
      'https://x.example/a%3Cimg%20src=x%20onerror=alert%281%29%3E',
      'https://x.example/a%29%5D%28javascript:alert%281%29%29',
      'https://x.example/%3C',
      'https://[2001:db8::1]/page%281%29',
    ]);
    for (const d of destinations) expect(d).toMatch(/^https?:\/\/[^\s<>()\\]+$/);
  });

  it('a page at any other address is a plain heading with its address as escaped text', () => {
    const lines = md.split('\n');
    expect(lines).toContain('## Practice 3 \\]\\(javascript:alert\\(1\\)\\) \\\\\\<b\\>');
    expect(lines).toContain('- URL: file:///C:/Users/ana/secret.html');
    expect(lines.some((l) => l.startsWith('- URL: ms-msdt:/id PCWDiagnostic'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('## '))).toHaveLength(urls.length);
  });
});

describe('input: languages are tags, page addresses http(s) or file', () => {
  it('a contact whose language holds a line break is refused with 400 naming the field', async () => {
    const w = await makeWorld(fileBackend);
    for (const bad of ['en\r\nEMAIL:evil@evil.example', 'français', 'fr;de', '']) {
      const res = await w.call('POST', '/api/sync/push', {
        token: w.a.coordinator.token,
        json: { clientId: 'c', mutations: [createStakeholder(undefined, {}, { languages: [bad] })] },
      });
      expect([res.status, res.body.error.code], bad).toEqual([400, 'validation_failed']);
      expect(res.body.error.message, bad).toMatch(/^mutations\.0\.add\.languages\.0: /);
    }
    await push(w, w.a.coordinator.token, [
      createStakeholder(undefined, {}, { languages: ['fr', 'pt-BR', 'zh-Hant-TW', 'und'] }),
    ]);
  });

  it('a practice at an address that would launch something is refused; a local file is kept', async () => {
    const w = await makeWorld(fileBackend);
    for (const url of [
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'chrome://settings/',
      'javascript:1',
    ]) {
      const res = await w.call('POST', '/api/sync/push', {
        token: w.a.contributor.token,
        json: { clientId: 'c', mutations: [practice({ title: 'x', ...({ url } as object) })] },
      });
      expect([res.status, res.body.error.message.split(':')[0]], url).toEqual([
        400,
        'mutations.0.fields.url',
      ]);
    }
    await push(w, w.a.contributor.token, [
      practice({ title: 'Local', ...({ url: 'file:///C:/a.html' } as object) }),
    ]);
  });

  it("a page's declared language is repaired, never refused: en_US → en-US, '' and 'english' → null", async () => {
    const w = await makeWorld(fileBackend);
    const cases = [
      ['en_US', 'en-US'],
      [' fr-BE ', 'fr-BE'],
      ['und', 'und'],
      ['', null],
      ['english', null],
      ['en\r\nEMAIL:x', null],
    ] as const;
    const mutations = cases.map(([lang]) => practice({ title: `Page ${lang}`, lang }));
    await push(w, w.a.contributor.token, mutations);
    for (const [i, [, expected]] of cases.entries()) {
      const detail = await get(w, w.a.viewer.token, `/api/library/practices/${mutations[i]!.objectId}`);
      expect(detail.body.practice.lang, cases[i]![0]).toBe(expected);
    }
  });
});
