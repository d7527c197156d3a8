// Connecting to a city library: checks the token with the server (GET /api/me), keeps the connection, and
// starts syncing. The page that asks has already obtained host permission for that server's origin.
import { meSchema } from '../../shared/api/tenancy.ts';
import { callApi, SyncError, type SyncFailure } from '../sync/api-client.ts';
import { type ConnectionInfo, forgetConnection, saveConnection, withoutToken } from '../sync/connection.ts';
import { syncNow } from '../sync/sync-engine.ts';
import { initialStatus, readStatus, writeStatus } from '../sync/sync-status.ts';

export type ConnectReply = { ok: true; connection: ConnectionInfo } | { ok: false; failure: SyncFailure };

export async function connectLibrary(server: string, token: string): Promise<ConnectReply> {
  const base = server.replace(/\/+$/, '');
  try {
    const me = meSchema.parse(await callApi({ server: base, token }, '/api/me'));
    const connection = {
      server: base,
      token,
      memberId: me.member.id,
      memberName: me.member.name,
      role: me.member.role,
      cityId: me.city.id,
      cityName: me.city.name,
      cityCountry: me.city.country,
      connectedAt: new Date().toISOString(),
    };
    await saveConnection(connection);
    await writeStatus({ ...(await readStatus()), phase: 'idle', failure: null, retryAt: null });
    void syncNow();
    return { ok: true, connection: withoutToken(connection) };
  } catch (error) {
    if (error instanceof SyncError) return { ok: false, failure: error.failure };
    return {
      ok: false,
      failure: { reason: 'rejected', detail: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Stops syncing; the local library and its unsent changes stay in this browser. */
export async function disconnectLibrary(): Promise<void> {
  await forgetConnection();
  await writeStatus({ ...initialStatus, pending: (await readStatus()).pending });
}
