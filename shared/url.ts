// URL normalisation for "already clipped?": two addresses that show the same document should compare equal.
// Lower-cases scheme and host, drops the fragment, default ports, `www.`, a trailing slash, and tracking
// parameters (utm_*, fbclid, gclid, …); sorts the remaining query parameters.
const trackingParams =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref_src|yclid)$/i;

export function normalizeUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && !['80', '443'].includes(url.port) ? `:${url.port}` : '';
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !trackingParams.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (/\/index\.(html?|php)$/i.test(path)) path = path.replace(/\/index\.(html?|php)$/i, '') || '/';
  // http and https address the same page for our purpose.
  return `${host}${port}${path === '/' ? '' : path}${query}`;
}

/** The keys under which a page is looked up: its own address and, when known, its canonical address. */
export function urlKeys(...urls: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    const k = normalizeUrl(u);
    if (k) keys.add(k);
  }
  return [...keys];
}

/** Whether a page can be clipped at all (http/https/file); chrome://, about:, the web store cannot. */
export function isClippableUrl(input: string | undefined): boolean {
  if (!input) return false;
  return (
    /^(https?|file):/i.test(input) &&
    !/^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)/i.test(
      input,
    )
  );
}
