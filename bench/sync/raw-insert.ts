// The raw-libSQL baseline for writes: the same rows, the same table (its DDL read from the server's own
// database) in a fresh file database, with nothing but @libsql/client — multi-row INSERTs inside
// transactions, WAL and synchronous=NORMAL as the server sets them (STACK.md's method for its anchors).
import { type Client, createClient, type InValue } from '@libsql/client';

export interface RawInsertResult {
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

/**
 * A fresh file database with `ddl` applied. Foreign keys are on, as on the server; the city row the rows
 * point at exists in a minimal `cities` table, so each insert pays the same parent lookup.
 */
export async function openRawDatabase(file: string, ddl: string[], cityId: string): Promise<Client> {
  const client = createClient({ url: `file:${file}` });
  await client.execute('PRAGMA journal_mode=WAL');
  await client.execute('PRAGMA synchronous=NORMAL');
  await client.execute('PRAGMA foreign_keys=ON');
  await client.execute('CREATE TABLE cities (id text PRIMARY KEY NOT NULL)');
  await client.execute({ sql: 'INSERT INTO cities (id) VALUES (?)', args: [cityId] });
  for (const statement of ddl) await client.execute(statement);
  return client;
}

/** Inserts `rows` into `table`, `perTransaction` rows per transaction, `perStatement` rows per INSERT. */
export async function rawInsert(
  client: Client,
  table: string,
  columns: string[],
  rows: InValue[][],
  { perTransaction, perStatement }: { perTransaction: number; perStatement: number },
): Promise<RawInsertResult> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const started = performance.now();
  for (let at = 0; at < rows.length; at += perTransaction) {
    const chunk = rows.slice(at, at + perTransaction);
    const tx = await client.transaction('write');
    try {
      for (let s = 0; s < chunk.length; s += perStatement) {
        const part = chunk.slice(s, s + perStatement);
        await tx.execute({
          sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => placeholders).join(', ')}`,
          args: part.flat(),
        });
      }
      await tx.commit();
    } finally {
      tx.close();
    }
  }
  const ms = performance.now() - started;
  return { rows: rows.length, ms, rowsPerSecond: (rows.length / ms) * 1000 };
}
