import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { healthSchema } from '../../shared/api/health.ts';
import { freshFileDb } from './support/fresh-db.ts';

describe('GET /api/health', () => {
  it('reports ok, a reachable database and every migration applied on a fresh file database', async () => {
    const { db } = await freshFileDb();
    const app = createApp({ db, clock: () => Date.parse('2025-03-01T10:00:00Z') });
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = healthSchema.parse(await res.json());
    expect(body.status).toBe('ok');
    expect(body.db.reachable).toBe(true);
    expect(body.schema.applied).toBe(body.schema.expected);
    expect(body.schema.expected).toBeGreaterThan(0);
    expect(body.time).toBe('2025-03-01T10:00:00.000Z');
  });

  it('answers 503 when the database has not been migrated', async () => {
    const { db } = await freshFileDb({ migrate: false });
    const res = await createApp({ db }).request('/api/health');
    expect(res.status).toBe(503);
    const body = healthSchema.parse(await res.json());
    expect(body).toMatchObject({ status: 'unavailable', db: { reachable: true }, schema: { applied: 0 } });
  });

  it('answers 503 with db unreachable when the database is closed', async () => {
    const { db } = await freshFileDb();
    const app = createApp({ db });
    db.$client.close();
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(healthSchema.parse(await res.json()).db.reachable).toBe(false);
  });

  it('answers unknown routes with the one error body', async () => {
    const { db } = await freshFileDb();
    const res = await createApp({ db }).request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/nope' } });
  });
});
