// schema.org microdata (https://html.spec.whatwg.org/multipage/microdata.html) read into the same node shape
// as JSON-LD, so one reader (schema-org-contacts.ts) serves both: an `itemscope` element becomes a node of
// its `itemtype`, each `itemprop` under it (not under a nested item) a property, a nested `itemscope` a
// nested node. Values come from the attribute the spec names for each element (href, src, content,
// datetime, value), else the text.
import { blockText } from './block-text.ts';
import type { SchemaNode } from './json-ld-nodes.ts';

const urlAttribute: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  img: 'src',
  audio: 'src',
  video: 'src',
  source: 'src',
  iframe: 'src',
  embed: 'src',
  object: 'data',
};

function propertyValue(element: Element): unknown {
  if (element.hasAttribute('itemscope')) return readItem(element);
  if (element.hasAttribute('content')) return element.getAttribute('content') ?? '';
  const tag = element.tagName.toLowerCase();
  const attribute = urlAttribute[tag];
  if (attribute) {
    const value = element.getAttribute(attribute) ?? '';
    // An e-mail or phone given as a link: the address, not the link text.
    return value;
  }
  if (tag === 'time') return element.getAttribute('datetime') ?? element.textContent ?? '';
  if (tag === 'data' || tag === 'meter') return element.getAttribute('value') ?? '';
  return blockText(element).replace(/\s+/g, ' ');
}

/** The item's own properties: those whose nearest enclosing item is this one. */
function ownProperties(item: Element): Element[] {
  return Array.from(item.querySelectorAll('[itemprop]')).filter(
    (prop) => prop.parentElement?.closest('[itemscope]') === item,
  );
}

export function readItem(item: Element): SchemaNode {
  const node: SchemaNode = {};
  const type = item.getAttribute('itemtype');
  if (type) node['@type'] = type.trim().split(/\s+/);
  for (const prop of ownProperties(item)) {
    const value = propertyValue(prop);
    for (const name of (prop.getAttribute('itemprop') ?? '').trim().split(/\s+/)) {
      if (!name) continue;
      const key = name.replace(/^.*[/#]/, '');
      const existing = node[key];
      node[key] =
        existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
  }
  return node;
}

/** Top-level items under `root` (items that are no other item's property), and the item around `root`. */
export function readMicrodataNodes(root: Element): SchemaNode[] {
  const items = Array.from(root.querySelectorAll('[itemscope]')).filter(
    (item) => !item.hasAttribute('itemprop'),
  );
  const around = root.closest('[itemscope]');
  if (around && !items.includes(around)) {
    // A selection inside a Person card: the card's item is the one meant, even when `root` is deeper.
    let top = around;
    while (top.hasAttribute('itemprop') && top.parentElement?.closest('[itemscope]')) {
      top = top.parentElement.closest('[itemscope]')!;
    }
    items.unshift(top);
  }
  if (root.hasAttribute('itemscope') && !items.includes(root)) items.unshift(root);
  return items.map(readItem);
}
