// The database boundary's guard (issue 15): no string argument reaches libSQL holding a lone UTF-16
// surrogate. The embedded client replaces one with U+FFFD on its own, a libSQL server refuses the whole
// request (`Cannot deserialize client message from JSON`), so the same write stored on one and failed on the
// other. The schemas refuse such strings at every route (shared/zod.ts); this guard makes the rare miss one
// well-formed behaviour everywhere: U+FFFD, as the embedded client did. A JSON text's escapes are another
// matter (its `\ud800` is plain ASCII here): the JSON columns are repaired where they are written
// (server/sync/push-sql.ts).
import type { Client, InArgs, InStatement, InValue, Transaction } from '@libsql/client';
import { isWellFormed, toWellFormed } from '../../shared/well-formed.ts';

const fixValue = (v: InValue): InValue => (typeof v === 'string' && !isWellFormed(v) ? toWellFormed(v) : v);

function fixArgs(args: InArgs | undefined): InArgs | undefined {
  if (args === undefined) return args;
  if (Array.isArray(args)) {
    // The common case allocates nothing: a copy only when a string needs repair.
    let out: InValue[] | undefined;
    for (let i = 0; i < args.length; i++) {
      const v = args[i] as InValue;
      const fixed = fixValue(v);
      if (fixed === v) continue;
      out ??= args.slice();
      out[i] = fixed;
    }
    return out ?? args;
  }
  let out: Record<string, InValue> | undefined;
  for (const [key, v] of Object.entries(args)) {
    const fixed = fixValue(v);
    if (fixed === v) continue;
    out ??= { ...args };
    out[key] = fixed;
  }
  return out ?? args;
}

function fixStatement(stmt: InStatement): InStatement {
  if (typeof stmt === 'string') return toWellFormed(stmt);
  const args = fixArgs(stmt.args);
  const sql = isWellFormed(stmt.sql) ? stmt.sql : toWellFormed(stmt.sql);
  return args === stmt.args && sql === stmt.sql ? stmt : { ...stmt, sql, args };
}

type Executor = Pick<Client, 'execute' | 'batch'>;

/** execute and batch of `target`, with their statements' strings made well-formed. */
function guarded<T extends Executor>(target: T): Pick<T, 'execute' | 'batch'> {
  const execute = ((stmt: InStatement | string, args?: InArgs) =>
    typeof stmt === 'string' && args !== undefined
      ? target.execute(fixStatement({ sql: stmt, args }))
      : target.execute(fixStatement(stmt))) as T['execute'];
  const batch = ((stmts: InStatement[], mode?: never) =>
    target.batch(stmts.map(fixStatement), mode)) as T['batch'];
  return { execute, batch };
}

/** The transaction with the guard on its statements. */
function guardedTransaction(tx: Transaction): Transaction {
  const own = guarded(tx);
  return new Proxy(tx, {
    get: (target, key) => (key === 'execute' || key === 'batch' ? own[key] : itself(target, key)),
  });
}

/** A property of the client or transaction itself, its methods bound to it (they use private fields). */
function itself(target: object, key: PropertyKey): unknown {
  const value = Reflect.get(target, key, target);
  return typeof value === 'function' ? value.bind(target) : value;
}

/** The client with the guard on every statement, its transactions' too; everything else is the client's. */
export function wellFormedArgs(client: Client): Client {
  const own = guarded(client);
  const transaction = (async (...args: Parameters<Client['transaction']>) =>
    guardedTransaction(await client.transaction(...args))) as Client['transaction'];
  return new Proxy(client, {
    get(target, key) {
      if (key === 'execute' || key === 'batch') return own[key];
      if (key === 'transaction') return transaction;
      return itself(target, key);
    },
  });
}
