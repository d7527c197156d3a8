// In-memory caches that keep the hot path (an up-to-date pull) free of database work: the authenticated
// caller per token, and each city's library version. Per process (per createApp): what this process changes
// (a revoked token, a member's role or disabled state, a city's settings, a push) takes effect here at once;
// what another process changes on the same database shows up within the TTL (server/README.md).
//
// A read that started before an invalidation never lands in the cache after it: every key has a generation,
// bumped by each invalidation, and a read stores its answer only if the generation did not move meanwhile.
// Both caches read time from the app's injectable clock.
import { eq, sql } from 'drizzle-orm';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { cities, members, tokens } from '../db/schema/index.ts';

interface Entry<V> {
  value: V;
  expires: number;
}

class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly generations = new Map<K, number>();
  private epoch = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: K, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now < entry.expires) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** A stamp to hand back to `set`: the value read after it is stored only if nothing was invalidated since. */
  stamp(key: K): string {
    return `${this.epoch}:${this.generations.get(key) ?? 0}`;
  }

  set(key: K, value: V, now: number, stamp: string): void {
    if (this.ttlMs <= 0 || stamp !== this.stamp(key)) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, expires: now + this.ttlMs });
  }

  invalidate(key: K): void {
    this.entries.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  clear(): void {
    this.entries.clear();
    this.generations.clear();
    this.epoch++;
  }
}

export interface CacheOptions {
  /** How long an authenticated caller is trusted without a database read. Default 5 s; 0 turns it off. */
  authTtlMs?: number;
  /** How long a city's library version is trusted without a database read. Default 1 s; 0 turns it off. */
  versionTtlMs?: number;
}

// Static SQL, prepared once per database: drizzle otherwise rebuilds the query on every request.
type Prepared = ReturnType<typeof prepare>;
const preparedByDb = new WeakMap<Db, Prepared>();

function prepare(db: Db) {
  return {
    callerByHash: db
      .select({ token: tokens, member: members, city: cities })
      .from(tokens)
      .innerJoin(members, eq(members.id, tokens.memberId))
      .innerJoin(cities, eq(cities.id, tokens.cityId))
      .where(eq(tokens.hash, sql.placeholder('hash')))
      .prepare(),
    libraryVersion: db
      .select({ v: cities.libraryVersion })
      .from(cities)
      .where(eq(cities.id, sql.placeholder('cityId')))
      .prepare(),
  };
}

export function preparedFor(db: Db): Prepared {
  let prepared = preparedByDb.get(db);
  if (!prepared) {
    prepared = prepare(db);
    preparedByDb.set(db, prepared);
  }
  return prepared;
}

export class AppCaches {
  /** Keyed by the token's secret: the process holds it for the request anyway, and a hit then costs no hash. */
  readonly callers: TtlCache<string, Caller>;
  readonly versions: TtlCache<string, number>;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    options: CacheOptions = {},
  ) {
    this.callers = new TtlCache(options.authTtlMs ?? 5000);
    this.versions = new TtlCache(options.versionTtlMs ?? 1000);
  }

  /** Call after this process changed a token, a member or a city's settings (after the commit). */
  tenancyChanged(): void {
    this.callers.clear();
  }

  /**
   * Call after this process committed (or may have committed) a change of `cityId`'s library version. The
   * next read goes to the database; never set from a push's answer, since two pushes may answer out of order.
   */
  versionChanged(cityId: string): void {
    this.versions.invalidate(cityId);
  }

  /** The city's library version: cached, or one indexed row. */
  async libraryVersion(cityId: string): Promise<number> {
    const now = this.clock();
    const cached = this.versions.get(cityId, now);
    if (cached !== undefined) return cached;
    return this.readLibraryVersion(cityId);
  }

  /** Always reads the database, and refreshes the cache with what it read. */
  async readLibraryVersion(cityId: string): Promise<number> {
    const stamp = this.versions.stamp(cityId);
    const [row] = await preparedFor(this.db).libraryVersion.execute({ cityId });
    const version = row!.v;
    this.versions.set(cityId, version, this.clock(), stamp);
    return version;
  }
}
