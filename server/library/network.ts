// The national network view (issue 6): a network coordinator (table network_coordinators, granted with the
// admin CLI) sees the member cities' aggregates side by side — counts of all their live practices, which
// reveal no content — and searches only the practices those cities shared with the network
// (visibility 'network'). Never a contact, an unshared practice's content, a highlight or a snippet.
import { eq } from 'drizzle-orm';
import type { LibraryQuery, NetworkOverview, NetworkSearchResult } from '../../shared/api/library.ts';
import type { Db } from '../db/client.ts';
import { cities, networkCoordinators } from '../db/schema/index.ts';
import { areaCounts } from './aggregates.ts';
import { queryTokens } from './marks.ts';
import { findDocs, hits } from './search.ts';
import { catchUpSearchIndex } from './search-index.ts';

export type { NetworkOverview, NetworkSearchResult };

/** The network this member coordinates, or null. */
export async function coordinatedNetwork(db: Db, memberId: string): Promise<string | null> {
  const [row] = await db
    .select({ networkId: networkCoordinators.networkId })
    .from(networkCoordinators)
    .where(eq(networkCoordinators.memberId, memberId));
  return row?.networkId ?? null;
}

async function networkCities(db: Db, networkId: string) {
  const rows = await db
    .select({ id: cities.id, name: cities.name })
    .from(cities)
    .where(eq(cities.networkId, networkId))
    .orderBy(cities.name);
  for (const c of rows) await catchUpSearchIndex(db, c.id);
  return rows;
}

export async function networkOverview(db: Db, networkId: string): Promise<NetworkOverview> {
  const list = await networkCities(db, networkId);
  const out: NetworkOverview['cities'] = [];
  for (const city of list) {
    const counts = await db.$client.execute({
      sql: `SELECT count(*) AS total, coalesce(sum(visibility = 'network'), 0) AS shared
            FROM search_docs WHERE city_id = ?`,
      args: [city.id],
    });
    const areas = await areaCounts(db, city.id);
    out.push({
      cityId: city.id,
      name: city.name,
      total: Number(counts.rows[0]!.total),
      shared: Number(counts.rows[0]!.shared),
      byArea: areas.map(({ areaId, count }) => ({ areaId, count })),
    });
  }
  return { networkId, cities: out };
}

export async function searchNetworkPractices(
  db: Db,
  networkId: string,
  query: LibraryQuery,
): Promise<NetworkSearchResult> {
  const list = await networkCities(db, networkId);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (list.length === 0 || query.visibility === 'city') return { total: 0, page, pageSize, items: [] };
  const names = new Map(list.map((c) => [c.id, c.name]));
  const found = await findDocs(
    db,
    list.map((c) => c.id),
    { ...query, visibility: 'network' },
  );
  const items = (await hits(db, found.ids, queryTokens(query.q))).map((h) => ({
    ...h,
    cityName: names.get(h.cityId) ?? '',
  }));
  return { total: found.total, page, pageSize, items };
}
