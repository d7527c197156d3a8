// The city's contributions counted by Index area, contributor and month, and the Index coverage view (all 18
// areas, how many practices each has, when one was last added, the areas with none). Summed from the counts
// per day that the search index's catch-up keeps (search_counts, migration 0005; search-index.ts), brought
// up to date first, so neither practice JSON nor every practice's row is read. Live
// practices only; a practice in several areas counts once in each. Dates are the practices' clippedAt (UTC).
import type { InValue } from '@libsql/client';
import type { Aggregates, Coverage, Period } from '../../shared/api/library.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';
import type { Db } from '../db/client.ts';
import { dayAfter, dayStart } from './filters.ts';
import { memberNames } from './objects.ts';
import { catchUpSearchIndex } from './search-index.ts';

export type { Aggregates, Coverage };

/** `AND clipped_at …` for the period, with its arguments. */
function periodSql(column: string, period: Period): { sql: string; args: InValue[] } {
  let sql = '';
  const args: InValue[] = [];
  if (period.from) {
    sql += ` AND ${column} >= ?`;
    args.push(dayStart(period.from));
  }
  if (period.to) {
    sql += ` AND ${column} < ?`;
    args.push(dayAfter(period.to));
  }
  return { sql, args };
}

/** `AND day …` for the period over search_counts' days (YYYY-MM-DD): the same practices as periodSql. */
function daySql(period: Period): { sql: string; args: InValue[] } {
  let sql = '';
  const args: InValue[] = [];
  if (period.from) {
    sql += ' AND day >= ?';
    args.push(period.from);
  }
  if (period.to) {
    sql += ' AND day <= ?';
    args.push(period.to);
  }
  return { sql, args };
}

/** Per-area counts and last additions for the cities, all 18 areas in taxonomy order. The counts are summed
 * from the pre-counted days (search_counts); the last addition of each area found is one seek at the end of
 * the index (city_id, area_id, clipped_at). */
export async function areaCounts(db: Db, cityId: string, period: Period = {}) {
  const d = daySql(period);
  const counts = await db.$client.execute({
    sql: `SELECT key AS area_id, sum(n) AS n FROM search_counts
          WHERE city_id = ? AND kind = 'area'${d.sql} GROUP BY key`,
    args: [cityId, ...d.args],
  });
  const found = counts.rows.filter((r) => Number(r.n) > 0).map((r) => String(r.area_id));
  const last = new Map<string, string>();
  if (found.length > 0) {
    const p = periodSql('s.clipped_at', period);
    const rows = await db.$client.execute({
      sql: `WITH a(id) AS (VALUES ${found.map(() => '(?)').join(', ')})
            SELECT a.id AS area_id, (SELECT max(s.clipped_at) FROM search_doc_areas s
              WHERE s.city_id = ? AND s.area_id = a.id${p.sql}) AS last FROM a`,
      args: [...found, cityId, ...p.args],
    });
    for (const r of rows.rows) if (r.last) last.set(String(r.area_id), String(r.last));
  }
  const byId = new Map(counts.rows.map((r) => [String(r.area_id), Number(r.n)]));
  return indexAreaIds.map((areaId) => ({
    areaId,
    count: byId.get(areaId) ?? 0,
    lastAddedAt: last.get(areaId) ?? null,
  }));
}

export async function cityAggregates(db: Db, cityId: string, period: Period = {}): Promise<Aggregates> {
  await catchUpSearchIndex(db, cityId);
  const client = db.$client;
  // Summed from the pre-counted (contributor, day) rows of search_counts (a few thousand on 100,000
  // practices over three years): total, per contributor and per month in one small read.
  const d = daySql(period);
  const [byArea, cells] = await Promise.all([
    areaCounts(db, cityId, period),
    client.execute({
      sql: `SELECT key AS created_by, substr(day, 1, 7) AS month, sum(n) AS n FROM search_counts
            WHERE city_id = ? AND kind = 'member'${d.sql} GROUP BY key, month`,
      args: [cityId, ...d.args],
    }),
  ]);
  let total = 0;
  const perMember = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const r of cells.rows) {
    const n = Number(r.n);
    total += n;
    perMember.set(String(r.created_by), (perMember.get(String(r.created_by)) ?? 0) + n);
    counted.set(String(r.month), (counted.get(String(r.month)) ?? 0) + n);
  }
  const months = [...counted.keys()].sort();
  const names = await memberNames(db, cityId);
  const byContributor = [...perMember]
    .map(([memberId, count]) => ({ memberId, name: names.get(memberId) ?? memberId, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    total,
    byArea,
    byContributor,
    byMonth: monthRange(period, months).map((month) => ({ month, count: counted.get(month) ?? 0 })),
  };
}

/**
 * Every month from the period's start (or the first month with a practice) to its end (or the last one),
 * so a chart shows empty months as zeros.
 */
export function monthRange(period: Period, months: readonly string[]): string[] {
  const first = period.from?.slice(0, 7) ?? months[0];
  const last = period.to?.slice(0, 7) ?? months[months.length - 1];
  if (!first || !last) return [];
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export async function indexCoverage(db: Db, cityId: string): Promise<Coverage> {
  await catchUpSearchIndex(db, cityId);
  const areas = await areaCounts(db, cityId);
  return { areas, missing: areas.filter((a) => a.count === 0).map((a) => a.areaId) };
}
