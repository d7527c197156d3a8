// Measures metadata extraction against pages with reviewed expectations (Mozilla Readability's test pages:
// DIR/<case>/source.html + expected-metadata.json). Runs the extension's own extractPage on a linkedom DOM.
//   npx tsx scripts/eval-extraction.ts DIR [--json FILE] [--verbose]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractPage } from '../extension/lib/extract/page.ts';

const fields = ['title', 'byline', 'excerpt', 'siteName', 'publishedTime', 'lang', 'dir'] as const;
type Field = (typeof fields)[number];
// What Readability's own test suite uses as the page address.
const baseUrl = 'http://fakehost/test/page.html';

interface Mismatch {
  page: string;
  field: Field;
  expected: string | null;
  actual: string | null;
}

function normalise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text || null;
}

/** Both values shown around where they first differ, so long excerpts that differ at the end stay readable. */
function around(a: string | null, b: string | null): [string, string] {
  if (a === null || b === null) return [JSON.stringify(a), JSON.stringify(b)];
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - 40);
  const show = (v: string) =>
    JSON.stringify(`${from > 0 ? '…' : ''}${v.slice(from, from + 100)}${v.length > from + 100 ? '…' : ''}`);
  return [show(a), show(b)];
}

function parseArgs(argv: string[]) {
  const dir = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--json');
  const jsonAt = argv.indexOf('--json');
  return { dir, json: jsonAt >= 0 ? argv[jsonAt + 1] : undefined, verbose: argv.includes('--verbose') };
}

function main() {
  const { dir, json, verbose } = parseArgs(process.argv.slice(2));
  if (!dir) {
    console.error('usage: tsx scripts/eval-extraction.ts DIR [--json FILE] [--verbose]');
    process.exit(2);
  }
  const cases = readdirSync(dir)
    .filter(
      (name) =>
        existsSync(join(dir, name, 'source.html')) && existsSync(join(dir, name, 'expected-metadata.json')),
    )
    .sort();

  const tally = Object.fromEntries(fields.map((f) => [f, { matched: 0, expected: 0 }])) as Record<
    Field,
    { matched: number; expected: number }
  >;
  const mismatches: Mismatch[] = [];
  const extractions: Record<string, number> = {};
  let totalMs = 0;

  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8'));
    const { document } = parseHTML(readFileSync(join(dir, name, 'source.html'), 'utf8'));
    const page = extractPage(document as unknown as Document, { url: baseUrl });
    totalMs += page.timings.totalMs;
    extractions[page.extraction] = (extractions[page.extraction] ?? 0) + 1;
    for (const field of fields) {
      const want = normalise(expected[field]);
      const got = normalise(page.metadata[field]);
      tally[field].expected++;
      if (want === got) tally[field].matched++;
      else mismatches.push({ page: name, field, expected: want, actual: got });
    }
  }

  console.log(
    `${cases.length} pages, ${totalMs.toFixed(0)} ms in extractPage, extraction: ${JSON.stringify(extractions)}\n`,
  );
  console.log('| field | matched | % |\n| --- | --- | --- |');
  for (const field of fields) {
    const { matched, expected } = tally[field];
    const pct = expected ? ((100 * matched) / expected).toFixed(1) : '-';
    console.log(`| ${field} | ${matched}/${expected} | ${pct} |`);
  }
  if (verbose && mismatches.length > 0) {
    console.log('\nMismatches:');
    for (const m of mismatches) {
      const [expected, actual] = around(m.expected, m.actual);
      console.log(`- ${m.page} ${m.field}\n    expected ${expected}\n    actual   ${actual}`);
    }
  }
  if (json) writeFileSync(json, `${JSON.stringify({ pages: cases.length, fields: tally }, null, 2)}\n`);
}

main();
