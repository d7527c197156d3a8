// An element's text as a reader sees its lines: a line break at every block element and <br>, a tab between
// table cells, nothing from scripts, styles or elements hidden inline (a common trick against harvesters:
// "anna<span style="display:none">nospam</span>@…"). linkedom has no layout, so no innerText: this is the
// part of it contact blocks need. Cloudflare-protected addresses are read back from `data-cfemail`.
import { decodeCloudflareEmail } from './obfuscated-email.ts';

const elementNode = 1;
const textNode = 3;

export const blockTags = new Set(
  `address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form h1
  h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody tfoot thead tr ul`.split(
    /\s+/,
  ),
);
const skippedTags = new Set(['script', 'style', 'noscript', 'template', 'svg', 'select', 'button', 'iframe']);
const cellTags = new Set(['td', 'th']);

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function write(node: Node, out: string[]): void {
  if (node.nodeType === textNode) {
    out.push((node as Text).data.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== elementNode) return;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  if (skippedTags.has(tag) || isHidden(element)) return;
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  const protectedEmail = element.getAttribute('data-cfemail');
  if (protectedEmail) {
    out.push(decodeCloudflareEmail(protectedEmail) ?? '');
    return;
  }
  const block = blockTags.has(tag);
  if (block) out.push('\n');
  if (cellTags.has(tag)) out.push('\t');
  for (const child of Array.from(element.childNodes)) write(child, out);
  if (block) out.push('\n');
}

/** The lines of `root`'s text, trimmed, without empty ones. */
export function blockText(root: Node): string {
  const out: string[] = [];
  write(root, out);
  return out
    .join('')
    .split('\n')
    .map((line) =>
      line
        .replace(/ *\t */g, '\t')
        .replace(/^[\t ]+|[\t ]+$/g, '')
        .replace(/ {2,}/g, ' '),
    )
    .filter(Boolean)
    .join('\n');
}
