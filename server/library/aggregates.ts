// The city's contributions counted by Index area, contributor and month, and the Index coverage view (all 18
// areas, how many practices each has, when one was last added, the areas with none). Counted in SQL over the
// search index tables (search-index.ts), brought up to date first, so no practice JSON is parsed. Live
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

/** Per-area counts and last additions for the cities, all 18 areas in taxonomy order. */
export async function areaCounts(db: Db, cityId: string, period: Period = {}) {
  const p = periodSql('clipped_at', period);
  const rows = await db.$client.execute({
    sql: `SELECT area_id, count(*) AS n, max(clipped_at) AS last FROM search_doc_areas
          WHERE city_id = ?${p.sql} GROUP BY area_id`,
    args: [cityId, ...p.args],
  });
  const byId = new Map(rows.rows.map((r) => [String(r.area_id), r]));
  return indexAreaIds.map((areaId) => {
    const r = byId.get(areaId);
    return {
      areaId,
      count: r ? Number(r.n) : 0,
      lastAddedAt: r?.last ? String(r.last) : null,
    };
  });
}

export async function cityAggregates(db: Db, cityId: string, period: Period = {}): Promise<Aggregates> {
  await catchUpSearchIndex(db, cityId);
  const client = db.$client;
  const p = periodSql('clipped_at', period);
  const [total, byArea, contributors, months] = await Promise.all([
    client.execute({
      sql: `SELECT count(*) AS n FROM search_docs WHERE city_id = ?${p.sql}`,
      args: [cityId, ...p.args],
    }),
    areaCounts(db, cityId, period),
    client.execute({
      sql: `SELECT created_by, count(*) AS n FROM search_docs WHERE city_id = ?${p.sql} GROUP BY created_by`,
      args: [cityId, ...p.args],
    }),
    client.execute({
      sql: `SELECT substr(clipped_at, 1, 7) AS month, count(*) AS n FROM search_docs
            WHERE city_id = ?${p.sql} GROUP BY month ORDER BY month`,
      args: [cityId, ...p.args],
    }),
  ]);
  const names = await memberNames(db, cityId);
  const byContributor = contributors.rows
    .map((r) => ({
      memberId: String(r.created_by),
      name: names.get(String(r.created_by)) ?? String(r.created_by),
      count: Number(r.n),
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const counted = new Map(months.rows.map((r) => [String(r.month), Number(r.n)]));
  return {
    total: Number(total.rows[0]!.n),
    byArea,
    byContributor,
    byMonth: monthRange(period, [...counted.keys()]).map((month) => ({
      month,
      count: counted.get(month) ?? 0,
    })),
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
