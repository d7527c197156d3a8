// A mutation as the merge core sees it: one client's change to one object, already validated
// (shared/api/sync.ts validates the wire format) and carrying the pushing client's id.
import type { Kind } from './kinds.ts';
import type { FieldClock } from './object-state.ts';

export interface Mutation {
  /** Idempotency key, unique per city. */
  id: string;
  clientId: string;
  kind: Kind;
  objectId: string;
  /** The object version the client's copy had when it made the change; 0 if it had never synced it. */
  baseVersion: number;
  hlc: string;
  /** The stamp as the client sent it, when the server capped `hlc` (planPush; see FieldClock.raw). */
  rawHlc?: string;
  op: 'put' | 'delete';
  createdAt?: string;
  fields?: Record<string, unknown>;
  add?: Partial<Record<string, string[]>>;
  remove?: Partial<Record<string, string[]>>;
}

/** A value that lost a same-field race, kept so the user can see and restore it. */
export interface ConflictDraft {
  kind: Kind;
  objectId: string;
  field: string;
  lost: { value: unknown; clock: FieldClock };
  won: { value: unknown; clock: FieldClock };
}

/**
 * applied: the object visibly changed; unchanged: nothing visible changed (same values, or every value lost
 * to a newer concurrent write — see the conflicts); ignored: the object is deleted, so the put has no effect.
 */
export type Outcome = 'applied' | 'unchanged' | 'ignored';

/**
 * Orders two writes: the later hybrid clock wins; ties go to the higher client id, then mutation id. Two
 * writes of one client compare the stamps that client made (`raw` when the server capped one): its clock
 * orders its own edits even when it runs fast and the server capped them to the same instant.
 */
export function isNewer(a: FieldClock, b: FieldClock): boolean {
  if (a.client === b.client) {
    const ra = a.raw ?? a.hlc;
    const rb = b.raw ?? b.hlc;
    if (ra !== rb) return ra > rb;
  }
  if (a.hlc !== b.hlc) return a.hlc > b.hlc;
  if (a.client !== b.client) return a.client > b.client;
  return a.mutation > b.mutation;
}
