// The push request's fast path: a body whose mutations are all practice mutations of the usual shape is
// checked by hand (shared/sync/practice-checks.ts) and built into exactly the object pushRequestSchema
// outputs — same keys in the same order, titles trimmed, tags single-spaced, absent fields left out — without
// zod's general machinery. Anything else (another kind, a server-set field, a summary, any value a rule does
// not accept) answers `undefined`: the caller then parses with pushRequestSchema, so every refusal and its
// message is zod's. Property-tested against the schema: tests/shared/push-fast-path.test.ts.
import { maxMutationsPerPush, type PushRequest } from '../api/sync.ts';
import { isWellFormed } from '../well-formed.ts';
import { canonicalFieldsJson, rememberFieldsJson } from './fields-json.ts';
import { hlcPattern } from './hlc.ts';
import { kindSpecs, scalarFields } from './kinds.ts';
import {
  checkedList,
  isIsoDateTime,
  isUuid,
  practiceElementRules,
  practiceRules,
  unsure,
} from './practice-checks.ts';

/** A set field's list in a push: at most this many elements (mutationSchemaFor in shared/api/sync.ts). */
const maxPushedElements = 500;

/** The whole-value fields in the schema's order, if the rules cover exactly those (else no fast path). */
const wholeFields: readonly string[] | undefined = (() => {
  const fields = scalarFields('practice');
  const ruled = Object.keys(practiceRules);
  return fields.length === ruled.length && fields.every((f) => ruled.includes(f)) ? fields : undefined;
})();
const setFields: readonly string[] = kindSpecs.practice.setFields;
const mutationKeys = new Set([
  'id',
  'kind',
  'objectId',
  'baseVersion',
  'hlc',
  'op',
  'createdAt',
  'fields',
  'add',
  'remove',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * pushRequestSchema's output for `body`, or undefined when the fast path cannot vouch for it. `texts`: the
 * JSON text of each mutation as the body wrote it, if known; a mutation's fields written exactly as
 * JSON.stringify writes the output are remembered as their JSON (shared/sync/fields-json.ts).
 */
export function fastPushRequest(body: unknown, texts?: WeakMap<object, string>): PushRequest | undefined {
  if (!wholeFields || !isRecord(body)) return undefined;
  for (const key in body) if (key !== 'clientId' && key !== 'mutations') return undefined;
  const { clientId, mutations } = body;
  if (
    typeof clientId !== 'string' ||
    clientId.length < 1 ||
    clientId.length > 100 ||
    !isWellFormed(clientId)
  ) {
    return undefined;
  }
  if (!Array.isArray(mutations) || mutations.length < 1 || mutations.length > maxMutationsPerPush) {
    return undefined;
  }
  const out: PushRequest['mutations'] = new Array(mutations.length);
  for (let i = 0; i < mutations.length; i++) {
    const input = mutations[i];
    const m = fastPracticeMutation(input, wholeFields);
    if (!m) return undefined;
    out[i] = m;
    const text = texts?.get(input as object);
    if (text !== undefined && m.fields) {
      const json = canonicalFieldsJson(text, (input as { fields: Record<string, unknown> }).fields, m.fields);
      if (json !== undefined) rememberFieldsJson(m.fields, json);
    }
  }
  return { clientId, mutations: out };
}

function fastPracticeMutation(
  m: unknown,
  whole: readonly string[],
): PushRequest['mutations'][number] | undefined {
  if (!isRecord(m) || m.kind !== 'practice') return undefined;
  for (const key in m) if (!mutationKeys.has(key)) return undefined;
  const { id, objectId, baseVersion, hlc, op, createdAt } = m;
  if (!isUuid(id) || !isUuid(objectId)) return undefined;
  if (typeof baseVersion !== 'number' || !Number.isSafeInteger(baseVersion) || baseVersion < 0)
    return undefined;
  if (typeof hlc !== 'string' || !hlcPattern.test(hlc)) return undefined;
  if (op !== 'put' && op !== 'delete') return undefined;
  const out: Record<string, unknown> = { id, kind: 'practice', objectId, baseVersion, hlc, op };
  if (Object.hasOwn(m, 'createdAt')) {
    if (!isIsoDateTime(createdAt)) return undefined;
    out.createdAt = createdAt;
  }
  if (Object.hasOwn(m, 'fields')) {
    const fields = checkedFields(m.fields, whole);
    if (!fields) return undefined;
    out.fields = fields;
  }
  for (const group of ['add', 'remove'] as const) {
    if (!Object.hasOwn(m, group)) continue;
    const sets = checkedSets(m[group]);
    if (!sets) return undefined;
    out[group] = sets;
  }
  // The schema's refinement: a delete carries no fields, add or remove.
  if (op === 'delete' && (out.fields || out.add || out.remove)) return undefined;
  return out as PushRequest['mutations'][number];
}

function checkedFields(fields: unknown, whole: readonly string[]): Record<string, unknown> | undefined {
  if (!isRecord(fields)) return undefined;
  // A key without a rule is a server-set field (refused by zod) or an unknown one (refused too).
  for (const key in fields) if (!Object.hasOwn(practiceRules, key)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of whole) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = practiceRules[key]!(fields[key]);
    if (value === unsure) return undefined;
    out[key] = value;
  }
  return out;
}

function checkedSets(sets: unknown): Record<string, string[]> | undefined {
  if (!isRecord(sets)) return undefined;
  for (const key in sets) if (!setFields.includes(key)) return undefined;
  const out: Record<string, string[]> = {};
  for (const key of setFields) {
    if (!Object.hasOwn(sets, key)) continue;
    const list = checkedList(sets[key], maxPushedElements, practiceElementRules[key]!);
    if (list === unsure) return undefined;
    out[key] = list as string[];
  }
  return out;
}
