// Property-based convergence (issue 3): random offline histories over a faulty network, then a final sync.
// 1,000 histories against the pure core (memory model), and a smaller number through the real app on a
// real database, one city per history.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import type { PullResponse } from '../../shared/api/sync.ts';
import { fileBackend } from './support/backend.ts';
import { historyArb, runHistory } from './support/sim/history.ts';
import { MemoryServer } from './support/sim/memory-server.ts';
import type { Transport } from './support/sim/transport.ts';
import { makeWorld, startTime } from './support/world.ts';

describe('sync convergence', () => {
  it('1,000 histories against the merge core: clients converge, no acknowledged write is lost, no delete undone', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const time = { now: startTime };
        const server = new MemoryServer(['member-0', 'member-1'], () => time.now);
        await runHistory(history, {
          transport: server,
          time,
          conflicts: async () =>
            server.conflicts.map((c) => ({ objectId: c.objectId, field: c.field, lostValue: c.lost.value })),
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('histories through the real app and database hold the same invariants', async () => {
    const w = await makeWorld(fileBackend);
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        w.clock.now = startTime;
        const city = await createCity(w.db, { name: 'Sim', country: 'FR', lang: 'fr' }, w.clock.now);
        const tokens: string[] = [];
        for (const role of ['coordinator', 'contributor'] as const) {
          const m = await addMember(w.db, city.id, { name: role, role }, w.clock.now);
          tokens.push((await issueToken(w.db, { cityId: city.id, memberId: m.id }, w.clock.now)).secret);
        }
        const transport: Transport = {
          push: async (member, body) => {
            const res = await w.call('POST', '/api/sync/push', { token: tokens[member], json: body });
            return { status: res.status, body: res.body };
          },
          pull: async (member, since, limit) =>
            (
              await w.call<PullResponse>('GET', `/api/sync/pull?since=${since}&limit=${limit}`, {
                token: tokens[member],
              })
            ).body,
        };
        await runHistory(history, {
          transport,
          time: w.clock,
          conflicts: async () =>
            (await w.call('GET', '/api/conflicts?status=all&limit=500', { token: tokens[0] })).body.conflicts,
        });
      }),
      { numRuns: Number(process.env.SYNC_APP_RUNS ?? 60) },
    );
  });
});
