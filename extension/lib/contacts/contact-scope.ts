// Where on the page to look for a contact. With a selection: the closest block around it (a selected name
// inside a card has the card's links "near" it). Without one: every small block that holds a way to reach
// someone — a mailto/tel/.vcf link, an address, a labelled phone — grown to the card around it (the heading
// with the name above the paragraph with the phone), but never into the page's navigation, header or footer.
import { blockTags, blockText } from './block-text.ts';
import { readLabel, splitAtLabels } from './contact-labels.ts';
import { revealObfuscatedEmails } from './obfuscated-email.ts';

const elementNode = 1;
const textNode = 3;
/** A card is rarely longer; a block past this is a section holding several cards, or prose. */
const maxCardLength = 450;
const pageChrome = new Set(['body', 'html', 'main', 'nav', 'header', 'footer', 'form']);
const signalLinks = 'a[href^="mailto:" i], a[href^="tel:" i], a[href*=".vcf" i], [data-cfemail]';

/** Blocks that hold one line of a card (its name, its phone), not the card. */
const lineTags = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figcaption',
]);

export function closestBlock(node: Node): Element | null {
  let current: Node | null = node.nodeType === elementNode ? node : node.parentNode;
  while (current && current.nodeType === elementNode) {
    const element = current as Element;
    if (blockTags.has(element.tagName.toLowerCase()) || element.tagName.toLowerCase() === 'td')
      return element;
    current = element.parentNode;
  }
  return null;
}

/**
 * The card around a selection: its closest block, or when that block is only one line of a card (a <p> or
 * heading inside a <div class="card">), the small block around it, so "near the selection" takes in the
 * card's links. A long parent (an article column) is not a card: the line stays the scope.
 */
export function selectionCard(node: Node): Element | null {
  const block = closestBlock(node);
  if (!block || !lineTags.has(block.tagName.toLowerCase())) return block;
  const parent = block.parentElement ? closestBlock(block.parentElement) : null;
  if (!parent || pageChrome.has(parent.tagName.toLowerCase()) || textLength(parent) > maxCardLength)
    return block;
  return parent;
}

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function insideChrome(element: Element): boolean {
  return (
    element.closest('nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"]') !==
    null
  );
}

/** Whether a text says how to reach someone: an address (plain or obfuscated) or a labelled phone number. */
function statesContact(text: string): boolean {
  const revealed = revealObfuscatedEmails(text);
  if (/[^\s@]@[^\s@]+\.\w/.test(revealed)) return true;
  return splitAtLabels(revealed).some((piece) => readLabel(piece).kind === 'phone');
}

function signalElements(root: Element): Element[] {
  const found = new Set<Element>(Array.from(root.querySelectorAll(signalLinks)));
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === textNode && node.parentElement && statesContact((node as Text).data)) {
      found.add(node.parentElement);
    }
  }
  // Text split over inline elements ("Tel. <b>051 …</b>") is caught at the block that joins it.
  for (const block of Array.from(root.querySelectorAll('p, li, td, dd, address, div'))) {
    if (!found.has(block) && textLength(block) <= maxCardLength && statesContact(blockText(block))) {
      found.add(block);
    }
  }
  return Array.from(found);
}

/** The card around a signal: its block, grown while the parent is still small and not page chrome. */
function cardOf(signal: Element): Element | null {
  let card = closestBlock(signal);
  if (!card || insideChrome(card)) return null;
  for (let parent = card.parentElement; parent; parent = parent.parentElement) {
    if (pageChrome.has(parent.tagName.toLowerCase()) || textLength(parent) > maxCardLength) break;
    card = parent;
  }
  return pageChrome.has(card.tagName.toLowerCase()) ? null : card;
}

/** The page's contact cards, outermost only, in document order. */
export function contactBlocks(root: Element): Element[] {
  const cards = new Set<Element>();
  for (const signal of signalElements(root)) {
    const card = cardOf(signal);
    if (card) cards.add(card);
  }
  const outermost = Array.from(cards).filter(
    (card) => !Array.from(cards).some((other) => other !== card && other.contains(card)),
  );
  const order = new Map(Array.from(root.querySelectorAll('*')).map((element, i) => [element, i]));
  return outermost.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
