// Serves the test site (tests/browser/site) from 127.0.0.1 on a free port: real pages over real HTTP.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

export interface PageServer {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Second addresses of the same page (a canonical address other than the one first visited). */
const aliases: Record<string, string> = { '/practices/welcome-desk.html': '/welcome-desk.html' };

export async function servePages(root = 'tests/browser/site'): Promise<PageServer> {
  const server: Server = createServer(async (req, res) => {
    const asked = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const path = aliases[asked] ?? asked;
    try {
      const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
