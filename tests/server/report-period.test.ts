// GET /api/reports/period through the real app: the report's numbers against counts this test computes
// from its own data (new practices by area, areas still without evidence, stakeholders created and linked,
// translations reviewed, contributors), as JSON and as Markdown in English and French.
import { describe, expect, it } from 'vitest';
import {
  type ReportData,
  renderReportMarkdown,
  reportDataSchema,
} from '../../shared/report/period-report.ts';
import { indexAreaIds, indexAreaLabel } from '../../shared/taxonomy/index.ts';
import { fileBackend } from './support/backend.ts';
import { get, practice, push } from './support/library-data.ts';
import { createSnippet, createStakeholder } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

const from = '2025-02-01';
const to = '2025-02-28';
const inPeriod = (iso: string) => iso.slice(0, 10) >= from && iso.slice(0, 10) <= to;

async function data(w: World) {
  const people = [
    { at: '2025-01-20T10:00:00.000Z' },
    { at: '2025-02-01T00:00:00.000Z' },
    { at: '2025-02-28T23:59:59.000Z' },
    { at: '2025-03-01T00:00:00.000Z' },
  ].map((p, i) => ({ ...createStakeholder(undefined, { name: `Person ${i}` }), createdAt: p.at }));
  const ids = people.map((p) => p.objectId);
  const practices = [
    {
      by: 'coordinator',
      clippedAt: '2025-01-31T23:59:59.000Z',
      areas: ['education'],
      stakeholderIds: [ids[0]!],
    },
    {
      by: 'coordinator',
      clippedAt: '2025-02-01T00:00:00.000Z',
      areas: ['education', 'language'],
      stakeholderIds: [ids[0]!, ids[1]!],
    },
    {
      by: 'contributor',
      clippedAt: '2025-02-14T12:00:00.000Z',
      areas: ['language'],
      stakeholderIds: [ids[1]!],
    },
    {
      by: 'contributor',
      clippedAt: '2025-02-28T23:00:00.000Z',
      areas: ['mediation', 'participation'],
      stakeholderIds: [],
    },
    {
      by: 'contributor',
      clippedAt: '2025-03-01T00:00:00.000Z',
      areas: ['public_space'],
      stakeholderIds: [ids[3]!],
    },
  ] as const;
  const translation = (status: 'machine' | 'reviewed', reviewedAt: string | null) => ({
    lang: 'en',
    text: 'Welcome',
    engine: 'person',
    status,
    reviewedBy: null,
    reviewedAt,
  });
  const snippets = [
    [
      translation('reviewed', '2025-02-10T10:00:00.000Z'),
      translation('reviewed', '2025-03-10T10:00:00.000Z'),
    ],
    [translation('machine', null), translation('reviewed', '2025-02-27T10:00:00.000Z')],
    [translation('reviewed', '2025-01-10T10:00:00.000Z')],
  ].map((translations) => {
    const s = createSnippet();
    s.fields.translations = translations as never;
    return s;
  });
  await push(w, w.a.coordinator.token, [...people, ...snippets]);
  for (const by of ['coordinator', 'contributor'] as const) {
    await push(
      w,
      w.a[by].token,
      practices
        .filter((p) => p.by === by)
        .map((p) =>
          practice({
            title: `${by} ${p.clippedAt}`,
            clippedAt: p.clippedAt,
            areas: [...p.areas],
            stakeholderIds: [...p.stakeholderIds],
          }),
        ),
    );
  }
  // Another city's practice in the period: not counted.
  await push(w, w.b.coordinator.token, [
    practice({ title: 'B', clippedAt: '2025-02-10T00:00:00.000Z', areas: ['education'] }),
  ]);

  const fresh = practices.filter((p) => inPeriod(p.clippedAt));
  const upToEnd = practices.filter((p) => p.clippedAt.slice(0, 10) <= to);
  const contributors = new Map<string, number>();
  for (const p of fresh) contributors.set(p.by, (contributors.get(p.by) ?? 0) + 1);
  return {
    total: fresh.length,
    byArea: indexAreaIds.map((areaId) => ({
      areaId,
      count: fresh.filter((p) => (p.areas as readonly string[]).includes(areaId)).length,
    })),
    missing: indexAreaIds.filter((a) => !upToEnd.some((p) => (p.areas as readonly string[]).includes(a))),
    created: people.filter((p) => inPeriod(p.createdAt)).length,
    linked: new Set(fresh.flatMap((p) => p.stakeholderIds)).size,
    reviewed: snippets
      .flatMap((s) => s.fields.translations as { status: string; reviewedAt: string | null }[])
      .filter((t) => t.status === 'reviewed' && t.reviewedAt && inPeriod(t.reviewedAt)).length,
    contributors: Object.fromEntries(
      [...contributors].map(([by, n]) => [w.a[by as 'coordinator' | 'contributor'].member.name, n]),
    ),
  };
}

describe('period report', () => {
  it('counts what the period added, against independently computed numbers', async () => {
    const w = await makeWorld(fileBackend);
    const want = await data(w);
    const answer = await get(w, w.a.viewer.token, '/api/reports/period', { from, to });
    expect(answer.status).toBe(200);
    const report = reportDataSchema.parse(answer.body);
    expect(report.city.name).toBe('Lyon');
    expect(report.newPractices.total).toBe(want.total);
    expect(report.newPractices.byArea).toEqual(want.byArea);
    expect(report.areasWithoutEvidence).toEqual(want.missing);
    expect(report.stakeholders).toEqual({ created: want.created, linked: want.linked });
    expect(report.translationsReviewed).toBe(want.reviewed);
    expect(Object.fromEntries(report.contributors.map((c) => [c.name, c.count]))).toEqual(want.contributors);
    // The test's data is not degenerate.
    expect([want.total, want.created, want.linked, want.reviewed]).toEqual([3, 2, 2, 2]);
  });

  it('renders Markdown in English and French with the same numbers', async () => {
    const w = await makeWorld(fileBackend);
    const want = await data(w);
    for (const lang of ['en', 'fr'] as const) {
      const answer = await get(w, w.a.viewer.token, '/api/reports/period', {
        from,
        to,
        lang,
        format: 'markdown',
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('text/markdown');
      const md = String(answer.body);
      const lines = md.split('\n');
      expect(lines[0]).toBe(
        lang === 'en'
          ? '# Intercultural practices report — Lyon'
          : '# Rapport sur les pratiques interculturelles — Lyon',
      );
      const bullet = (label: string) =>
        Number(
          lines
            .find((l) => l.startsWith(`- ${label}`))!
            .split(': ')
            .at(-1),
        );
      const labels =
        lang === 'en'
          ? ['New practices', 'Stakeholders added', 'Stakeholders linked', 'Translations reviewed']
          : [
              'Nouvelles pratiques',
              'Parties prenantes ajoutées',
              'Parties prenantes liées',
              'Traductions relues',
            ];
      expect(labels.map(bullet)).toEqual([want.total, want.created, want.linked, want.reviewed]);
      // Table rows: one per area with new practices, its label in the report's language.
      for (const a of want.byArea.filter((x) => x.count > 0))
        expect(lines).toContain(`| ${indexAreaLabel(a.areaId, lang)} | ${a.count} |`);
      for (const id of want.missing) expect(lines).toContain(`- ${indexAreaLabel(id, lang)}`);
      for (const [name, n] of Object.entries(want.contributors))
        expect(lines).toContain(`| ${name} | ${n} |`);
    }
    const bad = await get(w, w.a.viewer.token, '/api/reports/period', { from: '2025-03-01', to });
    expect([bad.status, bad.body.error.message.startsWith('from')]).toEqual([400, true]);
    const missing = await get(w, w.a.viewer.token, '/api/reports/period', { from });
    expect([missing.status, missing.body.error.message.startsWith('to')]).toEqual([400, true]);
  });

  it('renders an empty period and escapes a city name in Markdown', () => {
    const empty: ReportData = {
      city: { id: 'c', name: 'Saint-*Denis*' },
      from,
      to,
      generatedAt: '2025-03-01T00:00:00.000Z',
      newPractices: { total: 0, byArea: indexAreaIds.map((areaId) => ({ areaId, count: 0 })) },
      areasWithoutEvidence: [],
      stakeholders: { created: 0, linked: 0 },
      translationsReviewed: 0,
      contributors: [],
    };
    const fr = renderReportMarkdown(empty, 'fr');
    expect(fr).toContain('Rapport sur les pratiques interculturelles — Saint-\\*Denis\\*');
    expect(fr).toContain('Aucune nouvelle pratique sur cette période.');
    expect(fr).toContain('Chaque domaine de l’Index a au moins une pratique.');
    expect(renderReportMarkdown(empty, 'en')).toContain('Nobody added a practice in this period.');
  });
});
