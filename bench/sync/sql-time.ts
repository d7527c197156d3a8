// Where a write path's time goes inside libSQL: wraps a client's transactions so that BEGIN, reads, writes
// and COMMIT (which also runs SQLite's WAL checkpoints) are timed apart. The rest of a request's time is the
// server's own work (HTTP, body, JSON, validation, merge, serialisation). For the bulk-push breakdown.
import type { Client, Transaction, TransactionMode } from '@libsql/client';

export interface SqlTimes {
  begin: number;
  reads: number;
  writes: number;
  commit: number;
  statements: number;
}

const isRead = (stmt: unknown) =>
  /^\s*select\b/i.test(typeof stmt === 'string' ? stmt : String((stmt as { sql?: unknown })?.sql ?? ''));

/** Starts timing every transaction `client` opens; `reset()` zeroes the sums (e.g. after setting up). */
export function timeSql(client: Client): { times: SqlTimes; reset: () => void } {
  const times: SqlTimes = { begin: 0, reads: 0, writes: 0, commit: 0, statements: 0 };
  const open = client.transaction.bind(client);
  client.transaction = (async (mode?: TransactionMode) => {
    const started = performance.now();
    const tx = await open(mode);
    times.begin += performance.now() - started;
    return timed(tx, times);
  }) as Client['transaction'];
  const reset = () => {
    for (const key of Object.keys(times) as (keyof SqlTimes)[]) times[key] = 0;
  };
  return { times, reset };
}

function timed(tx: Transaction, times: SqlTimes): Transaction {
  const execute = tx.execute.bind(tx);
  const batch = tx.batch.bind(tx);
  const commit = tx.commit.bind(tx);
  const clock = async <T>(key: 'reads' | 'writes' | 'commit', count: number, run: () => Promise<T>) => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      times[key] += performance.now() - started;
      times.statements += count;
    }
  };
  tx.execute = ((stmt: Parameters<Transaction['execute']>[0]) =>
    clock(isRead(stmt) ? 'reads' : 'writes', 1, () => execute(stmt))) as Transaction['execute'];
  tx.batch = (stmts) => clock(stmts.every(isRead) ? 'reads' : 'writes', stmts.length, () => batch(stmts));
  tx.commit = () => clock('commit', 1, commit);
  return tx;
}
