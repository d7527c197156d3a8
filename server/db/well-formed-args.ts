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

/**
 * SQL texts whose arguments their caller vouches are well-formed by construction: the push's object rows
 * (server/sync/push-sql.ts), whose JSON would cost ~1 ns a character to scan again when it holds a character
 * above U+00FF (~5 % of a bulk push's CPU). Bounded, in case a caller vouched for ever-new texts.
 */
const vouched = new Set<string>();

/** Marks `sql` as vouched for (see above); returns it. */
export function vouchArgsWellFormed(sql: string): string {
  if (vouched.size < 1000) vouched.add(sql);
  return sql;
}

function fixStatement(stmt: InStatement): InStatement {
  if (typeof stmt === 'string') return toWellFormed(stmt);
  if (vouched.has(stmt.sql)) return stmt;
  const args = fixArgs(stmt.args);
  const sql = isWellFormed(stmt.sql) ? stmt.sql : toWellFormed(stmt.sql);
  return args === stmt.args && sql === stmt.sql ? stmt : { ...stmt, sql, args };
}

type Executor = Pick<Client, 'execute' | 'batch'>;

/** execute and batch of `target` (as they are now), with their statements' strings made well-formed. */
function guarded<T extends Executor>(target: T): Pick<T, 'execute' | 'batch'> {
  const run = target.execute.bind(target) as (stmt: InStatement) => ReturnType<T['execute']>;
  const runBatch = target.batch.bind(target) as (
    stmts: InStatement[],
    mode?: never,
  ) => ReturnType<T['batch']>;
  const execute = ((stmt: InStatement | string, args?: InArgs) =>
    run(
      fixStatement(typeof stmt === 'string' && args !== undefined ? { sql: stmt, args } : stmt),
    )) as T['execute'];
  const batch = ((stmts: InStatement[], mode?: never) =>
    runBatch(stmts.map(fixStatement), mode)) as T['batch'];
  return { execute, batch };
}

/**
 * `target` with `own` in place of some of its properties; the others are its own, methods bound to it (they
 * use private fields). A property assigned on the wrapper replaces either, as on a plain object (tests
 * record a client's transactions by assigning `transaction`).
 */
function wrapped<T extends object>(target: T, own: Record<string, unknown>): T {
  const assigned = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(t, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (typeof key === 'string' && Object.hasOwn(own, key)) return own[key];
      const value = Reflect.get(t, key, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
    set(_t, key, value) {
      assigned.set(key, value);
      return true;
    },
  });
}

/** The transaction with the guard on its statements. */
const guardedTransaction = (tx: Transaction): Transaction => wrapped(tx, { ...guarded(tx) });

/** The client with the guard on every statement, its transactions' too; everything else is the client's. */
export function wellFormedArgs(client: Client): Client {
  const open = client.transaction.bind(client);
  const transaction = (async (...args: Parameters<Client['transaction']>) =>
    guardedTransaction(await open(...args))) as Client['transaction'];
  return wrapped(client, { ...guarded(client), transaction });
}
