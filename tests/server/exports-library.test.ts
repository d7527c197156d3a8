// GET /api/exports/practices and /api/exports/contacts through the real app, read back by independent
// parsers: CSV by csv-parse, vCard by ical.js, JSON by JSON.parse and the shared schema, Markdown by its
// structure. Filters narrow the export; contacts are refused to viewers unless the city lets them see them.
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { practiceExportSchema } from '../../shared/api/library.ts';
import { indexAreaLabel } from '../../shared/taxonomy/index.ts';
import { fileBackend } from './support/backend.ts';
import { get, type PracticeSpec, practice, push, versionOf } from './support/library-data.ts';
import { createStakeholder, deleteObject } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

const specs: PracticeSpec[] = [
  {
    title: 'Cafés "langues", quartier Nord',
    excerpt: 'Line one\nline two, with a comma',
    note: '=HYPERLINK("x") not a formula',
    areas: ['language', 'neighbourhoods'],
    tags: ['café', 'Voisins'],
    clippedAt: '2025-01-05T10:00:00.000Z',
    visibility: 'network',
  },
  {
    title: 'Scuola aperta — città',
    areas: ['education'],
    tags: ['scuola'],
    lang: 'it',
    clippedAt: '2025-02-05T10:00:00.000Z',
  },
  { title: 'Plain practice', areas: [], clippedAt: '2025-03-05T10:00:00.000Z', siteName: null },
  { title: '# Not a heading [link](x)', areas: ['education'], clippedAt: '2025-04-05T10:00:00.000Z' },
];

async function library(w: World) {
  const mutations = specs.map((s) => practice(s));
  const gone = practice({ title: 'Deleted one', areas: ['education'] });
  await push(w, w.a.contributor.token, [...mutations, gone]);
  await push(w, w.a.contributor.token, [
    deleteObject('practice', gone.objectId, await versionOf(w, gone.objectId)),
  ]);
  return mutations.map((m) => m.objectId);
}

/** The answer's text (the test client parses JSON answers; exports are read back from the text). */
const body = (answer: { body: unknown }) =>
  typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);

describe('library exports', () => {
  it('CSV, JSON and Markdown hold the (filtered) library, read back by independent parsers', async () => {
    const w = await makeWorld(fileBackend);
    const ids = await library(w);
    const t = w.a.viewer.token;

    const csv = await get(w, t, '/api/exports/practices', { format: 'csv', locale: 'fr' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="icc-library-.*\.csv"$/);
    const rows = parse(body(csv), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(specs.length);
    // Newest first, as the library lists them.
    const newestFirst = [...specs.keys()].reverse();
    expect(rows.map((r) => r.Identifiant)).toEqual(newestFirst.map((i) => ids[i]));
    rows.forEach((row, n) => {
      const spec = specs[newestFirst[n]!]!;
      expect(row.Titre).toBe(spec.title);
      expect(row['Domaines de l’Index']).toBe(
        (spec.areas ?? []).map((a) => indexAreaLabel(a, 'fr')).join('; '),
      );
      expect(row.Étiquettes).toBe((spec.tags ?? []).join('; '));
      expect(row['Ajoutée le']).toBe(spec.clippedAt);
      expect(row['Contributeur ou contributrice']).toBe('Lyon Contributor');
    });
    const first = rows.find((r) => r.Identifiant === ids[0])!;
    expect(first.Résumé).toBe(specs[0]!.excerpt);
    expect(first.Note).toBe(`'${specs[0]!.note}`);

    const filtered = await get(w, t, '/api/exports/practices', { format: 'json', areas: 'education' });
    const json = practiceExportSchema.parse(JSON.parse(body(filtered)));
    expect(json.practices.map((p) => p.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect(json.city.name).toBe('Lyon');
    expect(json.filters).toEqual({ areas: ['education'] });
    expect(json.practices.find((p) => p.id === ids[1])!.lang).toBe('it');

    const all = practiceExportSchema.parse(
      JSON.parse(body(await get(w, t, '/api/exports/practices', { format: 'json' }))),
    );
    expect(all.practices).toHaveLength(specs.length);
    expect(JSON.stringify(all)).not.toContain('Deleted one');

    const md = body(await get(w, t, '/api/exports/practices', { format: 'markdown', q: 'citta' }));
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Library — Lyon');
    const headings = lines.filter((l) => l.startsWith('## '));
    expect(headings).toEqual([`## [${specs[1]!.title}](https://www.lyon.fr/welcome-desk)`]);
    const mdAll = body(await get(w, t, '/api/exports/practices', { format: 'markdown', locale: 'fr' }));
    const all2 = mdAll.split('\n');
    expect(all2[0]).toBe('# Bibliothèque — Lyon');
    // One level-2 heading per practice; a title's own Markdown is escaped, never a heading or a link.
    expect(all2.filter((l) => l.startsWith('## '))).toHaveLength(specs.length);
    expect(all2.filter((l) => l.startsWith('#')).length).toBe(specs.length + 1);
    expect(mdAll).toContain('\\# Not a heading \\[link\\]\\(x\\)');

    for (const [params, name] of [
      [{ format: 'pdf' }, 'format'],
      [{}, 'format'],
      [{ format: 'csv', locale: 'de' }, 'locale'],
      [{ format: 'csv', page: '2' }, 'page'],
    ] as const) {
      const bad = await get(w, t, '/api/exports/practices', params);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message.startsWith(name)).toBe(true);
    }
  });

  it('contacts as vCard and CSV for members allowed to see them; 403 for viewers unless the city allows', async () => {
    const w = await makeWorld(fileBackend);
    const people = [
      createStakeholder(
        undefined,
        { name: 'Amina Diallo', organisation: 'Maison des associations' },
        {
          emails: ['amina@example.org'],
          languages: ['fr'],
          topics: ['education'],
        },
      ),
      createStakeholder(
        undefined,
        { name: 'Jörg Ødegård', notes: 'Prefers, "calls"' },
        {
          emails: ['jorg@example.no', 'j2@example.no'],
          phones: ['+47 22 33 44 55'],
          languages: ['no'],
          topics: [],
        },
      ),
    ];
    const gone = createStakeholder(undefined, { name: 'Erased Person' });
    await push(w, w.a.coordinator.token, [...people, gone]);
    await w.call('POST', `/api/stakeholders/${gone.objectId}/erase`, { token: w.a.coordinator.token });
    await push(w, w.b.coordinator.token, [createStakeholder(undefined, { name: 'Bergen Person' })]);

    const vcf = await get(w, w.a.contributor.token, '/api/exports/contacts', { format: 'vcard' });
    expect(vcf.status).toBe(200);
    expect(vcf.headers.get('content-type')).toContain('text/vcard');
    const parsed = ICAL.parse(body(vcf));
    const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
    const cards = list.map((j) => new ICAL.Component(j as never));
    expect(cards.map((c) => c.getFirstPropertyValue('fn')).sort()).toEqual(['Amina Diallo', 'Jörg Ødegård']);
    const jorg = cards.find((c) => c.getFirstPropertyValue('fn') === 'Jörg Ødegård')!;
    expect(jorg.getAllProperties('email').map((p) => p.getFirstValue())).toEqual([
      'jorg@example.no',
      'j2@example.no',
    ]);
    expect(jorg.getFirstPropertyValue('note')).toBe('Prefers, "calls"');

    const csv = await get(w, w.a.coordinator.token, '/api/exports/contacts', { format: 'csv', locale: 'fr' });
    const rows = parse(body(csv), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Name).sort()).toEqual(['Amina Diallo', 'Jörg Ødegård']);
    expect(rows.find((r) => r.Name === 'Amina Diallo')!.Topics).toBe(indexAreaLabel('education', 'fr'));

    const refused = await get(w, w.a.viewer.token, '/api/exports/contacts', { format: 'vcard' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Amina');
    const setting = await w.call('PATCH', '/api/city', {
      token: w.a.coordinator.token,
      json: { viewersSeeContacts: true },
    });
    expect(setting.status).toBe(200);
    const allowed = await get(w, w.a.viewer.token, '/api/exports/contacts', { format: 'csv' });
    expect(allowed.status).toBe(200);
    expect(body(allowed)).toContain('amina@example.org');

    const bad = await get(w, w.a.coordinator.token, '/api/exports/contacts', { format: 'xls' });
    expect([bad.status, bad.body.error.message.startsWith('format')]).toEqual([400, true]);
  });
});
