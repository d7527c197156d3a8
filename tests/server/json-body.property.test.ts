// server/json-body.ts parses a large body in pieces (the arrays directly under the top-level object cut at
// their elements). Whatever the bytes — valid JSON, JSON with bytes inserted or removed, malformed UTF-8, a
// BOM — the answer must be exactly what `JSON.parse` of the body's text gives (the text as Request.json()
// decodes it: a leading BOM dropped, bad bytes replaced), or a throw when that throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from '../../server/json-body.ts';

const encoder = new TextEncoder();
const requestDecoder = new TextDecoder(); // drops a leading BOM, as Request.json() does

type Outcome = { ok: true; value: unknown } | { ok: false };
const outcome = (f: () => unknown): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false };
  }
};
const reference = (bytes: Uint8Array) => outcome(() => JSON.parse(requestDecoder.decode(bytes)));
// A split threshold of 0 sends every body with an object at the top through the cutting path.
const split = (bytes: Uint8Array) => outcome(() => parseJsonBytes(bytes, 0));

const text = fc.string({
  unit: fc.constantFrom('a', 'é', '😀', '"', '\\', ',', '[', ']', '{', '}', ' ', '\n'),
});
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { maxDepth: 3 },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const body = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('mutations', 'clientId', '__proto__', 'a', 'mutations'),
        fc.oneof(fc.array(value, { maxLength: 5 }), value),
      ),
      { maxLength: 5 },
    ),
    fc.constantFrom(undefined, 1, '\t'),
  )
  // Built by hand so that duplicate keys (the last wins) and a `__proto__` key reach the parser.
  .map(([entries, indent]) => {
    const sep = indent === undefined ? '' : '\n ';
    return `{${sep}${entries.map(([k, v]) => `${JSON.stringify(k)}:${sep}${JSON.stringify(v, null, indent)}`).join(`,${sep}`)}${sep}}`;
  });

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.array(
    fc.constantFrom(
      0x5b,
      0x5d,
      0x2c,
      0x22,
      0x5c,
      0x7b,
      0x7d,
      0x20,
      0x30,
      0x61,
      0x00,
      0x80,
      0xc3,
      0xef,
      0xbb,
      0xbf,
    ),
    { maxLength: 3 },
  ),
});
const applyEdits = (bytes: Uint8Array, edits: { at: number; remove: number; insert: number[] }[]) => {
  let out = [...bytes];
  for (const { at, remove, insert } of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    out = [...out.slice(0, i), ...insert, ...out.slice(i + remove)];
  }
  return new Uint8Array(out);
};

describe('parseJsonBytes', () => {
  it('gives what JSON.parse of the decoded text gives, for valid bodies', () => {
    fc.assert(
      fc.property(body, fc.boolean(), (json, bom) => {
        const bytes = encoder.encode(bom ? `\uFEFF${json}` : json);
        const expected = reference(bytes);
        expect(expected.ok).toBe(true);
        expect(split(bytes)).toStrictEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts and refuses exactly as JSON.parse does, for damaged bodies', () => {
    fc.assert(
      fc.property(body, fc.array(edit, { minLength: 1, maxLength: 3 }), (json, edits) => {
        const bytes = applyEdits(encoder.encode(json), edits);
        expect(split(bytes)).toStrictEqual(reference(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts the arrays under the top-level object (and keeps a __proto__ key a plain property)', () => {
    const json = '{"__proto__":[1,{"a":[2,3]}],"mutations":[ ],"b":[ "x,]" , [4] ],"c":{"d":[5]}}';
    const parsed = parseJsonBytes(encoder.encode(json), 0) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'mutations', 'b', 'c']);
    expect(parsed).toStrictEqual(JSON.parse(json));
    expect(() => parseJsonBytes(encoder.encode('{"m":[1,]}'), 0)).toThrow();
    expect(() => parseJsonBytes(encoder.encode('{"m":[,1]}'), 0)).toThrow();
    expect(() => parseJsonBytes(encoder.encode('{"m":[1}]'), 0)).toThrow();
    // U+FEFF is not JSON whitespace: inside the body it is refused, not dropped as a leading BOM is.
    expect(() => parseJsonBytes(encoder.encode('{"m":[\uFEFF1]}'), 0)).toThrow();
    expect(parseJsonBytes(encoder.encode('\uFEFF{"m":[1]}'), 0)).toStrictEqual({ m: [1] });
  });
});
