// The JSON text of a pushed object's fields, taken from the request body instead of serialised again. A
// creation stores its fields as `JSON.stringify(objectData(state))` (server/sync/push-sql.ts); for a practice
// of a few KB that was the push's largest piece of work after SQLite (~10 µs, mostly escaping the Markdown
// a client had just escaped). When the body's own text of `fields` is exactly what JSON.stringify would
// write for the validated fields — same keys in the same order, no white space, only the escapes
// JSON.stringify uses — that text is kept (by object identity, so any change to the fields drops it) and the
// row's data is that text with the set fields appended. Anything else is serialised as before.
// Proved against JSON.stringify by tests/shared/push-fields-json.test.ts.

/** Fields object (a push's validated output, or a merge state's copy of it) → its JSON.stringify text. */
const known = new WeakMap<object, string>();

export const fieldsJsonOf = (fields: object): string | undefined => known.get(fields);

/** Says that `fields` serialises to `json` (the caller vouches for it). */
export function rememberFieldsJson(fields: object, json: string): void {
  known.set(fields, json);
}

const quote = 0x22;
const backslash = 0x5c;
/** The escapes JSON.stringify writes (besides \uXXXX, which it writes only for what must be escaped). */
const isShortEscape = (c: number) =>
  c === quote || c === backslash || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74;

/**
 * The end (index after the closing quote) of the JSON string literal starting at `at` (its opening quote) if
 * it is written as JSON.stringify writes strings — only short escapes (\" \\ \b \f \n \r \t); -1 otherwise.
 * The text is valid JSON (it was parsed), so the literal has no raw control character and is closed.
 */
function canonicalStringEnd(text: string, at: number): number {
  let end = text.indexOf('"', at + 1);
  let slash = text.indexOf('\\', at + 1);
  while (slash >= 0 && slash < end) {
    if (!isShortEscape(text.charCodeAt(slash + 1))) return -1;
    // An escaped quote was not the end.
    if (slash + 1 === end) end = text.indexOf('"', slash + 2);
    if (end < 0) return -1;
    slash = text.indexOf('\\', slash + 2);
  }
  return end < 0 ? -1 : end + 1;
}

/**
 * JSON.stringify(output) for a mutation's `fields`, read from `element` (the mutation's JSON text in the body),
 * or undefined when that text is not exactly it. `input` is the parsed `fields`; `output` what validation made
 * of it: the same values and keys in schema order, except values it may have changed (a trimmed title) — a
 * changed value is not taken from the text. The
 * element's top level must be written without white space between its keys (`{"id":"…",…,"fields":{…}}`).
 */
export function canonicalFieldsJson(
  element: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
): string | undefined {
  if (element.charCodeAt(0) !== 0x7b /* { */) return undefined;
  let at = 1;
  let json: string | undefined;
  let seen = false;
  for (;;) {
    if (element.charCodeAt(at) !== quote) return undefined;
    const keyEnd = canonicalStringEnd(element, at);
    if (keyEnd < 0 || element.charCodeAt(keyEnd) !== 0x3a /* : */) return undefined;
    const isFields = keyEnd - at === 8 && element.startsWith('"fields"', at);
    at = keyEnd + 1;
    if (isFields) {
      if (seen) return undefined; // a second `fields`: JSON.parse kept the last one
      seen = true;
      const found = fieldsText(element, at, input, output);
      if (!found) return undefined;
      [json, at] = found;
    } else {
      at = valueEnd(element, at);
      if (at < 0) return undefined;
    }
    const next = element.charCodeAt(at++);
    if (next === 0x7d /* } */) return json;
    if (next !== 0x2c /* , */) return undefined;
  }
}

/** [JSON.stringify(output), index after the object] for the fields object at `start`, or undefined. */
function fieldsText(
  element: string,
  start: number,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
): [string, number] | undefined {
  if (element.charCodeAt(start) !== 0x7b /* { */) return undefined;
  const keys = Object.keys(output);
  let at = start + 1;
  let k = 0;
  if (element.charCodeAt(at) === 0x7d /* } */) at++;
  else {
    for (;;) {
      // "key":value — a key as plain as the schema's names, the value a canonical string, null or [].
      if (element.charCodeAt(at) !== quote) return undefined;
      const key = keys[k];
      if (key === undefined || !element.startsWith(key, at + 1)) return undefined;
      at += key.length + 1;
      if (element.charCodeAt(at) !== quote || element.charCodeAt(at + 1) !== 0x3a /* : */) return undefined;
      at += 2;
      const value = output[key];
      if (element.charCodeAt(at) === quote) {
        if (typeof value !== 'string' || value !== input[key]) return undefined;
        at = canonicalStringEnd(element, at);
        if (at < 0) return undefined;
      } else if (value === null && input[key] === null && element.startsWith('null', at)) at += 4;
      else if (isEmptyList(value) && isEmptyList(input[key]) && element.startsWith('[]', at)) at += 2;
      else return undefined;
      k++;
      const next = element.charCodeAt(at++);
      if (next === 0x7d /* } */) break;
      if (next !== 0x2c /* , */) return undefined;
    }
  }
  // Validation adds no key (the wire schema has no defaults: shared/api/sync.ts).
  return k === keys.length ? [element.slice(start, at), at] : undefined;
}

const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;

/** The index of the `,` or `}` after the JSON value at `at` (valid JSON: strings skipped whole, brackets
 *  counted), or -1. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c)) return -1;
    if (c === quote) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return i;
      depth--;
    } else if (c === 0x2c && depth === 0) return i;
    i++;
  }
}

/** The index after the string literal opening at `at` (any escapes). */
function stringEnd(text: string, at: number): number {
  let end = text.indexOf('"', at + 1);
  for (;;) {
    if (end < 0) return -1;
    let k = end - 1;
    while (text.charCodeAt(k) === backslash) k--;
    if ((end - 1 - k) % 2 === 0) return end + 1;
    end = text.indexOf('"', end + 1);
  }
}
