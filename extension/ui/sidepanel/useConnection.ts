import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '../../lib/messages.ts';
import type { ConnectionInfo } from '../../sync/connection.ts';

/** Who this browser is connected as (never the token); re-read when the sync phase changes. */
export function useConnection(phase: string): ConnectionInfo | null {
  const [connection, setConnection] = useState<ConnectionInfo | null>(null);
  useEffect(() => {
    void sendRequest((m) => browser.runtime.sendMessage(m), { type: 'connection-info' }).then((r) =>
      setConnection(r.connection),
    );
  }, [phase]);
  return connection;
}
