// The push writes its two big statements as static SQL straight to the libSQL transaction under drizzle's
// (server/sync/push.ts). If a drizzle upgrade moved that transaction, pushes would still be right (drizzle's
// builder is the fallback) but slow again: this says so.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { libraryObjects, processedMutations } from '../../server/db/schema/index.ts';
import { libsqlTx } from '../../server/sync/push-write.ts';
import { fileBackend } from './support/backend.ts';
import { createPractice, editPractice } from './support/mutations.ts';
import { makeWorld } from './support/world.ts';

describe('push writes with static SQL', () => {
  it('finds the libSQL transaction under drizzle’s', async () => {
    const w = await makeWorld(fileBackend);
    await w.db.transaction(async (tx) => {
      expect(typeof libsqlTx(tx)?.execute).toBe('function');
    });
  });

  it('stores rows and processed mutations exactly as the API reads them back, and upserts on edit', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const create = createPractice();
    const first = await w.call('POST', '/api/sync/push', {
      token,
      json: { clientId: 'c', mutations: [create] },
    });
    expect(first.status).toBe(200);
    const edit = editPractice(create.objectId, 1, { fields: { note: 'changed' } });
    const second = await w.call('POST', '/api/sync/push', {
      token,
      json: { clientId: 'c', mutations: [edit] },
    });
    expect(second.body.results[0]).toMatchObject({ status: 'applied', objectVersion: 2 });
    const [row] = await w.db.select().from(libraryObjects).where(eq(libraryObjects.id, create.objectId));
    expect(row).toMatchObject({ kind: 'practice', version: 2, parentId: null, deletedAt: null });
    expect(row!.data.note).toBe('changed');
    expect(row!.createdBy).toBe(w.a.contributor.member.id);
    expect((row!.meta as { clocks: object }).clocks).toBeTypeOf('object');
    const processed = await w.db.select().from(processedMutations);
    expect(processed.map((p) => [p.id, p.status, p.objectVersion, p.conflicts, p.memberId])).toEqual([
      [create.id, 'applied', 1, 0, w.a.contributor.member.id],
      [edit.id, 'applied', 2, 0, w.a.contributor.member.id],
    ]);
    // A duplicate answers from those records.
    const again = await w.call('POST', '/api/sync/push', {
      token,
      json: { clientId: 'c', mutations: [edit] },
    });
    expect(again.body.results[0]).toMatchObject({ duplicate: true, status: 'applied', objectVersion: 2 });
  });

  it('inserts new objects and upserts stored ones in one push, a new object edited in the same push once', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const stored = createPractice(undefined, { note: 'first' });
    await w.call('POST', '/api/sync/push', { token, json: { clientId: 'c', mutations: [stored] } });
    const fresh = createPractice(undefined, { note: 'new' });
    const batch = [
      editPractice(stored.objectId, 1, { fields: { note: 'edited' } }),
      fresh,
      editPractice(fresh.objectId, 1, { fields: { note: 'new, then edited' } }),
    ];
    const res = await w.call('POST', '/api/sync/push', { token, json: { clientId: 'c', mutations: batch } });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const rows = await w.db.select().from(libraryObjects);
    const notes = Object.fromEntries(rows.map((r) => [r.id, [r.version, r.data.note]]));
    expect(notes).toEqual({ [stored.objectId]: [2, 'edited'], [fresh.objectId]: [2, 'new, then edited'] });
    // The same batch again changes nothing.
    const again = await w.call('POST', '/api/sync/push', {
      token,
      json: { clientId: 'c', mutations: batch },
    });
    expect(again.body.results.every((r: { duplicate: boolean }) => r.duplicate)).toBe(true);
    expect(await w.db.select().from(libraryObjects)).toEqual(rows);
  });
});
