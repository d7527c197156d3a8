// The JavaScript an extension page loads: its <script src> and modulepreload links, then every chunk those
// import statically, each file once. Dynamic import() is left out: it loads only when that code path runs.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const scriptTag = /<script\b[^>]*\bsrc=["']([^"']+)["']/gi;
const preloadTag =
  /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']|<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']modulepreload["']/gi;
// `import{a as b}from"./x.js"`, `export*from"./x.js"`, `import"./x.js"`: Vite's output keeps these quoted.
const staticImport = /(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g;

function resolveIn(outputDir: string, fromFile: string, ref: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return null; // another origin or a chrome-extension:// URL
  const path = ref.split(/[?#]/)[0]!;
  return path.startsWith('/') ? join(outputDir, path) : resolve(dirname(fromFile), path);
}

/** Absolute paths of every JS file `htmlFile` loads before its code can run. */
export function scriptsOfPage(outputDir: string, htmlFile: string): string[] {
  const page = join(outputDir, htmlFile);
  const html = readFileSync(page, 'utf8');
  const pending = [...html.matchAll(scriptTag), ...html.matchAll(preloadTag)]
    .map((m) => resolveIn(outputDir, page, (m[1] ?? m[2])!))
    .filter((p): p is string => p !== null);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(staticImport)) {
      const next = resolveIn(outputDir, file, m[1]!);
      if (next && !seen.has(next)) pending.push(next);
    }
  }
  return [...seen].sort();
}
