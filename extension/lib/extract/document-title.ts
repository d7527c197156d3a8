// The title from <title> when the page declares no better one: "Inclusive libraries | City of Lisbon" → the
// part that names the page. Follows Readability's `_getArticleTitle` heuristics (so clips agree with Firefox
// Reader View) and also treats en and em dashes as separators, as Readability's newer releases do. One
// deliberate difference: Readability gives up on a cut that leaves four words or fewer; city pages have short
// titles ("Anti-rumour network in Barcelona | Ajuntament de Barcelona"), so we give up at three.

const separators = / [|\-–—\\/>»·] /g;
const hierarchical = / [\\/>»] /;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function headingEquals(doc: Document, title: string): boolean {
  return Array.from(doc.querySelectorAll('h1, h2')).some((h) => collapse(h.textContent ?? '') === title);
}

export function cleanDocumentTitle(doc: Document): string {
  const original = collapse(doc.title ?? '');
  if (!original) return '';
  let title = original;
  let hadHierarchy = false;

  const found = Array.from(original.matchAll(separators));
  const last = found.at(-1);
  if (last?.index !== undefined) {
    hadHierarchy = hierarchical.test(original);
    title = original.slice(0, last.index);
    // "Home | A long page title" keeps the part after the first separator instead.
    if (wordCount(title) < 3) {
      const first = found[0];
      title = first?.index !== undefined ? original.slice(first.index + first[0].length) : original;
    }
  } else if (original.includes(': ')) {
    if (!headingEquals(doc, original)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (original.length > 150 || original.length < 15) {
    const h1s = doc.querySelectorAll('h1');
    if (h1s.length === 1) title = collapse(h1s[0]?.textContent ?? '') || original;
  }

  title = collapse(title);
  // Three words or fewer left: the cut was probably wrong, unless it removed exactly one hierarchical level.
  const words = wordCount(title);
  const originalWords = wordCount(original.replace(/[|\-–—\\/>»·]+/g, ''));
  if (words <= 3 && (!hadHierarchy || words !== originalWords - 1)) return original;
  return title;
}
