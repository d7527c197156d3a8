import { SyncError } from './api-client.ts';
import { type Connection, getConnection } from './connection.ts';

/** Runs a server call for a page, answering `{ ok: false, failure }` instead of throwing. */
export async function callWithConnection<T>(
  call: (connection: Connection) => Promise<T>,
): Promise<T | { ok: false; failure: SyncError['failure'] }> {
  const connection = await getConnection();
  if (!connection) return { ok: false, failure: { reason: 'unauthorized', detail: 'not connected' } };
  try {
    return await call(connection);
  } catch (error) {
    if (error instanceof SyncError) return { ok: false, failure: error.failure };
    throw error;
  }
}
