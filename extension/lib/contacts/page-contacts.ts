// The contact prefill as the content script runs it in the member's tab: the live selection, the vCards
// linked near it (fetched from the page's own site only), then prefillContacts. Returns plain data that
// survives structured cloning back to the extension.
import { wellFormedDeep } from '../../../shared/well-formed.ts';
import type { ContactDraft } from './contact-draft.ts';
import { fetchSameOriginVcards } from './fetch-vcards.ts';
import { type CountryOrigin, detectPageCountry } from './page-country.ts';
import { prefillContacts, vcardLinksFor } from './prefill.ts';

export interface PageContacts {
  url: string;
  drafts: ContactDraft[];
  /** The country national phone numbers were read with, and who said so. */
  country: string;
  countryOrigin: CountryOrigin;
  /** The member's selection, as the browser rendered it; null when nothing was selected. */
  selectionText: string | null;
  /** Every vCard link considered, fetched or not (other sites' links are not fetched). */
  vcardLinks: string[];
}

function liveSelection(doc: Document): { text: string; root: Node } | null {
  const selection = doc.getSelection?.() ?? null;
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const text = selection.toString();
  if (!text.trim()) return null;
  return { text, root: selection.getRangeAt(0).commonAncestorContainer };
}

export async function readPageContacts(
  doc: Document,
  options: { url: string; country?: string | null; fetcher?: typeof fetch },
): Promise<PageContacts> {
  const { url } = options;
  // 1. The selection first, before anything async lets the member change it.
  const selection = liveSelection(doc);
  const given = options.country?.trim().toUpperCase();
  const { country, origin } = given
    ? { country: given, origin: 'caller' as const }
    : detectPageCountry(url, doc.documentElement?.getAttribute('lang'));

  // 2. vCards linked inside or near the selection (or anywhere, without one), from this site only.
  const vcardLinks = vcardLinksFor(doc, { url, selectionRoot: selection?.root ?? null });
  const vcards = await fetchSameOriginVcards(
    vcardLinks,
    url,
    options.fetcher ? { fetcher: options.fetcher } : {},
  );

  // 3. The prefill itself.
  const drafts = prefillContacts(doc, {
    url,
    country,
    selectionText: selection?.text ?? null,
    selectionRoot: selection?.root ?? null,
    vcards,
  });
  // Lone UTF-16 surrogates from the page (its JSON-LD, its text, a vCard) become U+FFFD (issue 15).
  return wellFormedDeep({
    url,
    drafts,
    country,
    countryOrigin: origin,
    selectionText: selection?.text ?? null,
    vcardLinks,
  });
}
