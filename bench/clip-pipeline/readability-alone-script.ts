// "Readability alone" the way an extension would run it: a content script of its own, injected afresh from
// the extension's folder into the same isolated world as the product's extract.js, bundled and minified as
// a build would ship it. It calls Readability with the options the pipeline uses (extension/lib/extract/
// article.ts: keepClasses, a serializer that returns the element) on a clone of the document, and nothing else.
import { build } from 'esbuild';
import { fromRoot } from '../repo-paths.ts';

/** Where the script goes inside the copied extension; executeScript's `files` takes it with a leading `/`. */
export const readabilityAloneFile = 'content-scripts/bench-readability-alone.js';

const entry = `
import { Readability } from '@mozilla/readability';
export function measure() {
  const started = performance.now();
  const article = new Readability(document.cloneNode(true), {
    keepClasses: true,
    serializer: (node) => node,
  }).parse();
  const ms = performance.now() - started;
  return { ms, found: !!article, textChars: article && article.textContent ? article.textContent.length : 0 };
}
`;

/** The script's source. Its last statement's value is what executeScript hands back. */
export async function buildReadabilityAloneScript(): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: fromRoot('.'), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'iccBenchReadability',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return `${result.outputFiles[0]!.text}iccBenchReadability.measure();\n`;
}
