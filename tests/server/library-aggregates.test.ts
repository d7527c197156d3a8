// GET /api/library/aggregates and /api/library/coverage through the real app, against counts this test
// computes from its own generated library: per Index area (with the last addition), per contributor, per
// month, within a period or not; deleted practices and another city's practices never counted.
import { describe, expect, it } from 'vitest';
import { aggregatesSchema, coverageSchema } from '../../shared/api/library.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';
import { fileBackend } from './support/backend.ts';
import { get, type PracticeSpec, practice, push, versionOf } from './support/library-data.ts';
import { deleteObject } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

interface Made {
  id: string;
  author: string;
  spec: PracticeSpec;
  deleted: boolean;
}

/** A library of `n` practices by three members, areas drawn from the first 12 (6 areas stay empty). */
async function library(w: World, n: number, seed: number) {
  const random = seeded(seed);
  const third = await w.person(w.a.city.id, 'contributor', 'Third Person');
  const authors = [w.a.coordinator, w.a.contributor, third];
  const made: Made[] = [];
  const byAuthor = new Map<string, unknown[]>();
  for (let i = 0; i < n; i++) {
    const areas = [
      ...new Set(
        Array.from({ length: Math.floor(random() * 4) }, () => indexAreaIds[Math.floor(random() * 12)]!),
      ),
    ];
    const day = Date.parse('2024-01-01T00:00:00Z') + Math.floor(random() * 730) * 86_400_000;
    const clippedAt = new Date(day + Math.floor(random() * 86_400_000)).toISOString();
    const spec: PracticeSpec = { title: `Practice ${i}`, areas, clippedAt };
    const author = authors[Math.floor(random() * authors.length)]!;
    const m = practice(spec);
    byAuthor.set(author.token, [...(byAuthor.get(author.token) ?? []), m]);
    made.push({ id: m.objectId, author: author.member.id, spec, deleted: false });
  }
  for (const [token, mutations] of byAuthor) await push(w, token, mutations);
  // Delete every seventh practice.
  const deletions = [];
  for (const p of made.filter((_, i) => i % 7 === 3)) {
    deletions.push(deleteObject('practice', p.id, await versionOf(w, p.id)));
    p.deleted = true;
  }
  await push(w, w.a.coordinator.token, deletions);
  // Another city's practices, in every area: never counted for city A.
  await push(w, w.b.coordinator.token, [practice({ title: 'Elsewhere', areas: [...indexAreaIds] })]);
  const names = new Map(authors.map((a) => [a.member.id, a.member.name]));
  return { made, names };
}

/** The expected aggregates, computed from the generated specs alone. */
function expected(made: Made[], names: Map<string, string>, from?: string, to?: string) {
  const live = made.filter(
    (p) =>
      !p.deleted &&
      (!from || p.spec.clippedAt! >= `${from}T00:00:00.000Z`) &&
      (!to || p.spec.clippedAt!.slice(0, 10) <= to),
  );
  const byArea = indexAreaIds.map((areaId) => {
    const inArea = live.filter((p) => p.spec.areas!.includes(areaId));
    const last =
      inArea
        .map((p) => p.spec.clippedAt!)
        .sort()
        .at(-1) ?? null;
    return { areaId, count: inArea.length, lastAddedAt: last };
  });
  const contributors = new Map<string, number>();
  const months = new Map<string, number>();
  for (const p of live) {
    contributors.set(p.author, (contributors.get(p.author) ?? 0) + 1);
    const month = p.spec.clippedAt!.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return {
    total: live.length,
    byArea,
    contributors: Object.fromEntries([...contributors].map(([id, n]) => [names.get(id)!, n])),
    months,
  };
}

describe('aggregates and Index coverage', () => {
  it('match counts computed from the generated library, with and without a period', async () => {
    const w = await makeWorld(fileBackend);
    const { made, names } = await library(w, 150, 11);
    const t = w.a.viewer.token;

    for (const [from, to] of [
      [undefined, undefined],
      ['2024-03-15', '2024-11-30'],
      ['2025-02-01', undefined],
    ] as const) {
      const params: Record<string, string> = {};
      if (from) params.from = from;
      if (to) params.to = to;
      const answer = await get(w, t, '/api/library/aggregates', params);
      expect(answer.status).toBe(200);
      const got = aggregatesSchema.parse(answer.body);
      const want = expected(made, names, from, to);
      expect(got.total).toBe(want.total);
      expect(got.byArea).toEqual(want.byArea);
      expect(Object.fromEntries(got.byContributor.map((c) => [c.name, c.count]))).toEqual(want.contributors);
      // Sorted by count, most first.
      const counts = got.byContributor.map((c) => c.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      // Every month with a practice has its count; months between them are present with zero.
      for (const m of got.byMonth) expect(m.count).toBe(want.months.get(m.month) ?? 0);
      expect(got.byMonth.reduce((n, m) => n + m.count, 0)).toBe(want.total);
      const listed = got.byMonth.map((m) => m.month);
      expect(listed).toEqual([...listed].sort());
      expect(new Set(listed).size).toBe(listed.length);
    }

    const coverage = coverageSchema.parse((await get(w, t, '/api/library/coverage')).body);
    const all = expected(made, names);
    expect(coverage.areas).toEqual(all.byArea);
    expect(coverage.missing).toEqual(all.byArea.filter((a) => a.count === 0).map((a) => a.areaId));
    expect(coverage.missing).toEqual(indexAreaIds.slice(12));
  });

  it('city B sees only its own practice, and a period or parameter error is a 400', async () => {
    const w = await makeWorld(fileBackend);
    await library(w, 20, 3);
    const b = aggregatesSchema.parse((await get(w, w.b.viewer.token, '/api/library/aggregates')).body);
    expect(b.total).toBe(1);
    expect(b.byArea.every((a) => a.count === 1)).toBe(true);
    for (const [params, name] of [
      [{ from: '2025-02-30' }, 'from'],
      [{ from: '2025-03-01', to: '2025-02-01' }, 'from'],
      [{ area: 'education' }, 'area'],
    ] as const) {
      const answer = await get(w, w.a.viewer.token, '/api/library/aggregates', params);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message.startsWith(name)).toBe(true);
    }
    expect((await get(w, w.a.viewer.token, '/api/library/coverage', { x: '1' })).status).toBe(400);
  });
});
