// Plans a push: which objects change, which conflicts are recorded, what each mutation's result is and the
// library version the commit gets. Pure; the server loads the inputs and writes the plan inside one
// transaction (server/sync/push.ts), so a rejected mutation leaves nothing behind.
// Follows Replicache's push algorithm (idempotency per mutation id) and Zotero's versioning (one library
// version per write, stamped on every object the write changed).

import type { z } from 'zod';
import type { ignoredReasons } from '../api/sync.ts';
import { clampHlc } from './hlc.ts';
import { elementKey, type Kind, kindSpecs, setLimit } from './kinds.ts';
import { applyMutation, type MergeResult, tombstone } from './merge.ts';
import type { ConflictDraft, Mutation, Outcome } from './mutation.ts';
import { type FieldClock, materialise, type ObjectState } from './object-state.ts';
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

/**
 * Why a put was `ignored`: the object is deleted; the highlight's practice is deleted; the object does not
 * exist though the client had it (its base version, or its creation was itself ignored), so the put is an edit
 * of nothing. Refusals the client cannot fix, caused by what others did: answered per mutation, never a 400.
 */
export type IgnoredReason = (typeof ignoredReasons)[number];

export interface MutationResult extends ProcessedMutation {
  duplicate: boolean;
  /** Set on an `ignored` result as planned (not on a duplicate's: it is not stored). */
  reason?: IgnoredReason;
  /**
   * Elements this mutation added that were not kept because the set was full with others' additions (the
   * schema's limit, e.g. 50 tags); each field's are also kept as a conflict record (lostValue: the elements).
   */
  dropped?: Record<string, string[]>;
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
   * Objects that do not exist though an earlier mutation named them (its put was ignored: a highlight created
   * on a deleted practice): a put on one that is not a valid creation is an edit of nothing, `ignored`
   * (the server looks them up when the plan refuses such a creation: PushRejected.creationOf).
   */
  vanished?: ReadonlySet<string>;
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
    /** Set when a put on an object that does not exist is not a valid creation: it may be an edit of an
     *  object whose creation was ignored (PushInput.vanished), which only the caller can look up. */
    readonly creationOf?: string,
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
  // Objects a put of this push left nonexistent (ignored): the batch's later edits of them are edits of nothing.
  const vanished = new Set(input.vanished);

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
    // A capped stamp keeps the client's own next to it: its edits stay in its order (FieldClock.raw).
    const m: Mutation = hlc === raw.hlc ? raw : { ...raw, hlc, rawHlc: raw.hlc };
    const current = working.get(m.objectId) ?? null;
    if (current && current.kind !== m.kind) {
      throw new PushRejected(['mutations', i, 'kind'], `object ${m.objectId} is a ${current.kind}`);
    }
    // 4. Merge field by field (merge.ts); a highlight whose practice is deleted is not created or edited.
    let reason: IgnoredReason | undefined;
    let dropped: Record<string, string[]> | undefined;
    let merged: MergeResult;
    if (parentDeleted(m, current, working)) {
      merged = ignoredMerge(current);
      reason = 'parent_deleted';
    } else {
      merged = applyMutation(current, m, input.memberId, version);
      if (merged.outcome === 'ignored' && m.op === 'put') reason = 'deleted';
      // 4b. Elements others added meanwhile may fill a set past its limit: this mutation's newest additions
      //     are dropped (and kept as a conflict record), not the push refused (the client cannot fix it).
      const fitted = current && merged.state ? fitSets(current, m, merged.state) : undefined;
      if (fitted) {
        merged = applyMutation(current, fitted.mutation, input.memberId, version);
        dropped = fitted.dropped;
        merged.conflicts.push(...droppedConflicts(m, merged.state!, fitted.dropped, input.memberId, version));
      }
    }
    // 5. The result must be a valid object of its kind, or the whole push is refused. A put on an object that
    //    does not exist but that the client had (or whose creation was ignored) is an edit of nothing: ignored.
    if (merged.state && !merged.state.deletedAt && merged.outcome === 'applied') {
      const fields = input.wireValidated ? m.fields : undefined;
      if (current || !(m.baseVersion > 0 || vanished.has(m.objectId))) {
        validate(merged.state, input.cityId, i, fields, current ? undefined : m, current ? m : false);
      } else if (!isValid(merged.state, input.cityId, fields)) {
        merged = ignoredMerge(null);
        reason = 'not_found';
      }
    }
    if (merged.outcome === 'ignored' && !merged.state) vanished.add(m.objectId);
    const next = merged.state;
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
    const answer = result(record, false);
    if (reason && merged.outcome === 'ignored') answer.reason = reason;
    if (dropped) answer.dropped = dropped;
    results.push(answer);
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

const ignoredMerge = (state: ObjectState | null): MergeResult => ({
  state,
  outcome: 'ignored',
  clocksOnly: false,
  conflicts: [],
});

/**
 * When `next` (current merged with m) holds more elements in a set than its kind allows, and the mutation
 * alone does not (that is the mutation's own error: the validation refuses it): m without its last additions
 * that made the set too big, and what they were. Undefined when every set fits.
 */
function fitSets(current: ObjectState, m: Mutation, next: ObjectState) {
  if (m.op !== 'put' || !m.add) return undefined;
  let add: Record<string, string[]> | undefined;
  let dropped: Record<string, string[]> | undefined;
  for (const [field, values] of Object.entries(m.add)) {
    const max = setLimit(m.kind, field);
    if (max === undefined || !values?.length) continue;
    const entries = next.sets[field] ?? [];
    const present = entries.reduce((n, e) => n + (e.present ? 1 : 0), 0);
    if (present <= max) continue;
    if (new Set(values.map((v) => elementKey(field, v))).size > max) continue;
    // The elements this mutation made present, in its order: the last ones go first.
    const before = new Map((current.sets[field] ?? []).map((e) => [e.key, e.present]));
    const fresh: string[] = [];
    for (const value of values) {
      const key = elementKey(field, value);
      const entry = entries.find((e) => e.key === key);
      if (entry?.present && entry.clock.mutation === m.id && !before.get(key) && !fresh.includes(key)) {
        fresh.push(key);
      }
    }
    const drop = new Set(fresh.slice(Math.max(0, fresh.length - (present - max))));
    if (drop.size === 0) continue;
    add ??= { ...(m.add as Record<string, string[]>) };
    dropped ??= {};
    add[field] = values.filter((v) => !drop.has(elementKey(field, v)));
    dropped[field] = values.filter((v, j) => {
      const key = elementKey(field, v);
      return drop.has(key) && values.findIndex((w) => elementKey(field, w) === key) === j;
    });
  }
  return add && dropped ? { mutation: { ...m, add }, dropped } : undefined;
}

/** The elements dropped from each set, as conflict records: lost, the elements; won, the set as it is. */
function droppedConflicts(
  m: Mutation,
  state: ObjectState,
  dropped: Record<string, string[]>,
  memberId: string,
  version: number,
): ConflictDraft[] {
  const mine: FieldClock = { hlc: m.hlc, client: m.clientId, mutation: m.id, member: memberId, version };
  return Object.entries(dropped).map(([field, values]) => {
    const kept = (state.sets[field] ?? []).filter((e) => e.present);
    // The set was filled by the latest other addition: its author is the one whose value "won".
    const latest = kept.reduce<FieldClock | undefined>(
      (a, e) => (e.clock.mutation !== m.id && (!a || e.clock.hlc > a.hlc) ? e.clock : a),
      undefined,
    );
    return {
      kind: m.kind,
      objectId: m.objectId,
      field,
      lost: { value: values, clock: mine },
      won: { value: kept.map((e) => e.value), clock: latest ?? mine },
    };
  });
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
function validate(
  state: ObjectState,
  cityId: string,
  index: number,
  checked: Record<string, unknown> | undefined,
  creation: Mutation | undefined,
  edit: Mutation | false,
) {
  let issue: Issue | undefined = firstStateIssue(state, cityId, checked);
  if (!issue) return;
  // An edit is refused only for what it wrote: a value stored before (valid then, refused by a schema that
  // has tightened since) is not this mutation's doing, and refusing it would refuse every edit of the object.
  if (edit) {
    const wrote = new Set([...Object.keys(edit.fields ?? {}), ...Object.keys(edit.add ?? {})]);
    const issues = kindSpecs[state.kind].schema.safeParse(materialise(state, cityId)).error?.issues ?? [];
    issue = issues.find((i) => wrote.has(String(i.path[0] ?? '')));
    if (!issue) return;
  }
  const field = String(issue.path[0] ?? '');
  const group = kindSpecs[state.kind].setFields.includes(field) ? 'add' : 'fields';
  throw new PushRejected(
    ['mutations', index, group, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    issue.message,
    creation?.objectId,
  );
}

const isValid = (state: ObjectState, cityId: string, checked?: Record<string, unknown>) =>
  !firstStateIssue(state, cityId, checked);

function firstStateIssue(state: ObjectState, cityId: string, checked?: Record<string, unknown>) {
  // A practice the hand-written rules vouch for is one the schema accepts; otherwise zod decides (and words
  // the refusal).
  if (state.kind === 'practice' && isValidPracticeState(state, cityId, checked)) return undefined;
  const object = materialise(state, cityId);
  return checked
    ? firstIssueByKey(state.kind, object, checked)
    : firstIssue(kindSpecs[state.kind].schema, object);
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
