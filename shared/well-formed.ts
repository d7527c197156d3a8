// Well-formed Unicode (issue 15): a JavaScript string may hold a lone UTF-16 surrogate (`"\ud800"` in JSON
// reaches JSON.parse unchanged), which no UTF-8 text can hold. Stored in a JSON column it stays an escape,
// and SQLite's JSON functions then extract it as invalid UTF-8, on which @libsql/client panics and the Node
// process exits. The policy: the server's schemas refuse such a string (400 naming the field:
// shared/zod.ts); the extension repairs it to U+FFFD where it reads the outside world (a page, a file), so a
// hostile page can still be clipped. Both use these helpers.

/** The first lone surrogate, one UTF-16 code unit: a `u` regex steps over well-formed pairs whole. */
const loneSurrogate = /[\uD800-\uDFFF]/u;

const native = typeof String.prototype.isWellFormed === 'function';

/** True when the string holds no lone surrogate (String.prototype.isWellFormed, with a fallback). */
export const isWellFormed: (s: string) => boolean = native
  ? (s) => s.isWellFormed()
  : (s) => !loneSurrogate.test(s);

/** The UTF-16 index of the first lone surrogate, or -1 when the string is well-formed. */
export function loneSurrogateIndex(s: string): number {
  if (isWellFormed(s)) return -1;
  return loneSurrogate.exec(s)?.index ?? -1;
}

/** Every lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, with a fallback). */
export const toWellFormed: (s: string) => string = native
  ? (s) => s.toWellFormed()
  : (s) => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');

/** The refusal's message, e.g. `must be well-formed Unicode (a lone surrogate at character 3)`. */
export const illFormedMessage = (s: string) =>
  `must be well-formed Unicode (a lone surrogate at character ${loneSurrogateIndex(s)})`;

/**
 * A JSON-like value with every string repaired (keys too), for the extension's input boundaries; the value
 * itself when nothing needed repair (no copy). Cycles are not expected (extractor output, parsed files).
 */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return (isWellFormed(value) ? value : toWellFormed(value)) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const repaired = wellFormedDeep(value[i]);
      if (repaired === value[i]) continue;
      out ??= value.slice();
      out[i] = repaired;
    }
    return (out ?? value) as T;
  }
  const proto = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const entries = Object.entries(value as object);
    let changed = false;
    const repaired = entries.map(([key, v]): [string, unknown] => {
      const goodKey = isWellFormed(key) ? key : toWellFormed(key);
      const goodValue = wellFormedDeep(v);
      if (goodKey !== key || goodValue !== v) changed = true;
      return [goodKey, goodValue];
    });
    if (!changed) return value;
    // Rebuilt in the same key order and with the same prototype; defined, so a `__proto__` key stays a key.
    const out = Object.create(proto) as Record<string, unknown>;
    for (const [key, v] of repaired)
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

/** The code unit a `\uXXXX` escape at `at` (its backslash) writes, or -1 if there is none there. */
function escapedUnit(json: string, at: number): number {
  if (json.charCodeAt(at) !== 0x5c || json.charCodeAt(at + 1) !== 0x75) return -1;
  const hex = json.slice(at + 2, at + 6);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : -1;
}
const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isSurrogate = (u: number) => u >= 0xd800 && u <= 0xdfff;

/**
 * JSON text with every lone-surrogate escape (`\ud800`, a `\udc00` without its high half) replaced by
 * `\ufffd`: what JSON.stringify writes for an ill-formed string, and all a stored JSON text can hold of one.
 * Walks the escapes from the first backslash (in valid JSON every backslash starts an escape), so an escaped
 * backslash followed by the letters `ud800` is left alone. The text itself when there is nothing to repair.
 * Migration 0010 (server/drizzle) does the same in SQL.
 */
export function repairLoneSurrogateEscapes(json: string): string {
  // The common case: one scan, nothing found (JSON.stringify writes `\u` only for controls and surrogates).
  if (!json.includes('\\ud') && !json.includes('\\uD')) return json;
  let out = '';
  let from = 0;
  for (let i = json.indexOf('\\'); i >= 0; i = json.indexOf('\\', i)) {
    const unit = escapedUnit(json, i);
    if (unit < 0) {
      i += 2; // a short escape (\n, \", \\, …)
      continue;
    }
    if (isHigh(unit) && escapedUnit(json, i + 6) >= 0xdc00 && escapedUnit(json, i + 6) <= 0xdfff) {
      i += 12; // a well-formed pair written as two escapes
      continue;
    }
    if (isSurrogate(unit)) {
      out += `${json.slice(from, i)}\\ufffd`;
      from = i + 6;
    }
    i += 6;
  }
  return from === 0 ? json : out + json.slice(from);
}

/** True when JSON text holds a lone-surrogate escape. */
export const hasLoneSurrogateEscape = (json: string) => repairLoneSurrogateEscapes(json) !== json;
