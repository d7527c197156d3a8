// The outbox: every local change, in order, until the sync client has delivered it to the city library.
import { uuidv7 } from '../../shared/ids.ts';
import type { OutboxEntry } from './db.ts';
import { openLibrary } from './db.ts';

export function outboxEntry(
  kind: OutboxEntry['kind'],
  objectId: string,
  op: OutboxEntry['op'],
  changed: string[],
  now: Date,
): OutboxEntry {
  return { mutationId: uuidv7(now.getTime()), kind, objectId, op, changed, at: now.toISOString() };
}

export async function pendingChanges(): Promise<OutboxEntry[]> {
  return (await openLibrary()).getAll('outbox');
}
