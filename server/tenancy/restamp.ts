// Re-sends every live stakeholder of a city to every member: bumps the library version and stamps the
// stakeholders with it, so the next pull brings them again. Used when what a member may see of them changes
// (the city's viewersSeeContacts setting, a member becoming or ceasing to be a viewer): a viewer's copy then
// gets its contact details, or loses them, without waiting for the next edit. Values and merge clocks stay.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cities, libraryObjects } from '../db/schema/index.ts';

type Runner = Pick<Db, 'select' | 'update'>;

/** Returns the library version afterwards (unchanged when the city has no live stakeholder). */
export async function restampStakeholders(db: Runner, cityId: string): Promise<number> {
  const [city] = await db.select({ v: cities.libraryVersion }).from(cities).where(eq(cities.id, cityId));
  const live = and(
    eq(libraryObjects.cityId, cityId),
    eq(libraryObjects.kind, 'stakeholder'),
    isNull(libraryObjects.deletedAt),
  );
  const any = await db.select({ id: libraryObjects.id }).from(libraryObjects).where(live).limit(1);
  if (any.length === 0) return city!.v;
  const version = city!.v + 1;
  await db.update(libraryObjects).set({ version }).where(live);
  await db.update(cities).set({ libraryVersion: version }).where(eq(cities.id, cityId));
  return version;
}
