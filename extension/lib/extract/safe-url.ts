// Every address that leaves the extractor (metadata image, canonical URL, Markdown links and images) passes
// through here: resolved against the page's base, and kept only when its scheme is one we can safely show.
// `javascript:`, `data:`, `blob:` and the like never survive.

const webSchemes = new Set(['http:', 'https:']);
const linkSchemes = new Set(['http:', 'https:', 'mailto:']);

function resolve(raw: string | null | undefined, base: string, schemes: Set<string>): string | null {
  // URL parsing drops tabs and newlines inside the scheme (`java\nscript:`); trimming first keeps us honest.
  const value = raw?.trim();
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return schemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) address, or null. */
export function resolveWebUrl(raw: string | null | undefined, base: string): string | null {
  return resolve(raw, base, webSchemes);
}

/** An absolute http(s) or mailto address, for links in Markdown; null for anything else. */
export function resolveLinkUrl(raw: string | null | undefined, base: string): string | null {
  return resolve(raw, base, linkSchemes);
}

/** The address relative URLs in the document resolve against: `<base href>` if any, else the page URL. */
export function documentBaseUrl(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return pageUrl;
  }
}
