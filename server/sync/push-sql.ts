// The push's statements as static SQL, sent straight to the libSQL transaction under drizzle's
// (server/sync/push.ts). Measured by `npm run bench -- --only bulk-push`: drizzle's query builder cost as much
// CPU as SQLite itself for the big writes, and its three reads cost more than the rows they read; so the
// reads go in one batch and the rows are serialised here, each object's shared clock written once.
import type { InValue, Transaction } from '@libsql/client';
import { fieldsJsonOf } from '../../shared/sync/fields-json.ts';
import { kindSpecs } from '../../shared/sync/kinds.ts';
import type { FieldClock, ObjectState } from '../../shared/sync/object-state.ts';
import type { ProcessedMutation } from '../../shared/sync/push.ts';
import { repairLoneSurrogateEscapes } from '../../shared/well-formed.ts';
import type { libraryObjects } from '../db/schema/index.ts';
import { vouchArgsWellFormed } from '../db/well-formed-args.ts';

type Row = typeof libraryObjects.$inferSelect;

export interface PushInputs {
  libraryVersion: number;
  /** The city's prune point (cities.pruned_through_version; server/sync/past-horizon.ts). */
  prunedThrough?: number;
  processed: ProcessedMutation[];
  rows: Row[];
}

const jsonList = '(select value from json_each(?))';
const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The library version, the earlier results of these mutation ids, and these objects — one round trip. The id
 * lists go as one JSON array each (`in (select value from json_each(?))`, still one primary-key lookup per id):
 * short statements to compile and one argument instead of fifty.
 */
export async function readPushInputs(
  raw: Transaction,
  cityId: string,
  mutationIds: string[],
  objectIds: string[],
): Promise<PushInputs> {
  const [version, processed, objects] = await raw.batch([
    { sql: 'select library_version, pruned_through_version from cities where id = ?', args: [cityId] },
    {
      sql: `select id, object_id, status, object_version, conflicts from processed_mutations where city_id = ? and id in ${jsonList}`,
      args: [cityId, JSON.stringify(mutationIds)],
    },
    {
      sql: `select ${objectColumns.join(', ')} from library_objects where city_id = ? and id in ${jsonList}`,
      args: [cityId, JSON.stringify(objectIds)],
    },
  ]);
  return {
    libraryVersion: Number(version!.rows[0]![0]),
    prunedThrough: Number(version!.rows[0]![1]),
    processed: processed!.rows.map((r) => ({
      id: String(r[0]),
      objectId: String(r[1]),
      status: String(r[2]) as ProcessedMutation['status'],
      objectVersion: Number(r[3]),
      conflicts: Number(r[4]),
    })),
    rows: objects!.rows.map((r) => ({
      cityId: String(r[0]),
      id: String(r[1]),
      kind: String(r[2]) as Row['kind'],
      version: Number(r[3]),
      parentId: r[4] === null ? null : String(r[4]),
      createdAt: String(r[5]),
      createdBy: String(r[6]),
      updatedAt: String(r[7]),
      updatedBy: String(r[8]),
      deletedAt: r[9] === null ? null : String(r[9]),
      data: JSON.parse(String(r[10])),
      meta: JSON.parse(String(r[11])),
    })),
  };
}

const objectColumns = [
  'city_id',
  'id',
  'kind',
  'version',
  'parent_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'deleted_at',
  'data',
  'meta',
];

const placeholders = (rows: number, columns: number) => {
  const row = `(${list(columns)})`;
  return Array.from({ length: rows }, () => row).join(', ');
};

/** The SQL text per row count, built once (a push has at most 50 rows, so at most 50 texts per statement). */
function memo(build: (rows: number) => string): (rows: number) => string {
  const texts = new Map<number, string>();
  return (rows) => {
    let sql = texts.get(rows);
    if (sql === undefined) {
      sql = build(rows);
      if (texts.size < 200) texts.set(rows, sql);
    }
    return sql;
  };
}

// The object rows' arguments are well-formed by construction (objectArgs: validated ids and times, and JSON
// texts, in which JSON.stringify escapes a lone surrogate), so the database boundary does not scan their
// ~8 KB of JSON a row again (server/db/well-formed-args.ts).

/** Insert new objects (the push looked them up under its write lock and found none). */
export const insertObjectsSql = memo((rows) =>
  vouchArgsWellFormed(
    `insert into library_objects (${objectColumns.join(', ')}) values ${placeholders(rows, objectColumns.length)}`,
  ),
);

/** Insert, or on (city_id, id) update everything but kind and creation (the statement drizzle built). */
export const upsertObjectsSql = memo((rows) =>
  vouchArgsWellFormed(
    `insert into library_objects (${objectColumns.join(', ')}) values ${placeholders(rows, objectColumns.length)} on conflict (city_id, id) do update set version = excluded.version, parent_id = excluded.parent_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted_at = excluded.deleted_at, data = excluded.data, meta = excluded.meta`,
  ),
);

/** One row's arguments for upsertObjectsSql, data and meta as JSON text. `state`: the merge state the row
 *  was made from, whose fields' JSON may be known already (dataJson). */
export function objectArgs(r: Row, state?: ObjectState): InValue[] {
  return [
    r.cityId,
    r.id,
    r.kind,
    r.version,
    r.parentId ?? null,
    r.createdAt,
    r.createdBy,
    r.updatedAt,
    r.updatedBy,
    r.deletedAt ?? null,
    // A lone surrogate is refused at the push's schema; were one to get this far, its JSON escape (`\ud800`,
    // which SQLite's JSON functions extract as invalid UTF-8) is stored as U+FFFD instead (issue 15).
    repairLoneSurrogateEscapes(state ? dataJson(state, r.data) : JSON.stringify(r.data)),
    repairLoneSurrogateEscapes(
      metaJson(r.meta as { clocks: ObjectState['clocks']; sets: ObjectState['sets'] }),
    ),
  ];
}

/**
 * `JSON.stringify(data)` for `data = objectData(state)`: the state's fields with its set fields after them. When
 * the fields' JSON is known (a creation whose pushed text was already JSON.stringify's, fields-json.ts), it is
 * that text with the set fields appended; otherwise data is serialised.
 */
export function dataJson(state: ObjectState, data: Record<string, unknown>): string {
  const fields = state.deletedAt ? undefined : fieldsJsonOf(state.fields);
  if (fields === undefined) return JSON.stringify(data);
  let out = fields.slice(0, -1);
  let first = fields === '{}';
  for (const field of kindSpecs[state.kind].setFields) {
    // objectData assigns the set field over a whole value of that name, which keeps the earlier place.
    if (Object.hasOwn(state.fields, field)) return JSON.stringify(data);
    out += `${first ? '' : ','}${quoted(field)}:${JSON.stringify(data[field])}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * `JSON.stringify(meta)`, except that a clock object shared by several fields (a creation stamps every field
 * with the same one) is serialised once: half a practice row is clocks, mostly the same clock repeated. Built
 * by appending to one string, field names quoted once per process (~2.5× faster than joining parts).
 */
export function metaJson(meta: { clocks: ObjectState['clocks']; sets: ObjectState['sets'] }): string {
  const seen = new Map<FieldClock, string>();
  const clock = (c: FieldClock) => {
    let json = seen.get(c);
    if (json === undefined) {
      json = JSON.stringify(c);
      seen.set(c, json);
    }
    return json;
  };
  let out = '{"clocks":{';
  let first = true;
  for (const field in meta.clocks) {
    const c = meta.clocks[field];
    if (c === undefined) continue;
    out += `${first ? '' : ','}${quoted(field)}:${clock(c)}`;
    first = false;
  }
  out += '},"sets":{';
  first = true;
  for (const field in meta.sets) {
    const entries = meta.sets[field];
    if (entries === undefined) continue;
    out += `${first ? '' : ','}${quoted(field)}:[`;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      out += `${i === 0 ? '' : ','}{"key":${JSON.stringify(e.key)},"value":${JSON.stringify(e.value)},"present":${e.present},"clock":${clock(e.clock)}}`;
    }
    out += ']';
    first = false;
  }
  return `${out}}}`;
}

/** Field names as JSON strings; the kinds have a few dozen, so the cache stays small (and is capped). */
const quotedNames = new Map<string, string>();
function quoted(name: string): string {
  let json = quotedNames.get(name);
  if (json === undefined) {
    json = JSON.stringify(name);
    if (quotedNames.size < 1000) quotedNames.set(name, json);
  }
  return json;
}

/**
 * The push's processed-mutation records, all in one JSON argument (`[[id, objectId, status, objectVersion,
 * conflicts], …]`) read with json_each: SQLite compiled the 50-row `VALUES` list in ~0.25 ms per push, this
 * short statement in ~0.04 ms, and the JSON of 50 short records costs little to write and read.
 */
export const insertProcessedSql =
  'insert into processed_mutations (city_id, id, member_id, object_id, status, object_version, conflicts, created_at) select ?1, value ->> 0, ?2, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ?3 from json_each(?4)';

/** The arguments of insertProcessedSql. */
export function processedArgs(
  cityId: string,
  memberId: string,
  createdAt: string,
  processed: readonly ProcessedMutation[],
): InValue[] {
  const records = processed.map((p) => [p.id, p.objectId, p.status, p.objectVersion, p.conflicts]);
  return [cityId, memberId, createdAt, JSON.stringify(records)];
}

export const setLibraryVersionSql = 'update cities set library_version = ? where id = ?';

/** The next library version, taken and read at once (a push of new practices, push-new-practices.ts). */
export const bumpLibraryVersionSql =
  'update cities set library_version = library_version + 1 where id = ? returning library_version';
