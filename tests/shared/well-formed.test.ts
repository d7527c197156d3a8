// The well-formed Unicode helpers (shared/well-formed.ts): finding a lone surrogate, repairing values, and
// repairing the lone-surrogate escapes of JSON text exactly as repairing the value before serialising it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasLoneSurrogateEscape,
  isWellFormed,
  loneSurrogateIndex,
  repairLoneSurrogateEscapes,
  toWellFormed,
  wellFormedDeep,
} from '../../shared/well-formed.ts';

/** Strings of any UTF-16 code units, lone surrogates and backslash look-alikes likely. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\\', 'u', 'd', '8', 'D', '\ud800', '\udbff', '\udc00', '\udfff', '😀', '"', '\n', 'é'),
    fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  ),
  maxLength: 30,
});
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('well-formed Unicode helpers', () => {
  it('find the first lone surrogate and step over pairs', () => {
    expect(loneSurrogateIndex('plain 😀 text')).toBe(-1);
    expect(loneSurrogateIndex('ab\ud800')).toBe(2);
    expect(loneSurrogateIndex('😀\udc00😀')).toBe(2);
    expect(loneSurrogateIndex('\ud83d\ud83d\ude00')).toBe(0);
    expect(toWellFormed('a\ud800b😀\udfff')).toBe('a\ufffdb😀\ufffd');
    fc.assert(
      fc.property(anyText, (s) => {
        expect(isWellFormed(s)).toBe(loneSurrogateIndex(s) === -1);
        expect(isWellFormed(toWellFormed(s))).toBe(true);
        if (isWellFormed(s)) expect(toWellFormed(s)).toBe(s);
      }),
    );
  });

  it('repair every string of a value, keys included, and keep the value itself when nothing needs it', () => {
    const clean = { title: 'Café 😀', tags: ['a', 'b'], n: 3 };
    expect(wellFormedDeep(clean)).toBe(clean);
    expect(wellFormedDeep({ 'k\ud800': ['x\udc00', 1], b: { c: '\udbff' } })).toEqual({
      'k\ufffd': ['x\ufffd', 1],
      b: { c: '\ufffd' },
    });
    fc.assert(
      fc.property(anyValue, (v) => {
        const repaired = wellFormedDeep(v);
        expect(isWellFormed(JSON.stringify(repaired))).toBe(true);
        expect(hasLoneSurrogateEscape(JSON.stringify(repaired))).toBe(false);
      }),
    );
  });

  it('repair JSON text to the text of the repaired value, and leave escaped backslashes and pairs alone', () => {
    expect(repairLoneSurrogateEscapes('{"a":"x\\ud800y"}')).toBe('{"a":"x\\ufffdy"}');
    expect(repairLoneSurrogateEscapes('"\\\\ud800"')).toBe('"\\\\ud800"');
    expect(repairLoneSurrogateEscapes('"\\\\\\ud800"')).toBe('"\\\\\\ufffd"');
    expect(repairLoneSurrogateEscapes('"\\ud83d\\ude00 \\uD800 \\ud7ff"')).toBe(
      '"\\ud83d\\ude00 \\ufffd \\ud7ff"',
    );
    const text = '{"plain":"no escapes at all, just text"}';
    expect(repairLoneSurrogateEscapes(text)).toBe(text);
    fc.assert(
      fc.property(anyValue, (v) => {
        const json = JSON.stringify(v);
        const repaired = repairLoneSurrogateEscapes(json);
        expect(JSON.parse(repaired)).toEqual(wellFormedDeep(JSON.parse(json)));
        // JSON.stringify writes an escape for a lone surrogate only: there is one iff the value needs repair.
        expect(hasLoneSurrogateEscape(json)).toBe(wellFormedDeep(v) !== v);
        expect(repairLoneSurrogateEscapes(repaired)).toBe(repaired);
      }),
      { numRuns: 500 },
    );
  });
});
