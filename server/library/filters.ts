// The library filters (shared/api/library.ts) as SQL over search_docs `d`: Index areas, tags, contributors,
// date range, language and visibility. Lists match any of their values; filters combine with AND. No JSON is
// parsed: search-index.ts stored every filterable value in its own column.
import type { InValue } from '@libsql/client';
import type { LibraryQuery } from '../../shared/api/library.ts';
import {
  areaToken,
  langToken,
  monthToken,
  tagSeparator,
  visibilityToken,
  yearToken,
} from './search-index.ts';

export type Filters = Pick<
  LibraryQuery,
  'areas' | 'tags' | 'contributors' | 'from' | 'to' | 'lang' | 'visibility'
>;

export interface SqlPart {
  sql: string;
  args: InValue[];
  /** Whether anything beyond the cities narrows the docs. */
  narrows: boolean;
}

const marks = (n: number) => Array(n).fill('?').join(', ');

/** The first instant after the day `to` (YYYY-MM-DD), as stored clipped_at values compare. */
export function dayAfter(to: string): string {
  return new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString();
}
export const dayStart = (from: string) => `${from}T00:00:00.000Z`;

/** `cityIds` scope the docs; the rest narrows them. */
export function filterSql(cityIds: readonly string[], f: Filters): SqlPart {
  const where: string[] = [];
  const args: InValue[] = [];
  if (cityIds.length === 1) {
    where.push('d.city_id = ?');
    args.push(cityIds[0]!);
  } else {
    where.push(`d.city_id IN (${marks(cityIds.length)})`);
    args.push(...cityIds);
  }
  if (f.areas?.length) {
    // The date range is applied inside too (index city_id, area_id, clipped_at): the set the subquery builds
    // is then the area's practices of the period, not of all time.
    let range = '';
    const rangeArgs: InValue[] = [];
    if (f.from) {
      range += ' AND a.clipped_at >= ?';
      rangeArgs.push(dayStart(f.from));
    }
    if (f.to) {
      range += ' AND a.clipped_at < ?';
      rangeArgs.push(dayAfter(f.to));
    }
    where.push(
      `d.rowid IN (SELECT doc FROM search_doc_areas a WHERE a.city_id IN (${marks(cityIds.length)}) AND a.area_id IN (${marks(f.areas.length)})${range})`,
    );
    args.push(...cityIds, ...f.areas, ...rangeArgs);
  }
  if (f.tags?.length) {
    where.push(`(${f.tags.map(() => 'instr(d.tags, ?) > 0').join(' OR ')})`);
    args.push(...f.tags.map((t) => `${tagSeparator}${t.trim().toLocaleLowerCase()}${tagSeparator}`));
  }
  if (f.contributors?.length) {
    where.push(`d.created_by IN (${marks(f.contributors.length)})`);
    args.push(...f.contributors);
  }
  if (f.from) {
    where.push('d.clipped_at >= ?');
    args.push(dayStart(f.from));
  }
  if (f.to) {
    where.push('d.clipped_at < ?');
    args.push(dayAfter(f.to));
  }
  // A practice without a valid date (only data older than the schema's check: search-index.ts stores its raw
  // text) is in no date range, whatever its text compares to: as with the index's year and month terms.
  if (f.from || f.to) where.push(`d.clipped_at LIKE '____-__-__T%'`);
  if (f.lang) {
    const lang = f.lang.toLowerCase();
    where.push("(d.lang = ? OR substr(d.lang, 1, ?) = ? || '-')");
    args.push(lang, lang.length + 1, lang);
  }
  if (f.visibility) {
    where.push('d.visibility = ?');
    args.push(f.visibility);
  }
  return { sql: where.join(' AND '), args, narrows: where.length > 1 };
}

/** Beyond this many year/month tokens a date range is left to the SQL check alone. */
const maxDateTokens = 48;

/**
 * The filters as FTS5 terms on the last column (search-index.ts, filterTokens): Index areas, visibility,
 * language and the date range (whole years, else months). They only narrow the words' matches inside the index
 * (a superset of the filtered practices); filterSql still checks every value exactly. Null when no filter has
 * terms. Tags and contributors stay SQL only.
 */
export function filterMatch(f: Filters): string | null {
  const terms: string[] = [];
  const any = (tokens: readonly string[]) => `(${tokens.map((t) => `"${t}"`).join(' OR ')})`;
  if (f.areas?.length) terms.push(any([...new Set(f.areas.map(areaToken))]));
  if (f.visibility) terms.push(any([visibilityToken(f.visibility)]));
  if (f.lang) terms.push(any([langToken(f.lang)]));
  const dates = f.from && f.to ? dateTokens(f.from, f.to) : null;
  if (dates?.length) terms.push(any(dates));
  return terms.length ? `{city} : (${terms.join(' AND ')})` : null;
}

/**
 * Whether filterMatch's terms keep exactly the practices filterSql keeps, so the index alone can count and
 * rank them: Index areas, visibility, a language without region ("en", whose term is the primary subtag) and
 * dates from the first of a month to the last day of a month (whole months and years: what period filters
 * and reports pick). Tags, contributors and day-precise ranges still need filterSql's check.
 */
export function termsAreExact(f: Filters): boolean {
  if (f.tags?.length || f.contributors?.length) return false;
  if (f.lang && !/^[a-z]{2,3}$/i.test(f.lang)) return false;
  if (!f.from && !f.to) return true;
  return wholeMonths(f) && !!dateTokens(f.from!, f.to!)?.length;
}

/** Both ends given, `from` the first day of its month and `to` the last day of its. */
function wholeMonths(f: Filters): boolean {
  return !!f.from && !!f.to && f.from.endsWith('-01') && dayAfter(f.to).slice(8, 10) === '01';
}

/** The years and months (UTC) covering the days `from`..`to` (YYYY-MM-DD), or null when too many. */
function dateTokens(from: string, to: string): string[] | null {
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  if (![y, m, endY, endM].every(Number.isInteger)) return null;
  const out: string[] = [];
  while (y < endY || (y === endY && m <= endM)) {
    if (m === 1 && (y < endY || endM === 12)) {
      out.push(yearToken(String(y).padStart(4, '0')));
      y++;
    } else {
      out.push(monthToken(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`));
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
    if (out.length > maxDateTokens) return null;
  }
  return out;
}
