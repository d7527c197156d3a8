// The smallest element whose text holds a given passage: how a selection known only by its text (the
// context menu's `selectionText`, a fixture's selection.txt) is placed back on the page, so that the links
// and structured data near it can be read.

import { blockText } from './block-text.ts';

// Compared without white space: a selection's line breaks and tabs are the browser's rendering, and the
// text is read as blockText reads it (hidden anti-harvester spans left out, as the member saw it).
function squash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

export function findTextBlock(root: Element, passage: string): Element | null {
  const wanted = squash(passage);
  if (!wanted || !squash(blockText(root)).includes(wanted)) return null;
  let block = root;
  // Walk down while exactly one child still holds the whole passage.
  for (;;) {
    const child = Array.from(block.children).find((c) => squash(blockText(c)).includes(wanted));
    if (!child) return block;
    block = child;
  }
}
