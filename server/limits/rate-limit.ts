// A token bucket per access token, in memory: `burst` requests at once, refilled at `perSecond`. Enough
// for one server process; several processes would each keep their own buckets (documented in the README).
// 429 carries Retry-After in seconds, which the extension honours.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';

export interface RateLimitOptions {
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const maxBuckets = 10_000;

export function rateLimit({ burst, perSecond }: RateLimitOptions) {
  const buckets = new Map<string, Bucket>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = c.get('deps').clock();
    const key = c.get('caller').token.id;
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      throw new ApiError(429, 'rate_limited', `too many requests; retry in ${retryAfter} s`, undefined, {
        'Retry-After': String(retryAfter),
      });
    }
    bucket.tokens -= 1;
    if (!buckets.has(key) && buckets.size >= maxBuckets) evictFull(buckets, burst);
    buckets.set(key, bucket);
    await next();
  });
}

/** Forgets buckets that are full again: they hold no information. */
function evictFull(buckets: Map<string, Bucket>, burst: number) {
  for (const [key, b] of buckets) if (b.tokens >= burst - 1) buckets.delete(key);
}
