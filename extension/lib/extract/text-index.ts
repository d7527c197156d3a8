// The page's text as the W3C selectors count it: the concatenated data of every text node under
// document.body, in document order (https://www.w3.org/TR/annotation-model/#text-position-selector). Capture
// (selection.ts) and re-anchoring (anchor.ts) both go through here, so they always count the same way.

const showText = 4; // NodeFilter.SHOW_TEXT; the NodeFilter global is missing from some DOMs (linkedom)
const textNode = 3; // Node.TEXT_NODE

export interface TextIndex {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node of `nodes` begins. */
  starts: number[];
}

/** A point in the DOM, as in a Range or a StaticRange. */
export interface TextPoint {
  node: Text;
  offset: number;
}

export function indexText(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, showText);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  return { text, nodes, starts };
}

/**
 * Where the boundary point (container, offset) of a Range falls in the text. Handles both kinds of points:
 * inside a text node (offset in characters) and between an element's children (offset in child nodes), which
 * is what a triple-click or a select-all gives. Null when the point is outside `root`.
 */
export function textOffsetOf(index: TextIndex, root: Node, container: Node, offset: number): number | null {
  if (container.nodeType === textNode) {
    const i = index.nodes.indexOf(container as Text);
    const start = index.starts[i];
    return start === undefined
      ? null
      : start + Math.max(0, Math.min(offset, (container as Text).data.length));
  }
  if (container !== root && !root.contains(container)) return null;
  // The point sits before child `offset`: count the text of everything that precedes it in document order.
  const child = container.childNodes[offset] ?? null;
  let count = 0;
  let found: number | null = null;
  const walk = (node: Node): boolean => {
    if (node === child) {
      found = count;
      return true;
    }
    if (node.nodeType === textNode) {
      count += (node as Text).data.length;
      return false;
    }
    for (const next of Array.from(node.childNodes)) if (walk(next)) return true;
    if (node === container && child === null) {
      found = count;
      return true;
    }
    return false;
  };
  walk(root);
  return found;
}

/**
 * The DOM point for a text offset. A start prefers the beginning of the next text node over the end of the
 * previous one (and an end the opposite) so that a found range never spills into a neighbouring node.
 */
export function pointAt(index: TextIndex, offset: number, side: 'start' | 'end'): TextPoint | null {
  let low = 0;
  let high = index.nodes.length - 1;
  let best: TextPoint | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const node = index.nodes[mid]!;
    const start = index.starts[mid]!;
    const end = start + node.data.length;
    if (offset < start || (side === 'end' && offset === start && start > 0)) high = mid - 1;
    else if (offset > end || (side === 'start' && offset === end && end < index.text.length)) low = mid + 1;
    else {
      best = { node, offset: offset - start };
      break;
    }
  }
  return best;
}
