// A push of new practices is written without the push's reads (server/sync/push-new-practices.ts), and
// whenever its assumption fails (something of the batch exists) the full push answers instead, as before.
// The statements each push's transactions ran are recorded, so the short path cannot silently stop being
// taken, and the answers and the stored library are checked against what the full push gives.
import type { Client, Transaction } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../../shared/api/sync.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, editPractice } from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';

interface Recorded {
  statements: string[];
  ended: 'commit' | 'rollback' | 'open';
}

/** Records the statements of every transaction `client` opens from now on. */
function recordTransactions(client: Client): Recorded[] {
  const seen: Recorded[] = [];
  const open = client.transaction.bind(client);
  client.transaction = (async (mode) => {
    const tx = await open(mode);
    const record: Recorded = { statements: [], ended: 'open' };
    seen.push(record);
    const sqlOf = (s: unknown) =>
      (typeof s === 'string' ? s : String((s as { sql?: unknown }).sql)).split(/\s+/).slice(0, 3).join(' ');
    const execute = tx.execute.bind(tx);
    const batch = tx.batch.bind(tx);
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    // A remote transaction's execute runs through its batch: each statement is recorded once.
    let inExecute = false;
    tx.execute = (async (s: Parameters<Transaction['execute']>[0]) => {
      record.statements.push(sqlOf(s));
      inExecute = true;
      try {
        return await execute(s);
      } finally {
        inExecute = false;
      }
    }) as Transaction['execute'];
    tx.batch = (stmts) => {
      if (!inExecute) for (const s of stmts) record.statements.push(sqlOf(s));
      return batch(stmts);
    };
    tx.commit = () => {
      record.ended = 'commit';
      return commit();
    };
    tx.rollback = () => {
      record.ended = 'rollback';
      return rollback();
    };
    return tx;
  }) as Client['transaction'];
  return seen;
}

const push = (w: World, mutations: unknown[]) =>
  w.call('POST', '/api/sync/push', {
    token: w.a.contributor.token,
    json: { clientId: 'client-1', mutations },
  });

const libraryVersion = async (w: World) =>
  Number(
    (
      await w.db.$client.execute({
        sql: 'select library_version from cities where id = ?',
        args: [w.a.city.id],
      })
    ).rows[0]![0],
  );

const pulled = async (w: World) =>
  pullResponseSchema.parse((await w.call('GET', '/api/sync/pull?since=0', { token: w.a.viewer.token })).body);

export function newPracticeScenarios(backend: Backend) {
  describe(`a push of new practices on ${backend.name}`, () => {
    it('is written in one transaction without reads: the version bumped and read at once, then the rows', async () => {
      const w = await makeWorld(backend);
      const recorded = recordTransactions(w.db.$client);
      const batch = [createPractice(), createPractice(), createPractice()];
      const res = await push(w, batch);
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(1);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
        'applied',
        'applied',
        'applied',
      ]);
      const writes = recorded.filter((r) => r.statements.length > 0);
      expect(writes).toEqual([
        {
          statements: ['update cities set', 'insert into library_objects', 'insert into processed_mutations'],
          ended: 'commit',
        },
      ]);
      expect(await libraryVersion(w)).toBe(1);
      const changes = (await pulled(w)).changes;
      expect(changes.map((c) => c.id).sort()).toEqual(batch.map((m) => m.objectId).sort());
    });

    it('sent again, rolls back and is answered by the full push: duplicates, nothing written twice', async () => {
      const w = await makeWorld(backend);
      const batch = [createPractice(), createPractice()];
      const first = await push(w, batch);
      const recorded = recordTransactions(w.db.$client);
      const again = await push(w, batch);
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(first.body.version);
      expect(again.body.results.map((r: { duplicate: boolean }) => r.duplicate)).toEqual([true, true]);
      const writes = recorded.filter((r) => r.statements.length > 0);
      expect(writes.map((r) => r.ended)).toEqual(['rollback', 'commit']);
      expect(writes[1]!.statements[0]).toBe('select library_version, pruned_through_version');
      // The short path's version bump was rolled back with it.
      expect(await libraryVersion(w)).toBe(1);
      expect((await pulled(w)).changes).toHaveLength(2);
    });

    it('holding a practice that exists, is merged by the full push in one new version', async () => {
      const w = await makeWorld(backend);
      const existing = createPractice(undefined, { note: 'first note' });
      expect((await push(w, [existing])).status).toBe(200);
      const object = async (id: string) => {
        const change = (await pulled(w)).changes.find((c) => c.id === id);
        return change && !change.deleted ? change.object : undefined;
      };
      const pushOnce = async (batch: unknown[]) => {
        const before = await libraryVersion(w);
        const res = await push(w, batch);
        expect(res.status).toBe(200);
        expect(res.body.version).toBe(before + 1);
        expect(await libraryVersion(w)).toBe(before + 1);
      };
      // A client that created the practice offline pushes an edit still based on version 0 (only its note):
      // taken for a creation it would lack fields; the full push merges it as the edit it is.
      const fresh = createPractice();
      await pushOnce([editPractice(existing.objectId, 0, { fields: { note: 'second note' } }), fresh]);
      expect(await object(existing.objectId)).toMatchObject({
        note: 'second note',
        title: 'Multilingual welcome desk',
      });
      expect(await object(fresh.objectId)).toBeDefined();
      // Another client sends the same practice created again in full: its later stamps win every field.
      const again = createPractice(existing.objectId, { title: 'Welcome desk, again', note: 'third note' });
      const other = createPractice();
      await pushOnce([again, other]);
      expect(await object(existing.objectId)).toMatchObject({
        note: 'third note',
        title: 'Welcome desk, again',
      });
      expect(await object(other.objectId)).toBeDefined();
      expect((await pulled(w)).changes).toHaveLength(3);
    });

    it('that the full push refuses is refused as before, naming the field, and writes nothing', async () => {
      const w = await makeWorld(backend);
      const { title: _title, ...withoutTitle } = createPractice().fields as Record<string, unknown>;
      const bad = { ...createPractice(), fields: withoutTitle };
      const res = await push(w, [createPractice(), bad]);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain('title');
      expect(await libraryVersion(w)).toBe(0);
      expect((await pulled(w)).changes).toHaveLength(0);
    });
  });
}
