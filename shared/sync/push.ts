// Plans a push: which objects change, which conflicts are recorded, what each mutation's result is and the
// library version the commit gets. Pure; the server loads the inputs and writes the plan inside one
// transaction (server/sync/push.ts), so a rejected mutation leaves nothing behind.
// Follows Replicache's push algorithm (idempotency per mutation id) and Zotero's versioning (one library
// version per write, stamped on every object the write changed).

import type { z } from 'zod';
import { clampHlc } from './hlc.ts';
import { type Kind, kindSpecs } from './kinds.ts';
import { applyMutation, tombstone } from './merge.ts';
import type { ConflictDraft, Mutation, Outcome } from './mutation.ts';
import { materialise, type ObjectState } from './object-state.ts';
import { isValidPracticeState } from './practice-checks.ts';

/** How far ahead of the server's clock a client's stamp may run before it is capped (see clampHlc). */
export const maxClockSkewMs = 60_000;

export interface ProcessedMutation {
  id: string;
  objectId: string;
  status: Outcome;
  objectVersion: number;
  conflicts: number;
}

export interface MutationResult extends ProcessedMutation {
  duplicate: boolean;
}

export interface PushInput {
  cityId: string;
  memberId: string;
  libraryVersion: number;
  nowMs: number;
  mutations: readonly Mutation[];
  /** Current state of every object the batch names, of the practices its highlights point at, and of the
   *  highlights of practices it deletes. Objects of other cities are simply absent. */
  objects: ReadonlyMap<string, ObjectState>;
  /** Earlier results of mutation ids in this batch that were already processed. */
  processed: ReadonlyMap<string, ProcessedMutation>;
  /**
   * True when every mutation passed the wire schema (shared/api/sync.ts) in this request: a whole-field value
   * taken as it came is then not checked a second time (validate below). Server-made mutations (a conflict
   * restore, an erasure's unlinking) leave it unset and have every field checked.
   */
  wireValidated?: boolean;
}

export interface PushPlan {
  version: number;
  results: MutationResult[];
  /** States to write (new or changed objects, clock-only changes included). */
  writes: ObjectState[];
  conflicts: ConflictDraft[];
  /** Objects deleted by this push: their conflict records hold personal data and go too. */
  deleted: string[];
  processed: ProcessedMutation[];
}

/** A mutation the server refuses; `path` names the field for the 400 answer. Nothing is committed. */
export class PushRejected extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = 'PushRejected';
  }
}

export function planPush(input: PushInput): PushPlan {
  // 1. Every change of this push gets the next library version; if nothing visible changes it is not used.
  const version = input.libraryVersion + 1;
  const working = new Map(input.objects);
  const touched = new Set<string>();
  const deleted = new Set<string>();
  const seen = new Map(input.processed);
  const results: MutationResult[] = [];
  const processed: ProcessedMutation[] = [];
  let conflicts: ConflictDraft[] = [];

  input.mutations.forEach((raw, i) => {
    // 2. A mutation already processed (in an earlier push or earlier in this one) is answered, not re-applied.
    const earlier = seen.get(raw.id);
    if (earlier) {
      results.push(result(earlier, true));
      return;
    }
    // 3. A client cannot have seen a version the library has not reached.
    if (raw.baseVersion > input.libraryVersion) {
      throw new PushRejected(
        ['mutations', i, 'baseVersion'],
        `is ahead of the library version ${input.libraryVersion}`,
      );
    }
    const hlc = clampHlc(raw.hlc, input.nowMs + maxClockSkewMs);
    const m = hlc === raw.hlc ? raw : { ...raw, hlc };
    const current = working.get(m.objectId) ?? null;
    if (current && current.kind !== m.kind) {
      throw new PushRejected(['mutations', i, 'kind'], `object ${m.objectId} is a ${current.kind}`);
    }
    // 4. Merge field by field (merge.ts); a highlight whose practice is deleted is not created or edited.
    const merged = parentDeleted(m, current, working)
      ? { state: current, outcome: 'ignored' as const, clocksOnly: false, conflicts: [] }
      : applyMutation(current, m, input.memberId, version);
    const next = merged.state;
    // 5. The result must be a valid object of its kind, or the whole push is refused.
    if (next && !next.deletedAt && merged.outcome === 'applied') {
      validate(next, input.cityId, i, input.wireValidated ? m.fields : undefined);
    }
    if (next && next !== current) {
      working.set(m.objectId, next);
      if (merged.outcome === 'applied' || merged.clocksOnly) touched.add(m.objectId);
    }
    conflicts.push(...merged.conflicts);
    // 6. Deleting a practice deletes its highlights in the same version.
    if (next?.deletedAt && merged.outcome === 'applied') {
      deleted.add(m.objectId);
      if (m.kind === 'practice') cascade(m, working, touched, deleted, input.memberId, version);
    }
    const record: ProcessedMutation = {
      id: m.id,
      objectId: m.objectId,
      status: merged.outcome,
      objectVersion: next?.version ?? 0,
      conflicts: merged.conflicts.length,
    };
    seen.set(m.id, record);
    processed.push(record);
    results.push(result(record, false));
  });

  // 7. Conflicts about an object deleted later in the same push are dropped with its data.
  conflicts = conflicts.filter((c) => !deleted.has(c.objectId));
  const writes = [...touched].map((id) => working.get(id)!);
  const changed = writes.some((s) => s.version === version);
  return {
    version: changed ? version : input.libraryVersion,
    results,
    writes,
    conflicts,
    deleted: [...deleted],
    processed,
  };
}

function parentDeleted(m: Mutation, current: ObjectState | null, objects: ReadonlyMap<string, ObjectState>) {
  if (m.kind !== 'highlight' || m.op !== 'put') return false;
  const practiceId = (m.fields?.practiceId ?? current?.fields.practiceId) as string | undefined;
  return practiceId !== undefined && Boolean(objects.get(practiceId)?.deletedAt);
}

function cascade(
  m: Mutation,
  working: Map<string, ObjectState>,
  touched: Set<string>,
  deleted: Set<string>,
  memberId: string,
  version: number,
) {
  for (const state of working.values()) {
    if (state.kind !== 'highlight' || state.deletedAt || state.fields.practiceId !== m.objectId) continue;
    const clock = { hlc: m.hlc, client: m.clientId, mutation: m.id, member: memberId, version };
    working.set(state.id, tombstone(state, { kind: 'highlight', objectId: state.id, hlc: m.hlc }, clock));
    touched.add(state.id);
    deleted.add(state.id);
  }
}

// Literal objects rather than `{ ...record, duplicate }`: V8 builds a slow clone for spread-then-add.
const result = (r: ProcessedMutation, duplicate: boolean): MutationResult => ({
  id: r.id,
  objectId: r.objectId,
  status: r.status,
  objectVersion: r.objectVersion,
  conflicts: r.conflicts,
  duplicate,
});

/**
 * Refuses the push unless the merged object is a valid object of its kind. The answer is the kind schema's
 * first issue, as `schema.safeParse(materialise(state))` gives it (zod checks an object's keys in shape
 * order), but checked key by key so that a whole-field value that is the very value the wire schema
 * accepted in this request (`checked`: the mutation's fields) is not parsed a second time by the same
 * field schema. Everything else — the envelope, the merged sets (their sizes), values kept from the stored
 * object or from another mutation — is parsed as before.
 */
function validate(state: ObjectState, cityId: string, index: number, checked?: Record<string, unknown>) {
  const spec = kindSpecs[state.kind];
  // A practice the hand-written rules vouch for is one the schema accepts; otherwise zod decides (and words
  // the refusal).
  if (state.kind === 'practice' && isValidPracticeState(state, cityId, checked)) return;
  const object = materialise(state, cityId);
  const issue = checked ? firstIssueByKey(state.kind, object, checked) : firstIssue(spec.schema, object);
  if (!issue) return;
  const field = String(issue.path[0] ?? '');
  const group = spec.setFields.includes(field) ? 'add' : 'fields';
  throw new PushRejected(
    ['mutations', index, group, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    issue.message,
  );
}

type Issue = { path: PropertyKey[]; message: string };

function firstIssue(schema: z.ZodType, value: unknown): Issue | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0];
}

/** Per kind: the object schema's shape if its keys can be checked one by one (no object-level checks). */
const shapes = new Map<Kind, Record<string, z.ZodType> | null>();

function shapeOf(kind: Kind): Record<string, z.ZodType> | null {
  let shape = shapes.get(kind);
  if (shape === undefined) {
    const schema = kindSpecs[kind].schema;
    shape = (schema._zod.def.checks ?? []).length === 0 && !schema._zod.def.catchall ? schema.shape : null;
    shapes.set(kind, shape);
  }
  return shape;
}

function firstIssueByKey(kind: Kind, object: Record<string, unknown>, checked: Record<string, unknown>) {
  const shape = shapeOf(kind);
  if (!shape) return firstIssue(kindSpecs[kind].schema, object);
  const { fields, setFields } = kindSpecs[kind];
  for (const key of Object.keys(shape)) {
    const schema = shape[key]!;
    const value = object[key];
    // The wire schema parsed this very value with this very schema (mutationSchemaFor uses spec.fields).
    const seen = value !== undefined && value === checked[key] && !setFields.includes(key);
    if (seen && fields[key] === schema) continue;
    const issue = firstIssue(schema, value);
    if (issue) return { path: [key, ...issue.path], message: issue.message };
  }
  return undefined;
}
