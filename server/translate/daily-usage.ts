// Characters each member sent to an engine per UTC day (translation_usage), and the daily limit. A request
// reserves its characters with one conditional upsert before calling an engine, so concurrent requests
// cannot together overshoot the limit or lose an update; a request whose engines all failed gives them back.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { translationUsage } from '../db/schema/index.ts';

export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Seconds from `now` to the next UTC midnight (at least 1). */
export function secondsToUtcMidnight(now: number): number {
  const d = new Date(now);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now) / 1000));
}

export async function usedToday(db: Db, memberId: string, now: number): Promise<number> {
  const [row] = await db
    .select({ characters: translationUsage.characters })
    .from(translationUsage)
    .where(and(eq(translationUsage.memberId, memberId), eq(translationUsage.day, utcDay(now))));
  return row?.characters ?? 0;
}

/** Adds `characters` to the member's day unless that would pass `limit`; false when it would. */
export async function reserveCharacters(
  db: Db,
  who: { cityId: string; memberId: string },
  day: string,
  characters: number,
  limit: number,
): Promise<boolean> {
  if (characters > limit) return false;
  const rows = await db.all<{ characters: number }>(sql`
    INSERT INTO translation_usage (city_id, member_id, day, characters)
    VALUES (${who.cityId}, ${who.memberId}, ${day}, ${characters})
    ON CONFLICT (member_id, day) DO UPDATE SET characters = characters + excluded.characters
    WHERE characters + excluded.characters <= ${limit}
    RETURNING characters`);
  return rows.length > 0;
}

/** Gives back a reservation whose engine calls all failed. */
export async function refundCharacters(db: Db, memberId: string, day: string, characters: number) {
  await db
    .update(translationUsage)
    .set({ characters: sql`max(0, ${translationUsage.characters} - ${characters})` })
    .where(and(eq(translationUsage.memberId, memberId), eq(translationUsage.day, day)));
}
