// Who coordinates a national network (table network_coordinators): granted and revoked by the operator with
// the admin CLI (`grant-network`, `revoke-network`). A member coordinates at most one network; the network is
// one of the ICC taxonomy's national networks or one a city already names.
import { eq } from 'drizzle-orm';
import { taxonomy } from '../../shared/taxonomy/index.ts';
import type { Db } from '../db/client.ts';
import { cities, members, networkCoordinators } from '../db/schema/index.ts';

export type GrantOutcome =
  | { ok: true; memberName: string; previous: string | null }
  | { ok: false; reason: string };

export async function grantNetwork(
  db: Db,
  memberId: string,
  networkId: string,
  nowMs: number,
): Promise<GrantOutcome> {
  const [member] = await db.select().from(members).where(eq(members.id, memberId));
  if (!member) return { ok: false, reason: `no member ${memberId}` };
  const known =
    taxonomy.nationalNetworks.some((n) => n.id === networkId) ||
    (await db.select({ id: cities.id }).from(cities).where(eq(cities.networkId, networkId)).limit(1)).length >
      0;
  if (!known)
    return { ok: false, reason: `no network ${networkId} (neither in the ICC taxonomy nor named by a city)` };
  const [before] = await db
    .select()
    .from(networkCoordinators)
    .where(eq(networkCoordinators.memberId, memberId));
  const grantedAt = new Date(nowMs).toISOString();
  await db
    .insert(networkCoordinators)
    .values({ memberId, networkId, grantedAt })
    .onConflictDoUpdate({ target: networkCoordinators.memberId, set: { networkId, grantedAt } });
  return { ok: true, memberName: member.name, previous: before?.networkId ?? null };
}

/** The network the member no longer coordinates, or null when they coordinated none. */
export async function revokeNetwork(db: Db, memberId: string): Promise<string | null> {
  const [before] = await db
    .select()
    .from(networkCoordinators)
    .where(eq(networkCoordinators.memberId, memberId));
  if (!before) return null;
  await db.delete(networkCoordinators).where(eq(networkCoordinators.memberId, memberId));
  return before.networkId;
}
