// Changes set aside: mutations the city library will never take as they are, kept here (not deleted
// silently) so the member is told what was not saved and why. Refused for good (a 400 naming the mutation:
// retrying it as it is can never succeed, and it would hold up every change queued behind it), or answered
// without effect (`ignored`: the object was deleted meanwhile) or with elements not kept (`dropped`: the set
// was full). A set-aside change has left the outbox, so it is no longer re-applied over what the server says.
// Kept in `meta` (a short list, newest last): no new store, no database upgrade.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { IgnoredReason } from '../../shared/sync/push.ts';
import { type LibrarySchema, openLibrary } from './db.ts';
import type { PendingMutation } from './mutations.ts';

export interface SetAsideChange {
  mutation: PendingMutation;
  why: 'refused' | 'ignored' | 'dropped';
  /** refused: the server's words (`mutations.0.baseVersion: is ahead …`); ignored: the reason, if told. */
  detail?: string | IgnoredReason;
  /** dropped: per set field, the elements not kept. */
  dropped?: Record<string, string[]>;
  /** What the object was called here when it was set aside (a practice's title, a contact's name …). */
  label: string | null;
  at: string;
}

const key = 'setAside';
/** Older entries go once there are more: the member is told about the latest, not a log. */
const maxKept = 100;

type Tx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'readwrite'>;

export async function listSetAside(): Promise<SetAsideChange[]> {
  return ((await (await openLibrary()).get('meta', key)) as SetAsideChange[] | undefined) ?? [];
}

/** Adds changes to the list in `tx` (which must include `meta`). */
export async function keepSetAside(tx: Tx, changes: readonly SetAsideChange[]): Promise<void> {
  if (changes.length === 0) return;
  const meta = tx.objectStore('meta');
  const kept = ((await meta.get(key)) as SetAsideChange[] | undefined) ?? [];
  await meta.put([...kept, ...changes].slice(-maxKept), key);
}

/** The member has read them: the list is emptied. */
export async function dismissSetAside(): Promise<void> {
  await (await openLibrary()).delete('meta', key);
}

/** A short name for the object a mutation is about, from its local copy or the mutation itself. */
export function labelOf(
  mutation: PendingMutation,
  local: Record<string, unknown> | undefined,
): string | null {
  const source = { ...local, ...mutation.fields };
  const quote = source.quote as { exact?: unknown } | undefined;
  const name = [source.title, source.name, quote?.exact, source.sourceText].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (!name) return null;
  const line = name.trim().replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
