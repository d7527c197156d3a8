import type { Kind } from '../../shared/sync/kinds.ts';

/** Where this browser keeps each kind of synced object. */
export const storeOfKind = {
  practice: 'practices',
  highlight: 'highlights',
  stakeholder: 'stakeholders',
  snippet: 'snippets',
} as const satisfies Record<Kind, string>;

export type KeptKind = keyof typeof storeOfKind;

export function isKeptKind(kind: Kind): kind is KeptKind {
  return kind in storeOfKind;
}

/** What stays of an erased or deleted object: its envelope, never its data (personal data above all). */
export function tombstoneOf<T extends { id: string; version: number }>(
  object: T,
  deletedAt: string,
  version: number,
) {
  const { id, cityId, createdAt, createdBy } = object as T & Record<string, unknown>;
  return { id, cityId, createdAt, createdBy, updatedAt: deletedAt, updatedBy: null, deletedAt, version };
}
