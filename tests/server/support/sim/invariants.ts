// The invariants every history must end with (issue 3): convergence, no resurrection, no lost
// acknowledged write. Checked after every client has settled over a perfect network.
import { expect } from 'vitest';
import type { Acked, Arena } from './history.ts';
import { type Copy, SimClient } from './sim-client.ts';
import type { Transport } from './transport.ts';

async function serverState(transport: Transport): Promise<Map<string, Copy>> {
  const fresh = new SimClient(
    'oracle',
    0,
    () => 0,
    () => {},
  );
  await fresh.pull(transport, 1000, 'ok');
  return fresh.base;
}

export async function checkInvariants(clients: SimClient[], acked: Acked[], arena: Arena) {
  const server = await serverState(arena.transport);
  // 1. Convergence: every client's copy, built incrementally, equals a full pull of the server.
  for (const cl of clients) {
    expect(cl.outbox).toEqual([]);
    expect(Object.fromEntries(cl.base)).toEqual(Object.fromEntries(server));
  }
  // 2. Nothing deleted comes back.
  for (const { m } of acked) if (m.op === 'delete') expect(server.get(m.objectId)?.deleted).toBe(true);
  for (const copy of server.values()) {
    if (copy.kind === 'highlight' && !copy.deleted)
      expect(server.get(copy.data.practiceId as string)?.deleted).toBe(false);
  }
  // 3. No acknowledged write is lost: it is the current value, a recorded conflict, or was overwritten by
  //    a write made with it in view (same client later, or a base version at or after its commit).
  const conflicts = await arena.conflicts();
  for (const a of acked) {
    const obj = server.get(a.m.objectId);
    if (!obj || obj.deleted || a.m.op !== 'put') continue;
    for (const field of ['note', 'title'] as const) {
      if (!a.m.fields || !(field in a.m.fields)) continue;
      const value = a.m.fields[field];
      if (obj.data[field] === value) continue;
      if (conflicts.some((c) => c.objectId === a.m.objectId && c.field === field && c.lostValue === value))
        continue;
      const superseded = acked.some(
        (b) =>
          b !== a &&
          b.m.objectId === a.m.objectId &&
          b.m.fields &&
          field in b.m.fields &&
          ((b.clientId === a.clientId && b.m.hlc > a.m.hlc) ||
            (a.r.status === 'applied' && b.m.baseVersion >= a.r.objectVersion)),
      );
      expect(superseded, `acknowledged ${field}=${String(value)} on ${a.m.objectId} vanished`).toBe(true);
    }
    //    Set elements: an acknowledged add stays unless someone's acknowledged remove took it, and back.
    const tagsNow = new Set(((obj.data.tags as string[] | undefined) ?? []).map((t) => t.toLowerCase()));
    for (const [op, other] of [
      ['add', 'remove'],
      ['remove', 'add'],
    ] as const) {
      for (const tag of a.m[op]?.tags ?? []) {
        if (tagsNow.has(tag.toLowerCase()) === (op === 'add')) continue;
        const undone = acked.some(
          (b) =>
            b.m.objectId === a.m.objectId &&
            b.m[other]?.tags?.some((t) => t.toLowerCase() === tag.toLowerCase()),
        );
        expect(undone, `acknowledged ${op} of tag ${tag} on ${a.m.objectId} vanished`).toBe(true);
      }
    }
  }
}
