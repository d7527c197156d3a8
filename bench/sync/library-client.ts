// What a client does on first sync, without a browser: pull every page from the server over HTTP, as
// extension/sync/pull-changes.ts does (same page size), reading each answer but applying nothing. `query`
// adds pull options (`&omit=contentMarkdown`: the metadata-first listing the extension makes).
export interface RawPull {
  ms: number;
  pages: number;
  changes: number;
  bytes: number;
  version: number;
}

export async function pullEverything(
  origin: string,
  token: string,
  pageSize = 1000,
  since = 0,
  query = '',
): Promise<RawPull> {
  const started = performance.now();
  let pages = 0;
  let changes = 0;
  let bytes = 0;
  for (;;) {
    const response = await fetch(`${origin}/api/sync/pull?since=${since}&limit=${pageSize}${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`pull answered ${response.status}: ${text.slice(0, 200)}`);
    const page = JSON.parse(text) as { version: number; changes: unknown[]; hasMore: boolean };
    pages++;
    changes += page.changes.length;
    bytes += text.length;
    since = page.version;
    if (!page.hasMore) return { ms: performance.now() - started, pages, changes, bytes, version: since };
  }
}
