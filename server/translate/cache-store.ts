// The city's cache of engine answers (translation_cache). Keyed by the SHA-256 of engine, source, target
// and text, so the text itself is not an index key; scoped by city, so one city's texts never answer
// another's. A hit costs no engine call and no daily characters. Entries unused for a long time are purged,
// so clipped texts are not kept for ever.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { translationCache } from '../db/schema/index.ts';

export async function cacheKey(
  engine: string,
  source: string,
  target: string,
  text: string,
): Promise<string> {
  const bytes = new TextEncoder().encode(`${engine}\0${source}\0${target}\0${text}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface CachedTranslation {
  engine: string;
  translatedText: string;
  detectedLang: string | null;
}

/** last_used_at is refreshed at most once an hour per entry, so hits stay reads. */
const touchGranularityMs = 60 * 60_000;

export async function readCache(db: Db, cityId: string, key: string, now: number) {
  const [row] = await db
    .select()
    .from(translationCache)
    .where(and(eq(translationCache.cityId, cityId), eq(translationCache.key, key)));
  if (!row) return null;
  if (now - Date.parse(row.lastUsedAt) >= touchGranularityMs) {
    await db
      .update(translationCache)
      .set({ lastUsedAt: new Date(now).toISOString() })
      .where(and(eq(translationCache.cityId, cityId), eq(translationCache.key, key)));
  }
  return row;
}

export async function writeCache(
  db: Db,
  entry: {
    cityId: string;
    key: string;
    engine: string;
    sourceLang: string;
    targetLang: string;
    detectedLang: string | null;
    translatedText: string;
  },
  now: number,
): Promise<void> {
  const at = new Date(now).toISOString();
  await db
    .insert(translationCache)
    .values({ ...entry, createdAt: at, lastUsedAt: at })
    .onConflictDoUpdate({
      target: [translationCache.cityId, translationCache.key],
      set: {
        translatedText: sql`excluded.translated_text`,
        detectedLang: sql`excluded.detected_lang`,
        lastUsedAt: at,
      },
    });
}

/** Deletes every city's entries unused since `now - maxAgeMs` (uses the last_used_at index). */
export async function purgeCache(db: Db, now: number, maxAgeMs: number): Promise<number> {
  const cutoff = new Date(now - maxAgeMs).toISOString();
  const rows = await db
    .delete(translationCache)
    .where(lt(translationCache.lastUsedAt, cutoff))
    .returning({ key: translationCache.key });
  return rows.length;
}
