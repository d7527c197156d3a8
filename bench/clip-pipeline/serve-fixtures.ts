// Serves each fixture's source.html at /NAME/ from 127.0.0.1 on a free port: the e2e build may read
// http://127.0.0.1/* without a toolbar click, and a real HTTP page is what the member's tab would hold.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FixtureServer {
  pages: { name: string; url: string; bytes: number }[];
  close: () => Promise<void>;
}

export function fixtureNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html')))
    .map((entry) => entry.name)
    .sort();
}

export async function serveFixtures(dir: string, names: string[]): Promise<FixtureServer> {
  const known = new Set(names);
  const server = createServer(async (req, res) => {
    const name = /^\/([^/]+)\/$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1];
    if (!name || !known.has(decodeURIComponent(name))) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = await readFile(join(dir, decodeURIComponent(name), 'source.html'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pages = await Promise.all(
    names.map(async (name) => ({
      name,
      url: `${origin}/${encodeURIComponent(name)}/`,
      bytes: (await readFile(join(dir, name, 'source.html'))).length,
    })),
  );
  return { pages, close: () => new Promise((ok) => server.close(() => ok())) };
}
