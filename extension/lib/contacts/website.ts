// A website as a stakeholder record keeps it: an absolute http(s) address. "www.comune.bologna.it" written
// bare on a page becomes "https://www.comune.bologna.it/" (the scheme every city site serves today); a bare
// domain ("stuttgart.de") counts only after a website label, where nothing else could be meant.

const bareDomainPattern = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:[/?#]\S*)?$/u;

export function websiteOf(raw: string, options: { base?: string; bareDomain?: boolean } = {}): string | null {
  const value = raw.trim().replace(/[.,;:)]+$/, '');
  if (!value || value.includes('@')) return null;
  let withScheme = value;
  if (/^www\./i.test(value) || (options.bareDomain && bareDomainPattern.test(value))) {
    withScheme = `https://${value}`;
  }
  try {
    const url = options.base ? new URL(withScheme, options.base) : new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return url.href;
  } catch {
    return null;
  }
}
