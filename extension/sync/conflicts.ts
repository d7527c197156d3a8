// Conflicts: values that lost a same-field race between two members' edits. The server keeps them; the
// side panel lists them with the practice they belong to, and the member restores or dismisses each.
import type { Conflict } from '../../shared/api/conflicts.ts';
import { callApi } from './api-client.ts';
import type { Connection } from './connection.ts';

export async function openConflicts(connection: Connection): Promise<Conflict[]> {
  return (await callApi<{ conflicts: Conflict[] }>(connection, '/api/conflicts?status=open&limit=200'))
    .conflicts;
}

export async function resolveConflict(connection: Connection, id: string, action: 'restore' | 'dismiss') {
  await callApi(connection, `/api/conflicts/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}
