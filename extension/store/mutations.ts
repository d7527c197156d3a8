// Turns a local change into the push protocol's mutation (shared/sync/README.md): whole-value fields that
// changed, per-element adds and removes for set fields (areas, tags, linked stakeholders), the object's
// version as the client knew it, and a hybrid-clock stamp. Computed at write time, so the outbox holds exactly
// what the member did, in order.
import { uuidv7 } from '../../shared/ids.ts';
import { type Kind, kindSpecs, scalarFields } from '../../shared/sync/kinds.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import { sameValue } from '../../shared/sync/same-value.ts';

/** A mutation as queued in this browser: the protocol's, before the push adds this browser's clientId. */
export type PendingMutation = Omit<Mutation, 'clientId'>;

type Data = Record<string, unknown>;

export function creationMutation(
  kind: Kind,
  object: Data & { id: string; createdAt: string },
  hlc: string,
): PendingMutation {
  const fields = Object.fromEntries(scalarFields(kind).map((f) => [f, object[f]]));
  const add: Record<string, string[]> = {};
  for (const f of kindSpecs[kind].setFields) {
    const values = (object[f] as string[] | undefined) ?? [];
    if (values.length) add[f] = values;
  }
  return {
    id: uuidv7(),
    kind,
    objectId: object.id,
    baseVersion: 0,
    hlc,
    op: 'put',
    createdAt: object.createdAt,
    fields,
    ...(Object.keys(add).length ? { add } : {}),
  };
}

/** The mutation from `before` to `after`; null when nothing the server keeps changed. */
export function updateMutation(
  kind: Kind,
  before: Data & { id: string; version: number },
  after: Data,
  hlc: string,
): PendingMutation | null {
  const fields: Data = {};
  for (const f of scalarFields(kind)) if (!sameValue(before[f], after[f])) fields[f] = after[f];
  const add: Record<string, string[]> = {};
  const remove: Record<string, string[]> = {};
  for (const f of kindSpecs[kind].setFields) {
    const was = (before[f] as string[] | undefined) ?? [];
    const now = (after[f] as string[] | undefined) ?? [];
    const added = now.filter((x) => !was.includes(x));
    const removed = was.filter((x) => !now.includes(x));
    if (added.length) add[f] = added;
    if (removed.length) remove[f] = removed;
  }
  if (!Object.keys(fields).length && !Object.keys(add).length && !Object.keys(remove).length) return null;
  return {
    id: uuidv7(),
    kind,
    objectId: before.id,
    baseVersion: before.version,
    hlc,
    op: 'put',
    ...(Object.keys(fields).length ? { fields } : {}),
    ...(Object.keys(add).length ? { add } : {}),
    ...(Object.keys(remove).length ? { remove } : {}),
  };
}

export function deletionMutation(
  kind: Kind,
  object: { id: string; version: number },
  hlc: string,
): PendingMutation {
  return { id: uuidv7(), kind, objectId: object.id, baseVersion: object.version, hlc, op: 'delete' };
}

/** Applies a pending mutation on top of an object (pulled from the server), so unsent edits stay visible. */
export function applyPending(kind: Kind, object: Data, m: PendingMutation): Data {
  if (m.op === 'delete') return { ...object, deletedAt: object.deletedAt ?? new Date().toISOString() };
  const next: Data = { ...object, ...(m.fields ?? {}) };
  for (const f of kindSpecs[kind].setFields) {
    const removed = new Set(m.remove?.[f] ?? []);
    const current = ((next[f] as string[] | undefined) ?? []).filter((x) => !removed.has(x));
    for (const x of m.add?.[f] ?? []) if (!current.includes(x)) current.push(x);
    next[f] = current;
  }
  return next;
}
