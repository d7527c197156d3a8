// Names of the city's members, so the library can say who added what. Refreshed on sync when a new author
// appears or every few minutes; read by pages from IndexedDB.
import type { Member } from '../../shared/schemas/member.ts';
import { openLibrary } from '../store/db.ts';
import { callApi } from './api-client.ts';
import type { Connection } from './connection.ts';

export interface Directory {
  fetchedAt: number;
  names: Record<string, string>;
}

const maxAgeMs = 10 * 60_000;

export async function readDirectory(): Promise<Directory> {
  return (
    ((await (await openLibrary()).get('meta', 'members')) as Directory | undefined) ?? {
      fetchedAt: 0,
      names: {},
    }
  );
}

export async function refreshDirectory(connection: Connection, authors: readonly string[], now = Date.now()) {
  const current = await readDirectory();
  const unknown = authors.some((id) => !(id in current.names));
  if (!unknown && now - current.fetchedAt < maxAgeMs) return;
  const { members } = await callApi<{ members: Member[] }>(connection, '/api/members');
  const names = Object.fromEntries(members.map((m) => [m.id, m.name]));
  await (await openLibrary()).put('meta', { fetchedAt: now, names } satisfies Directory, 'members');
}
