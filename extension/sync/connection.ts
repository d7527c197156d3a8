// The link between this browser and a city library: server address, the member's token, who they are.
// Kept in the extension's own IndexedDB (`meta`), which pages and content scripts cannot read, never in
// storage.local. The token leaves it only in the Authorization header of requests to that server.
import { uuidv7 } from '../../shared/ids.ts';
import { openLibrary } from '../store/db.ts';

export interface Connection {
  server: string;
  token: string;
  memberId: string;
  memberName: string;
  role: 'coordinator' | 'contributor' | 'viewer';
  cityId: string;
  cityName: string;
  /** ISO 3166 code of the city: national phone numbers are read with it. */
  cityCountry: string;
  connectedAt: string;
}

/** What pages may see of the connection: everything but the token. */
export type ConnectionInfo = Omit<Connection, 'token'>;

export async function getConnection(): Promise<Connection | null> {
  return ((await (await openLibrary()).get('meta', 'connection')) as Connection | undefined) ?? null;
}

export async function saveConnection(connection: Connection): Promise<void> {
  const db = await openLibrary();
  const previous = (await db.get('meta', 'connection')) as Connection | undefined;
  const tx = db.transaction('meta', 'readwrite');
  await tx.store.put(connection, 'connection');
  // Another city's library starts from the beginning; the same city carries on from where it was. (The
  // page texts still awaited from the other city's range are not this city's to fetch.)
  if (previous && previous.cityId !== connection.cityId) {
    await tx.store.put(0, 'cursor');
    await tx.store.delete('contentBackfill');
  }
  await tx.done;
}

export async function forgetConnection(): Promise<void> {
  await (await openLibrary()).delete('meta', 'connection');
}

export function withoutToken({ token: _token, ...info }: Connection): ConnectionInfo {
  return info;
}

/** A stable random id of this browser installation: the server's idempotency and tie-break key. */
export async function clientId(): Promise<string> {
  const db = await openLibrary();
  const existing = (await db.get('meta', 'clientId')) as string | undefined;
  if (existing) return existing;
  const id = uuidv7();
  await db.put('meta', id, 'clientId');
  return id;
}

export async function getCursor(): Promise<number> {
  return ((await (await openLibrary()).get('meta', 'cursor')) as number | undefined) ?? 0;
}
