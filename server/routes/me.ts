// GET /api/me: who the token belongs to, their city, the library version and the limits the client must
// respect. The extension calls it when connecting, to show "connected to <city> as <name>".
import { Hono } from 'hono';
import { defaultPullLimit, maxMutationsPerPush, maxPullLimit } from '../../shared/api/sync.ts';
import type { AppEnv } from '../app-env.ts';
import { citySettings } from '../tenancy/city-settings.ts';
import { cityRecord, memberRecord, tokenRecord } from '../tenancy/records.ts';

export const meRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { member, city, token } = c.get('caller');
  const { limits, caches } = c.get('deps');
  return c.json({
    member: memberRecord(member),
    city: cityRecord(city),
    settings: citySettings(city),
    token: tokenRecord(token),
    libraryVersion: await caches.libraryVersion(city.id),
    limits: { maxMutationsPerPush, maxBodyBytes: limits.maxBodyBytes, defaultPullLimit, maxPullLimit },
  });
});
