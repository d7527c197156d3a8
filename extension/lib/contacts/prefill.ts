// Contact prefill: the stakeholders a page states, as drafts for the contact form. The one entry point the
// side panel (through contact.content.ts) and the evaluation (scripts/eval-contacts.ts) call.
//   With a selection: the selected text read as a contact block (or a staff list), the mailto/tel links,
//   microdata and vCard links in the card around it (contact-scope.ts, selectionCard), and the page's JSON-LD for the people the selection
//   names (a page's JSON-LD has no place in the page, so it can only confirm and complete them).
//   Without one: every contact card on the page, its links, all microdata, JSON-LD and vCards.
// Sources are read one by one and a failing source costs only its own facts (see STYLE.md, point 6).
// Follows issue 4 ("Prefill evaluation" and "What to build").
import { attachLinks } from './attach-links.ts';
import { blockText } from './block-text.ts';
import { type ContactDraft, isEmptyDraft } from './contact-draft.ts';
import { readContactLinks } from './contact-links.ts';
import { contactBlocks, selectionCard } from './contact-scope.ts';
import { readJsonLdNodes } from './json-ld-nodes.ts';
import { mergeDrafts, sameContact } from './merge-drafts.ts';
import { readMicrodataNodes } from './microdata-nodes.ts';
import { schemaOrgContacts } from './schema-org-contacts.ts';
import { contactsFromText } from './text-contacts.ts';
import { parseVcard } from './vcard.ts';
import { findVcardLinks } from './vcard-links.ts';

export type { ContactDraft, DraftField, PrefillSource } from './contact-draft.ts';

/** A vCard file the caller fetched from one of the page's links (see findVcardLinks). */
export interface VcardFile {
  url: string;
  text: string;
}

export interface PrefillOptions {
  url: string;
  /** What the member selected, as the browser renders it (line breaks included). */
  selectionText?: string | null;
  /** The node the selection lies in (the range's common ancestor). */
  selectionRoot?: Node | null;
  /** ISO 3166-1 alpha-2 code of the city's country: how national phone numbers are read. */
  country: string;
  /** vCard files fetched from links inside or near the selection (or on the page, without one). */
  vcards?: readonly VcardFile[];
}

function attempt<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    // One source's failure (an odd page, a DOM quirk) must not cost the others' contacts.
    return [];
  }
}

function reachable(draft: ContactDraft): boolean {
  return (
    draft.emails.length + draft.phones.length + draft.invalidEmails.length + draft.invalidPhones.length > 0
  );
}

/** Where to look: the selection's block, or null for the whole page. */
export function selectionScope(doc: Document, options: PrefillOptions): Element | null {
  if (options.selectionRoot) return selectionCard(options.selectionRoot) ?? doc.body ?? null;
  return null;
}

function readRegion(text: string, scope: Element | null, country: string): ContactDraft[] {
  const people = attempt(() => contactsFromText(text, country));
  const links = scope ? attempt(() => readContactLinks(scope, country)) : [];
  return attachLinks(people, links, scope);
}

function fromVcards(files: readonly VcardFile[] | undefined, country: string): ContactDraft[] {
  return (files ?? []).flatMap((file) => attempt(() => parseVcard(file.text, country)));
}

export function prefillContacts(doc: Document, options: PrefillOptions): ContactDraft[] {
  const { country, url } = options;
  const selectionText = options.selectionText?.trim() || '';
  const selected = Boolean(selectionText || options.selectionRoot);
  const scope = selectionScope(doc, options);
  const body = attempt(() => [doc.body ?? doc.documentElement])[0] ?? null;

  const local: ContactDraft[] = [];
  if (selected) {
    // 1. The selected text and the links of the card around it.
    const text = selectionText || (scope ? blockText(scope) : '');
    local.push(...readRegion(text, scope, country));
  } else {
    // 1. Every contact card on the page, each with its own links.
    const cards = body ? attempt(() => contactBlocks(body)) : [];
    for (const card of cards) local.push(...readRegion(blockText(card), card, country));
  }
  // 2. Microdata in the same place, and the vCards the caller fetched from its links.
  const microdataRoot = scope ?? (selected ? null : body);
  if (microdataRoot) {
    local.push(
      ...attempt(() =>
        schemaOrgContacts(readMicrodataNodes(microdataRoot), { country, source: 'microdata', base: url }),
      ),
    );
  }
  local.push(...fromVcards(options.vcards, country));

  // 3. JSON-LD: the page's, everywhere; with a selection, only for the people the selection names.
  const structured = attempt(() =>
    schemaOrgContacts(readJsonLdNodes(doc), { country, source: 'json-ld', base: url }),
  );
  let drafts = mergeDrafts(local);
  drafts = mergeDrafts([
    ...drafts,
    ...(selected ? structured.filter((s) => drafts.some((d) => sameContact(d, s))) : structured),
  ]);

  // 4. Whole page: a name alone found in a card is not a contact the member can use; with a selection it is
  //    what they pointed at.
  return drafts.filter((d) => !isEmptyDraft(d) && (selected || reachable(d) || d.sources.name !== 'text'));
}

/** The vCard links to fetch for this prefill: inside or near the selection, or anywhere without one. */
export function vcardLinksFor(
  doc: Document,
  options: Pick<PrefillOptions, 'url' | 'selectionRoot'>,
): string[] {
  const scope = options.selectionRoot ? selectionCard(options.selectionRoot) : null;
  return findVcardLinks(scope ?? doc, options.url);
}
