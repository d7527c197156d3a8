// Where the budget of failed sign-in attempts per address is kept (auth-failures.ts). The default store is
// this process's memory; a deployment with several processes (the edge) can hand createApp a shared one
// with the same two operations.
//
// Each address has a token bucket: `burst` attempts at once, refilled at `perSecond`. An attempt takes one
// before its credential is checked (so concurrent guesses cannot all pass a check made before any of them
// failed); a credential that turns out to be good gives it back, so members never spend the budget.

export interface AttemptBudget {
  burst: number;
  perSecond: number;
}

/** Outcome of `take`: allowed, or refused with the seconds to wait (`first`: the first refusal in a row). */
export type Taken = { ok: true } | { ok: false; retryAfter: number; first: boolean };

export interface AttemptStore {
  /** Takes one attempt from `key`'s budget, if there is one left. */
  take(key: string, now: number): Promise<Taken> | Taken;
  /** Gives back the attempt `take` took, when the credential was good. */
  giveBack(key: string, now: number): Promise<void> | void;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Refused since the last attempt allowed: the next refusal is not the first. */
  refusing: boolean;
}

/** The embedded store: a bucket per address in a Map, at most `maxKeys` of them. */
export function memoryAttemptStore({ burst, perSecond }: AttemptBudget, maxKeys = 10_000): AttemptStore {
  const buckets = new Map<string, Bucket>();
  const refill = (b: Bucket, now: number) => {
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, now - b.at) / 1000) * perSecond);
    b.at = now;
  };
  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) forget(buckets, now, burst, perSecond, maxKeys);
        bucket = { tokens: burst, at: now, refusing: false };
        buckets.set(key, bucket);
      }
      refill(bucket, now);
      if (bucket.tokens < 1) {
        const first = !bucket.refusing;
        bucket.refusing = true;
        return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)), first };
      }
      bucket.tokens -= 1;
      bucket.refusing = false;
      return { ok: true };
    },
    giveBack(key, now) {
      const bucket = buckets.get(key);
      if (!bucket) return;
      refill(bucket, now);
      bucket.tokens = Math.min(burst, bucket.tokens + 1);
    },
  };
}

/**
 * Makes room: first the buckets that are full again by now (they hold nothing worth keeping), then, under a
 * flood of new addresses, the oldest quarter (Map order is insertion order), which lets those addresses
 * start afresh: the bound on memory matters more than a forgotten penalty.
 */
function forget(buckets: Map<string, Bucket>, now: number, burst: number, perSecond: number, max: number) {
  for (const [key, b] of buckets)
    if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
  if (buckets.size < max) return;
  let drop = Math.ceil(max / 4);
  for (const key of buckets.keys()) {
    if (drop-- <= 0) break;
    buckets.delete(key);
  }
}
