// Hand-written checks of a practice's fields, for the push's fast path (shared/sync/fast-push.ts and the
// plan's validation in shared/sync/push.ts). Each rule accepts a value only if the field's zod schema in
// shared/schemas/practice.ts accepts it, and gives the value that schema outputs (a title trimmed, a tag with
// its spaces collapsed); anything it does not recognise answers `undefined`, and the caller falls back to
// zod, whose answer (and refusal message) is then the answer. Why: zod's general machinery cost ~7 µs per
// pushed practice, twice (the wire schema, then the merged object), a tenth of a bulk push's CPU. The rules
// are proved against the schemas by tests/shared/push-fast-path.test.ts (random valid and damaged values).
import { uuidPattern } from '../ids.ts';
import { isoDateTime, syncedFields, toLanguageTag } from '../schemas/common.ts';
import { practiceFields } from '../schemas/practice.ts';
import { indexAreaIds } from '../taxonomy/index.ts';
import { isWellFormed } from '../well-formed.ts';
import type { ObjectState } from './object-state.ts';

/** Not a value any rule gives: "unknown here, ask zod". */
export const unsure = Symbol('unsure');
export type Checked = unknown | typeof unsure;

/** The pattern z.iso.datetime() checks (zod keeps it on the schema); without it no date is ever accepted. */
const isoPattern: RegExp | undefined = (() => {
  const pattern = (isoDateTime._zod.def as { pattern?: unknown }).pattern;
  return pattern instanceof RegExp && !pattern.global && !pattern.sticky ? pattern : undefined;
})();

export const isIsoDateTime = (v: unknown): v is string =>
  typeof v === 'string' && isoPattern !== undefined && isoPattern.test(v);
export const isUuid = (v: unknown): v is string => typeof v === 'string' && uuidPattern.test(v);
// Every string rule also asks for well-formed Unicode, as the project's z.string() does (shared/zod.ts): a
// lone surrogate goes to zod, which refuses it naming the field.
const maxString = (max: number) => (v: unknown) =>
  typeof v === 'string' && v.length <= max && isWellFormed(v) ? v : unsure;
const nullable = (rule: (v: unknown) => Checked) => (v: unknown) => (v === null ? null : rule(v));
const oneOf = (values: readonly string[]) => (v: unknown) =>
  typeof v === 'string' && values.includes(v) ? v : unsure;

/** httpUrl (shared/schemas/common.ts): at most 4096 characters, http(s), no white space. */
const httpUrl = (v: unknown) =>
  typeof v === 'string' && v.length <= 4096 && /^https?:\/\/[^\s]+$/i.test(v) && isWellFormed(v) ? v : unsure;

/** pageUrl's own schema decides (it parses the URL, which is most of its cost anyway). */
const pageUrl = (v: unknown) =>
  typeof v === 'string' && v.length <= 8192 && practiceFields.url.safeParse(v).success ? v : unsure;

/** title: trimmed, then 1–1000 characters; the output is the trimmed text. */
const title = (v: unknown) => {
  if (typeof v !== 'string' || !isWellFormed(v)) return unsure;
  const t = v.trim();
  return t.length >= 1 && t.length <= 1000 ? t : unsure;
};

/** The whole-value fields of a practice a push may set, by name, in the schema's order. */
export const practiceRules: Record<string, (v: unknown) => Checked> = {
  url: pageUrl,
  canonicalUrl: nullable(httpUrl),
  title,
  excerpt: maxString(5000),
  siteName: nullable(maxString(500)),
  byline: nullable(maxString(500)),
  publishedTime: nullable(maxString(100)),
  // pageLanguage never refuses a well-formed string: it gives the tag it reads ("en_US" → "en-US") or null.
  lang: nullable((v) => (typeof v === 'string' && isWellFormed(v) ? toLanguageTag(v) : unsure)),
  dir: nullable(oneOf(['ltr', 'rtl'])),
  image: nullable(httpUrl),
  contentMarkdown: maxString(2_000_000),
  extraction: oneOf(['full', 'metadata-only', 'none']),
  note: maxString(20_000),
  visibility: oneOf(['city', 'network']),
  clippedAt: (v) => (isIsoDateTime(v) ? v : unsure),
  // Only the empty list here: a summary is an object with its own rules, which zod checks.
  summaries: (v) => (Array.isArray(v) && v.length === 0 ? [] : unsure),
};

/** One element of each set-valued field, as its element schema outputs it. */
export const practiceElementRules: Record<string, (v: unknown) => Checked> = {
  areas: (v) => (typeof v === 'string' && indexAreaIds.includes(v) ? v : unsure),
  // tagSchema: trimmed and single-spaced, then 1–64 characters.
  tags: (v) => {
    if (typeof v !== 'string' || !isWellFormed(v)) return unsure;
    const t = v.trim().replace(/\s+/g, ' ');
    return t.length >= 1 && t.length <= 64 ? t : unsure;
  },
  stakeholderIds: (v) => (isUuid(v) ? v : unsure),
};

/** A list of elements as `z.array(element).max(max)` outputs it (a new array), or unsure. */
export function checkedList(v: unknown, max: number, element: (v: unknown) => Checked): Checked {
  if (!Array.isArray(v) || v.length > max) return unsure;
  const out: unknown[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const e = element(v[i]);
    if (e === unsure) return unsure;
    out[i] = e;
  }
  return out;
}

/** The sizes practiceSchema allows its sets. */
const practiceSetMax: Record<string, number> = { areas: 18, tags: 50, stakeholderIds: 500 };

const envelopeKeys = Object.keys(syncedFields);

const nonEmptyOrNull = (v: unknown) => v === null || (typeof v === 'string' && v.length >= 1);

/**
 * True only if practiceSchema accepts `materialise(state, cityId)`; false means "ask zod", not "invalid".
 * Read from the state itself (no materialised copy). `checked`: the mutation's fields when the wire schema
 * accepted them in this request — a field holding that very value passed the same field schema and is not
 * checked again (as planPush's key-by-key check does).
 */
export function isValidPracticeState(
  state: ObjectState,
  cityId: string,
  checked?: Record<string, unknown>,
): boolean {
  if (state.kind !== 'practice' || state.deletedAt !== null) return false;
  if (!isUuid(state.id) || !nonEmptyOrNull(cityId)) return false;
  if (!isIsoDateTime(state.createdAt) || !isIsoDateTime(state.updatedAt)) return false;
  if (!nonEmptyOrNull(state.createdBy) || !nonEmptyOrNull(state.updatedBy)) return false;
  const version = state.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return false;
  const fields = state.fields;
  // materialise() copies the fields over the envelope: a field by an envelope's name is zod's to judge.
  for (const key of envelopeKeys) if (Object.hasOwn(fields, key)) return false;
  for (const key in practiceRules) {
    const value = fields[key];
    if (value === undefined) {
      if (key === 'summaries') continue; // its default: an object stored before it existed has none
      return false;
    }
    if (checked !== undefined && value === checked[key]) continue;
    if (practiceRules[key]!(value) === unsure) return false;
  }
  // A set field is the set's present values (materialise); a whole value of that name would be overwritten.
  for (const key in practiceSetMax) {
    const rule = practiceElementRules[key]!;
    let count = 0;
    for (const e of state.sets[key] ?? []) {
      if (!e.present) continue;
      if (++count > practiceSetMax[key]! || rule(e.value) === unsure) return false;
    }
  }
  return true;
}
