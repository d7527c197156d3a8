// Readability's article DOM → Markdown. Written for that input (already cleaned, mostly semantic HTML), and
// the sanitiser of the whole pipeline: only text and the Markdown we write come out, never raw HTML, and
// links and images only with http(s) (images) or http(s)/mailto (links) addresses.
import { codeBlock, codeSpan, destination, escapeInline, escapeLineStarts } from './markdown-escape.ts';
import { tableBlocks } from './markdown-table.ts';
import { resolveLinkUrl, resolveWebUrl } from './safe-url.ts';

interface Context {
  base: string;
}

const textNode = 3;
const elementNode = 1;
/** Stands for a <br> until a paragraph is finished (where it becomes a Markdown hard break). */
const lineBreak = '\u0000';

/** Never content: dropped with everything inside them. */
// biome-ignore format: a list of tag names reads better packed
const dropped = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'HEAD', 'TITLE',
  'META', 'LINK', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'SOURCE', 'TRACK', 'MAP', 'DIALOG',
]);

// biome-ignore format: a list of tag names reads better packed
const blocks = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL',
]);

function tagOf(node: Node): string {
  return node.nodeType === elementNode ? (node as Element).tagName.toUpperCase() : '';
}

function wrap(marker: string, inner: string): string {
  const core = inner.trim();
  if (!core) return inner;
  // Emphasis must hug its text ("** x**" is not bold): keep the spaces outside the markers.
  const lead = inner.startsWith(' ') ? ' ' : '';
  const trail = inner.endsWith(' ') ? ' ' : '';
  return `${lead}${marker}${core}${marker}${trail}`;
}

function image(el: Element, ctx: Context): string {
  const src = resolveWebUrl(el.getAttribute('src'), ctx.base);
  if (!src) return '';
  const alt = escapeInline((el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim());
  return `![${alt}](${destination(src)})`;
}

function link(el: Element, ctx: Context): string {
  const inner = inlineChildren(el, ctx).replaceAll(lineBreak, ' ');
  const href = resolveLinkUrl(el.getAttribute('href'), ctx.base);
  if (!href || !inner.trim()) return inner;
  const lead = inner.startsWith(' ') ? ' ' : '';
  const trail = inner.endsWith(' ') ? ' ' : '';
  return `${lead}[${inner.trim()}](${destination(href)})${trail}`;
}

/**
 * Embedded media (a video on a practice page, usually) cannot live in Markdown: it becomes a link to its
 * source, named by its title when it has one.
 */
function embed(el: Element, ctx: Context): string {
  const raw = el.getAttribute('src') ?? el.querySelector('source[src]')?.getAttribute('src');
  const src = resolveWebUrl(raw, ctx.base);
  if (!src) return '';
  const title = (el.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
  return ` [${escapeInline(title || src)}](${destination(src)}) `;
}

function text(data: string): string {
  if (!data) return '';
  return escapeInline(data.replaceAll(lineBreak, '').replace(/\s+/g, ' '));
}

/** An element (or comment) inside inline content; text nodes are handled by `inlineNodes`. */
function inline(node: Node, ctx: Context): string {
  if (node.nodeType !== elementNode) return '';
  const el = node as Element;
  const tag = tagOf(el);
  if (dropped.has(tag)) return '';
  if (blocks.has(tag)) {
    // A block inside inline content (a card: <a><div><h3>…</h3><p>…</p></div></a>) flattens to one line.
    return ` ${blockChildren(el, ctx)
      .join(' ')
      .replace(/\s*\n\s*/g, ' ')} `;
  }
  switch (tag) {
    case 'BR':
      return lineBreak;
    case 'IMG':
      return image(el, ctx);
    case 'IFRAME':
    case 'VIDEO':
    case 'AUDIO':
      return embed(el, ctx);
    case 'A':
      return link(el, ctx);
    case 'STRONG':
    case 'B':
      return wrap('**', inlineChildren(el, ctx));
    case 'EM':
    case 'I':
      return wrap('*', inlineChildren(el, ctx));
    case 'DEL':
    case 'S':
    case 'STRIKE':
      return wrap('~~', inlineChildren(el, ctx));
    case 'CODE':
    case 'KBD':
    case 'SAMP':
    case 'TT':
      return codeSpan(el.textContent ?? '');
    default:
      return inlineChildren(el, ctx);
  }
}

/**
 * Adjacent text nodes are escaped as one string: a DOM may split "&amp;amp;" into "&" and "amp;", and the
 * entity escape must see them together.
 */
function inlineNodes(nodes: Node[], ctx: Context): string {
  let out = '';
  let pending = '';
  for (const node of nodes) {
    if (node.nodeType === textNode) {
      pending += (node as Text).data;
      continue;
    }
    out += text(pending) + inline(node, ctx);
    pending = '';
  }
  return out + text(pending);
}

function inlineChildren(el: Node, ctx: Context): string {
  let out = '';
  let pending = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === textNode) {
      pending += (node as Text).data;
      continue;
    }
    out += text(pending) + inline(node, ctx);
    pending = '';
  }
  return out + text(pending);
}

/** Inline Markdown → a paragraph: single spaces, hard breaks inside only, line starts escaped. */
const spacedBreak = new RegExp(` ?${lineBreak} ?`, 'g');
const edgeSpace = new RegExp(`^[\\s${lineBreak}]+|[\\s${lineBreak}]+$`, 'g');
const breakRun = new RegExp(`${lineBreak}+`, 'g');
function paragraph(raw: string): string {
  const text = raw.replace(/ {2,}/g, ' ').replace(spacedBreak, lineBreak).replace(edgeSpace, '');
  return escapeLineStarts(text.replace(breakRun, '\\\n'));
}

function preText(node: Node): string {
  if (node.nodeType === textNode) return (node as Text).data;
  if (tagOf(node) === 'BR') return '\n';
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) out += preText(child);
  return out;
}

function codeLanguage(el: Element): string | null {
  const classes = `${el.getAttribute('class') ?? ''} ${el.querySelector('code')?.getAttribute('class') ?? ''}`;
  return /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(classes)?.[1] ?? null;
}

function indent(body: string, first: string): string {
  const pad = ' '.repeat(first.length);
  return body
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? pad + line : ''))
    .join('\n');
}

function list(el: Element, ctx: Context): string {
  const ordered = tagOf(el) === 'OL';
  let n = Number.parseInt(el.getAttribute('start') ?? '1', 10);
  if (!Number.isFinite(n)) n = 1;
  const items: string[] = [];
  for (const item of Array.from(el.children)) {
    const parts = blockChildren(item, ctx);
    if (parts.length === 0) continue;
    // A nested list follows its item's text directly; other blocks are separate paragraphs of the item.
    const body = parts.reduce((acc, part) => `${acc}${/^(?:- |\d+\. )/.test(part) ? '\n' : '\n\n'}${part}`);
    items.push(indent(body, ordered ? `${n++}. ` : '- '));
  }
  return items.join('\n');
}

function block(el: Element, ctx: Context): string[] {
  const tag = tagOf(el);
  if (dropped.has(tag)) return [];
  const heading = /^H([1-6])$/.exec(tag);
  if (heading) {
    const text = paragraph(inlineChildren(el, ctx).replaceAll(lineBreak, ' ')).replace(/\\?\n/g, ' ');
    return text ? [`${'#'.repeat(Number(heading[1]))} ${text}`] : [];
  }
  switch (tag) {
    case 'HR':
      return ['---'];
    case 'PRE': {
      const code = preText(el);
      return code.trim() ? [codeBlock(code, codeLanguage(el))] : [];
    }
    case 'UL':
    case 'OL': {
      const md = list(el, ctx);
      return md ? [md] : [];
    }
    case 'BLOCKQUOTE': {
      const body = blockChildren(el, ctx).join('\n\n');
      return body ? [body.replace(/^/gm, '> ').replace(/^> $/gm, '>')] : [];
    }
    case 'TABLE':
      return tableBlocks(el, (cell) => blockChildren(cell, ctx));
    case 'DT':
      return blockChildren(el, ctx).map((part) => wrap('**', part));
    default:
      return blockChildren(el, ctx);
  }
}

/** The blocks of a container: runs of inline content become paragraphs, block children their own blocks. */
function blockChildren(parent: Node, ctx: Context): string[] {
  const out: string[] = [];
  let run: Node[] = [];
  const flush = () => {
    const md = paragraph(inlineNodes(run, ctx));
    if (md) out.push(md);
    run = [];
  };
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (blocks.has(tagOf(child))) {
      flush();
      out.push(...block(child as Element, ctx));
    } else run.push(child);
  }
  flush();
  return out;
}

/** Markdown for the content of `root`; relative links and images resolve against `baseUrl`. */
export function htmlToMarkdown(root: Node, baseUrl: string): string {
  const ctx: Context = { base: baseUrl };
  const top = root.nodeType === elementNode ? block(root as Element, ctx) : blockChildren(root, ctx);
  return top.join('\n\n').trim();
}
