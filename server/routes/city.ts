// /api/city: the caller's city settings. PATCH (coordinators) changes whether viewers see stakeholders'
// contact details; /api/me reports the settings to every member.
import { Hono } from 'hono';
import { cityPatchSchema } from '../../shared/api/city.ts';
import type { AppEnv } from '../app-env.ts';
import { coordinatorOnly } from '../auth/require-auth.ts';
import { citySettings, updateCitySettings } from '../tenancy/city-settings.ts';
import { cityRecord } from '../tenancy/records.ts';
import { readJson } from '../validate.ts';

export const cityRoutes = new Hono<AppEnv>().patch('/', coordinatorOnly, async (c) => {
  const patch = await readJson(c, cityPatchSchema);
  const row = await updateCitySettings(c.get('deps').db, c.get('caller').city.id, patch);
  c.get('deps').caches.tenancyChanged();
  return c.json({ city: cityRecord(row!), settings: citySettings(row!), version: row!.libraryVersion });
});
