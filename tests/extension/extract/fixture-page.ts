// Test helpers: a DOM from a fixture page (tests/fixtures/pages) or from an HTML string, parsed by linkedom.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function loadFixture(name: string): Document {
  const path = new URL(`../../fixtures/pages/${name}`, import.meta.url);
  return parsePage(readFileSync(path, 'utf8'));
}

/** The first text node under `root` whose data contains `needle`. */
export function textNodeContaining(root: Node, needle: string): Text {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(needle)) return node as Text;
  }
  throw new Error(`no text node contains ${JSON.stringify(needle)}`);
}

/**
 * A Range-shaped selection of the `occurrence`-th `needle` found inside a single text node, counting in
 * document order (linkedom has no usable Range).
 */
export function rangeOf(root: Node, needle: string, occurrence = 0) {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let at = data.indexOf(needle); at !== -1; at = data.indexOf(needle, at + 1)) {
      if (seen++ === occurrence) {
        return { startContainer: node, startOffset: at, endContainer: node, endOffset: at + needle.length };
      }
    }
  }
  throw new Error(`occurrence ${occurrence} of ${JSON.stringify(needle)} not found`);
}
