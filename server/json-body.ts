// Parses a request body (UTF-8 bytes) as JSON, giving exactly what `JSON.parse` of the body's text gives (a
// leading BOM dropped, malformed UTF-8 replaced by U+FFFD, as `Request.json()` does) or throwing when that
// throws. Why not simply decode and parse: a push of 50 practices is ~200 KB, and V8 puts a string that
// large in its large-object space, one fresh mapping per string; on the server's VMs decoding it alone took
// ~1.3 ms of CPU, the 20 KB pieces of the same body ~0.02 ms. So a large body whose top level is an object
// is cut at the elements of the arrays directly under it (a push's `mutations`): the rest (the "skeleton",
// each element replaced by its number) and every element are decoded and parsed apart, and each element is
// put back in its place. Every cut is at an ASCII `[`, `,` or `]` outside any string, so the pieces decode
// to the same text, and the whole text is valid JSON exactly when the skeleton and every element are.
// Anything unexpected (no object at the top, an unterminated string) parses the whole text as before.

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Bodies below this are decoded and parsed in one piece (their text stays a regular heap string). */
export const splitBodiesAbove = 64 * 1024;

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * `onElement` hears each cut element with its own text (shared/sync/fields-json.ts reuses a push's field
 * texts); a body parsed in one piece has no elements.
 */
export function parseJsonBytes(
  input: Uint8Array,
  splitAbove = splitBodiesAbove,
  onElement?: (value: unknown, text: string) => void,
): unknown {
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  const split = bytes.length > splitAbove ? splitTopLevelArrays(bytes) : null;
  if (!split) return JSON.parse(decoder.decode(bytes));
  const top = JSON.parse(split.skeleton) as Record<string, unknown>;
  // Every element is parsed, also those of an array a later duplicate key replaces: JSON.parse checks all.
  const elements = split.spans.map(([start, end]) => {
    const text = decoder.decode(bytes.subarray(start, end));
    const value: unknown = JSON.parse(text);
    onElement?.(value, text);
    return value;
  });
  // Only the arrays directly under the top-level object were cut, and every number in them is an element's
  // place. They are filled in place (no key is assigned, so a `__proto__` key stays a plain property).
  for (const key of Object.keys(top)) {
    const value = top[key];
    if (!Array.isArray(value)) continue;
    for (let k = 0; k < value.length; k++) value[k] = elements[value[k] as number];
  }
  return top;
}

interface Split {
  skeleton: string;
  spans: [number, number][];
}

function splitTopLevelArrays(bytes: Uint8Array): Split | null {
  const n = bytes.length;
  let i = 0;
  while (isSpace(bytes[i])) i++;
  if (bytes[i] !== openBrace) return null;
  const parts: string[] = [];
  const spans: [number, number][] = [];
  let depth = 0;
  let inArray = false; // the open container at depth 2 is an array directly under the top-level object
  let spanStart = 0;
  let count = 0; // elements cut from the current array
  let copied = 0; // skeleton text taken up to here
  const cut = (end: number) => {
    parts.push(decoder.decode(bytes.subarray(copied, spanStart)), String(spans.length));
    spans.push([spanStart, end]);
    copied = end;
    count++;
  };
  for (; i < n; i++) {
    const b = bytes[i];
    if (b === quote) {
      // Skip the string: its end is the next quote not escaped by an odd run of backslashes.
      let end = bytes.indexOf(quote, i + 1);
      for (;;) {
        if (end < 0) return null;
        let k = end - 1;
        while (bytes[k] === backslash) k--;
        if ((end - 1 - k) % 2 === 0) break;
        end = bytes.indexOf(quote, end + 1);
      }
      i = end;
    } else if (b === openBrace || b === openBracket) {
      depth++;
      if (depth === 2 && b === openBracket) {
        inArray = true;
        spanStart = i + 1;
        count = 0;
      }
    } else if (b === closeBrace || b === closeBracket) {
      if (depth === 2 && inArray) {
        let blank = count === 0;
        for (let k = spanStart; blank && k < i; k++) blank = isSpace(bytes[k]);
        if (!blank) cut(i); // `[]` (or `[ ]`) has no element; `[1,]` cuts an empty one, which fails to parse
        inArray = false;
      }
      depth--;
    } else if (b === comma && depth === 2 && inArray) {
      cut(i);
      spanStart = i + 1;
    }
  }
  if (spans.length === 0) return null;
  parts.push(decoder.decode(bytes.subarray(copied)));
  return { skeleton: parts.join(''), spans };
}
