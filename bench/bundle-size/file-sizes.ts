// Sizes as shipped (raw: WXT's output is already minified) and gzipped (roughly what the store's zip and a
// code-size review see). gzip at zlib's default level, each file on its own.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface Size {
  files: number;
  raw: number;
  gzip: number;
}

export function sizeOfText(text: string | Buffer): Size {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return { files: 1, raw: bytes.length, gzip: gzipSync(bytes).length };
}

export function sizeOfFiles(paths: string[]): Size {
  return paths
    .map((path) => sizeOfText(readFileSync(path)))
    .reduce((total, s) => ({ files: total.files + 1, raw: total.raw + s.raw, gzip: total.gzip + s.gzip }), {
      files: 0,
      raw: 0,
      gzip: 0,
    });
}

/**
 * Source minified by esbuild (present as Vite's dependency) the way a bundler would ship it. Without
 * esbuild the raw source is measured, and `minified` says so.
 */
export async function minifiedSize(source: string): Promise<Size & { minified: boolean }> {
  try {
    const { transform } = await import('esbuild');
    const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2020' });
    return { ...sizeOfText(code), minified: true };
  } catch {
    return { ...sizeOfText(source), minified: false };
  }
}
