// The data of the period report (shared/report/period-report.ts renders it): for the days from `from` to
// `to` inclusive (UTC), the live practices clipped in the period by Index area and by contributor, the
// areas with no live practice clipped up to the period's end, stakeholders created in the period and those
// named by the period's practices, and the snippet translations reviewed in the period.
import type { ReportData } from '../../shared/report/period-report.ts';
import type { Snippet } from '../../shared/schemas/snippet.ts';
import type { Db } from '../db/client.ts';
import { areaCounts, cityAggregates } from './aggregates.ts';
import { dayAfter, dayStart } from './filters.ts';
import { liveObjects } from './objects.ts';

export type { ReportData };

export async function periodReport(
  db: Db,
  cityId: string,
  period: { from: string; to: string },
  options: { now?: number } = {},
): Promise<ReportData> {
  const start = dayStart(period.from);
  const end = dayAfter(period.to);
  const aggregates = await cityAggregates(db, cityId, period);
  const [upToEnd, city, created, linked, snippets] = await Promise.all([
    areaCounts(db, cityId, { to: period.to }),
    db.$client.execute({ sql: 'SELECT name FROM cities WHERE id = ?', args: [cityId] }),
    db.$client.execute({
      sql: `SELECT count(*) AS n FROM library_objects WHERE city_id = ? AND kind = 'stakeholder'
            AND deleted_at IS NULL AND created_at >= ? AND created_at < ?`,
      args: [cityId, start, end],
    }),
    db.$client.execute({
      sql: `SELECT count(DISTINCT s.value) AS n
            FROM search_docs d
            JOIN library_objects p ON p.city_id = d.city_id AND p.id = d.practice_id
            JOIN json_each(p.data, '$.stakeholderIds') s
            JOIN library_objects k ON k.city_id = d.city_id AND k.id = s.value
              AND k.kind = 'stakeholder' AND k.deleted_at IS NULL
            WHERE d.city_id = ? AND d.clipped_at >= ? AND d.clipped_at < ?`,
      args: [cityId, start, end],
    }),
    liveObjects<Snippet>(db, cityId, 'snippet'),
  ]);
  let translationsReviewed = 0;
  for (const s of snippets)
    for (const t of s.translations ?? []) {
      if (t.status !== 'reviewed' || !t.reviewedAt) continue;
      const at = new Date(t.reviewedAt).toISOString();
      if (at >= start && at < end) translationsReviewed++;
    }
  return {
    city: { id: cityId, name: String(city.rows[0]?.name ?? '') },
    from: period.from,
    to: period.to,
    generatedAt: new Date(options.now ?? Date.now()).toISOString(),
    newPractices: {
      total: aggregates.total,
      byArea: aggregates.byArea.map(({ areaId, count }) => ({ areaId, count })),
    },
    areasWithoutEvidence: upToEnd.filter((a) => a.count === 0).map((a) => a.areaId),
    stakeholders: { created: Number(created.rows[0]!.n), linked: Number(linked.rows[0]!.n) },
    translationsReviewed,
    contributors: aggregates.byContributor,
  };
}
