// The hostile inputs of issue 15's fuzz suite, as fast-check arbitraries: each comes with a label (the class
// of input: "lone surrogate", "deep nesting", …) so that a failure can be told by its class, and is put at a
// random place of a value that passes the route's schema (so it reaches the code behind the validation).
import fc from 'fast-check';

export interface Labelled<T> {
  label: string;
  value: T;
}

const labelled = <T>(label: string, arb: fc.Arbitrary<T>): fc.Arbitrary<Labelled<T>> =>
  arb.map((value) => ({ label, value }));

/** Ill-formed UTF-16: a lone high or low surrogate, or a pair in the wrong order. */
export const loneSurrogates = fc.constantFrom('\ud800', '\udfff', 'a\ud83db', '\udc00\ud800', 'x\ud83d');

/** NUL, C0 and C1 controls, line and paragraph separators, BOM, bidi overrides, noncharacters. */
export const controlCharacters = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m',
  '\r\nX-Injected: 1',
  '\u007f\u0085\u009f',
  '\u2028\u2029',
  '\ufeff',
  '\u202e\u2066',
  '\ufffe\uffff',
  '\t\v\f',
);

/** Strings past the sizes routes expect; the largest is past the body limit (413). */
const hugeString = fc
  .constantFrom(70_000, 300_000, 2_100_000)
  .chain((n) => fc.constantFrom('x', 'é', '😀', '\u0000', '\ud800').map((unit) => unit.repeat(n)));

/** JSON text put as it is into a body by toJson (a value nested 50,000 deep cannot go through stringify). */
export class RawJson {
  constructor(readonly text: string) {}
}

const deepNesting = fc
  .tuple(fc.constantFrom(50, 2_000, 50_000), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => new RawJson(`${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`));

/** Keys that name Object.prototype's parts; JSON.parse makes `__proto__` an own key, as a body would. */
const prototypeKeys = fc.constantFrom(
  () => JSON.parse('{"__proto__":{"polluted":true,"role":"coordinator"}}'),
  () => JSON.parse('{"__proto__":null}'),
  () => JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  () => ({ toString: 1, valueOf: 'x', hasOwnProperty: null }),
);

const wrongTypes = fc.constantFrom<unknown>(
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  2 ** 53 + 2,
  '',
  'x',
  [],
  {},
  [null],
  { a: 1 },
  '0',
  'true',
);

/** A replacement for one value of a request: what a hostile or broken client could send instead. */
export const hostileValue: fc.Arbitrary<Labelled<unknown>> = fc.oneof(
  { weight: 4, arbitrary: labelled('wrong type', wrongTypes) },
  { weight: 4, arbitrary: labelled('lone surrogate', loneSurrogates) },
  { weight: 3, arbitrary: labelled('control characters', controlCharacters) },
  { weight: 1, arbitrary: labelled('huge string', hugeString) },
  { weight: 1, arbitrary: labelled('deep nesting', deepNesting) },
  {
    weight: 2,
    arbitrary: labelled(
      'prototype keys',
      prototypeKeys.map((make) => make()),
    ),
  },
  {
    weight: 1,
    arbitrary: labelled(
      'huge array',
      fc.constantFrom(5_000, 60_000).map((n) => Array(n).fill('x')),
    ),
  },
);

/** Every place in a JSON value (the empty path is the value itself). */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (prefix.length > 8) return out;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...prefix, i], out);
  } else if (value && typeof value === 'object')
    for (const key of Object.keys(value))
      pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
  return out;
}

/**
 * `value` with the hostile input at `path`: a string there keeps its text around an ill-formed or control
 * piece (so it still passes length and pattern-free checks), an object also gets it under a new key.
 */
export function withHostile(
  value: unknown,
  path: (string | number)[],
  hostile: Labelled<unknown>,
  pick: number,
) {
  const copy = structuredCloneJson(value);
  const set = (at: (string | number)[], make: (old: unknown) => unknown) => {
    if (at.length === 0) return make(copy);
    let parent = copy as Record<string | number, unknown>;
    for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = at[at.length - 1]!;
    Object.defineProperty(parent, last, {
      value: make(parent[last]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  };
  return set(path, (old) => {
    const text = hostile.value;
    if (typeof old === 'string' && typeof text === 'string' && pick % 3 !== 0) {
      const at = pick % (old.length + 1);
      return old.slice(0, at) + text + old.slice(at);
    }
    if (old && typeof old === 'object' && !Array.isArray(old) && pick % 3 === 0) {
      const key = typeof text === 'string' && text.length < 100 ? text : '__proto__';
      const out = { ...(old as object) };
      Object.defineProperty(out, key, { value: text, enumerable: true, writable: true, configurable: true });
      return out;
    }
    return text;
  });
}

/** A deep copy through JSON that keeps `__proto__` own keys (JSON.parse makes them plain properties). */
const structuredCloneJson = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

/** The JSON text of a request value, RawJson pieces included as they are. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (!(v instanceof RawJson)) return v;
    raws.push(v.text);
    return `\u0000raw:${raws.length - 1}`;
  });
  if (text === undefined) return '';
  return raws.length === 0 ? text : text.replace(/"\\u0000raw:(\d+)"/g, (_m, i) => raws[Number(i)]!);
}
