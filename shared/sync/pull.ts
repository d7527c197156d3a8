// Cuts one page of a pull. Every object a push changed carries that push's version, so a page must end on
// a version boundary: the client's cursor is a version, and a page that stopped in the middle of one would
// make the next `since` skip the rest of it. Pure; server/sync/pull.ts runs the queries.

export interface VersionedRow {
  version: number;
}

export interface PageCut<T> {
  rows: T[];
  /** The version the client may store as its cursor after applying `rows`. */
  through: number;
  hasMore: boolean;
  /** Set when one version alone holds more rows than the page limit: fetch all of that version instead. */
  wholeVersion?: number;
}

/** `rows` are ordered by version and hold at most `limit + 1` rows (the extra one tells whether more exist). */
export function cutPage<T extends VersionedRow>(
  rows: T[],
  limit: number,
  libraryVersion: number,
): PageCut<T> {
  // 1. Everything fits: the client is now at the library version.
  if (rows.length <= limit) return { rows, through: libraryVersion, hasMore: false };
  // 2. More rows remain: end the page before the version the limit cuts through.
  const cutVersion = rows[limit]!.version;
  const kept = rows.slice(0, limit).filter((r) => r.version < cutVersion);
  if (kept.length > 0) return { rows: kept, through: kept.at(-1)!.version, hasMore: true };
  // 3. The first version alone is larger than a page: the caller returns that version whole.
  return { rows: [], through: cutVersion, hasMore: true, wholeVersion: cutVersion };
}
