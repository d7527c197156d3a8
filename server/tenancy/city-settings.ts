// Changing a city's settings: the route (PATCH /api/city) and the admin CLI (set-city) share this.
import { eq } from 'drizzle-orm';
import type { CitySettings } from '../../shared/api/city.ts';
import type { Db } from '../db/client.ts';
import { cities } from '../db/schema/index.ts';
import { restampStakeholders } from './restamp.ts';

export const citySettings = (row: typeof cities.$inferSelect): CitySettings => ({
  viewersSeeContacts: row.viewersSeeContacts,
});

/** Applies the patch; a change of what viewers see re-sends the stakeholders (restamp.ts). Null: no city. */
export function updateCitySettings(db: Db, cityId: string, patch: Partial<CitySettings>) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(cities).where(eq(cities.id, cityId));
    if (!current) return null;
    const changed =
      patch.viewersSeeContacts !== undefined && patch.viewersSeeContacts !== current.viewersSeeContacts;
    if (changed) {
      await tx
        .update(cities)
        .set({ viewersSeeContacts: patch.viewersSeeContacts })
        .where(eq(cities.id, cityId));
      await restampStakeholders(tx, cityId);
    }
    const [row] = await tx.select().from(cities).where(eq(cities.id, cityId));
    return row!;
  });
}
