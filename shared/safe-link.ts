// Which addresses the product ever makes a live link of (dashboard pages, side panel, Markdown export): http(s),
// mailto and tel. Anything else a record may hold (a clipped local file:, or an address stored before the
// schemas refused ms-msdt:, search-ms: and the like) is shown as text, never as a link a click would launch.

export const linkSchemes: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:'];

/** The address as a browser serialises it (spaces, quotes and angle brackets percent-encoded), or null. */
export function safeLinkHref(address: string | null | undefined): string | null {
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  return linkSchemes.includes(url.protocol) ? url.href : null;
}

const percent = (c: string) =>
  Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(
    '',
  );

/**
 * A link destination for Markdown `[text](destination)`: a safe address with every character that could end
 * or reshape the destination percent-encoded (white space and controls, < > ( ) [ ] \ ` " '), so it can be
 * written without angle brackets and no renderer reads raw HTML or a second link out of it. Brackets stay in
 * an http(s) host, where they mark an IPv6 address. Null when the address must not be a link.
 */
export function markdownLinkDestination(address: string | null | undefined): string | null {
  const href = safeLinkHref(address);
  if (href === null) return null;
  const hostEnd = /^https?:\/\//i.test(href) ? href.indexOf('/', href.indexOf('//') + 2) : 0;
  const head = hostEnd > 0 ? href.slice(0, hostEnd) : '';
  const tail = hostEnd > 0 ? href.slice(hostEnd) : href;
  return head.replace(/[\s<>()\\`"']/g, percent) + tail.replace(/[\s<>()[\]\\`"'\p{Cc}]/gu, percent);
}
