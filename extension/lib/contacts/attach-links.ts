// Whose is a mailto/tel link in a block? The person whose text already states that address or number, or
// who has the link's name; else the person whose name comes last before the link in the block (in a staff
// list, the link under each name); else, when the block describes one person, that person. A link nobody
// claims stays a contact of its own: it is still a way to reach someone on the page.
import { type ContactDraft, isEmptyDraft } from './contact-draft.ts';
import type { LinkContact } from './contact-links.ts';
import { mergeTwo, sameContact } from './merge-drafts.ts';

const textNode = 3;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').toLowerCase();
}

/** The text of `scope` that comes before `link`, in document order. */
function textBefore(scope: Element, link: Element): string {
  // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT: elements to meet the link, text to collect.
  const walker = scope.ownerDocument.createTreeWalker(scope, 1 | 4);
  let text = '';
  for (let node = walker.nextNode(); node && node !== link; node = walker.nextNode()) {
    if (node.nodeType === textNode) text += ` ${(node as Text).data}`;
  }
  return fold(text);
}

function claims(draft: ContactDraft, link: ContactDraft): boolean {
  return sameContact(draft, link) || link.phones.some((phone) => draft.phones.includes(phone));
}

function nearestNamed(people: ContactDraft[], scope: Element, link: Element): number {
  const before = textBefore(scope, link);
  let best = -1;
  let bestAt = -1;
  people.forEach((person, i) => {
    if (!person.name) return;
    const at = before.lastIndexOf(fold(person.name));
    if (at > bestAt) {
      best = i;
      bestAt = at;
    }
  });
  return best;
}

export function attachLinks(
  people: ContactDraft[],
  links: LinkContact[],
  scope: Element | null,
): ContactDraft[] {
  const out = [...people];
  for (const { draft, link } of links) {
    if (isEmptyDraft(draft)) continue;
    let owner = out.findIndex((person) => claims(person, draft));
    // A name on the link that matched nobody is someone else's: only a nameless link is placed by position.
    if (owner === -1 && scope && !draft.name) owner = nearestNamed(out, scope, link);
    if (owner === -1 && out.length === 1 && !draft.name) owner = 0;
    if (owner === -1) out.push(draft);
    else out[owner] = mergeTwo(out[owner]!, draft);
  }
  return out;
}
