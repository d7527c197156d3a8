// Links to vCard files ("Download contact", "Add to address book"): an href ending in .vcf, or a link that
// says its type is text/vcard. Returned as absolute addresses for the caller to fetch; prefillContacts then
// reads what was fetched with parseVcard.

const vcardLinks = 'a[href], link[href]';

function isVcardLink(element: Element, href: string): boolean {
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (type === 'text/vcard' || type === 'text/x-vcard' || type === 'text/directory') return true;
  const download = element.getAttribute('download') ?? '';
  if (/\.vcf$/i.test(download)) return true;
  try {
    return /\.vcf$/i.test(new URL(href, 'http://x.invalid/').pathname);
  } catch {
    return false;
  }
}

/** The absolute http(s) addresses of the vCard links under `scope`, once each, in document order. */
export function findVcardLinks(scope: ParentNode, base: string): string[] {
  const found: string[] = [];
  for (const element of Array.from(scope.querySelectorAll(vcardLinks))) {
    const href = element.getAttribute('href') ?? '';
    if (!isVcardLink(element, href)) continue;
    try {
      const url = new URL(href, base);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href))
        found.push(url.href);
    } catch {
      // An unparsable href is the page's bug; the other links still count.
    }
  }
  return found;
}
