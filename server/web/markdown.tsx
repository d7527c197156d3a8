// A practice's readable content (Markdown) as safe HTML: a small renderer that builds Preact elements, so
// every character of the source is escaped and no raw HTML ever passes. It knows what the clipper writes:
// headings, paragraphs, bulleted and numbered lists, quotes, fenced code, links (http/https only; others
// become plain text), images (their alt text only), emphasis, strong and inline code.
import type { ComponentChildren, VNode } from 'preact';

const safeHref = (href: string) => (/^https?:\/\/[^\s]+$/i.test(href) ? href : null);

/** Inline Markdown: links, images, code, strong, emphasis; everything else is text. */
export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const pattern =
    /(!?)\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const [whole, bang, label, href, code, strong1, strong2, em1, em2] = m;
    if (href !== undefined) {
      if (bang) out.push(label || '');
      else {
        const safe = safeHref(href);
        out.push(
          safe ? (
            <a href={safe} rel="noopener noreferrer">
              {inline(label ?? '')}
            </a>
          ) : (
            inline(label ?? '')
          ),
        );
      }
    } else if (code !== undefined) out.push(<code>{code}</code>);
    else if (strong1 ?? strong2) out.push(<strong>{inline(strong1 ?? strong2 ?? '')}</strong>);
    else if (em1 ?? em2) out.push(<em>{inline(em1 ?? em2 ?? '')}</em>);
    else out.push(whole);
    at = m.index + whole.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Block Markdown to elements; heading levels are shifted so the content starts at <h3> under the page's own. */
export function markdownBlocks(source: string): VNode[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: VNode[] = [];
  let i = 0;
  const isBlank = (l: string) => l.trim() === '';
  const listItem = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      blocks.push(
        <pre>
          <code>{body.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + 2);
      const Tag = `h${level}` as 'h3';
      blocks.push(<Tag>{inline(heading[2]!)}</Tag>);
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push(<hr />);
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i]!)) body.push(lines[i++]!.replace(/^\s*>\s?/, ''));
      blocks.push(<blockquote>{markdownBlocks(body.join('\n'))}</blockquote>);
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      const ordered = item[2] !== undefined;
      const items: string[] = [];
      while (i < lines.length) {
        const m = listItem.exec(lines[i]!);
        if (m && (m[2] !== undefined) === ordered) {
          items.push(m[3]!);
          i++;
        } else if (!isBlank(lines[i]!) && /^\s{2,}/.test(lines[i]!) && items.length) {
          items[items.length - 1] += ` ${lines[i]!.trim()}`;
          i++;
        } else break;
      }
      const children = items.map((text) => <li>{inline(text)}</li>);
      blocks.push(ordered ? <ol>{children}</ol> : <ul>{children}</ul>);
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      !isBlank(lines[i]!) &&
      !/^(#{1,6})\s/.test(lines[i]!) &&
      !/^\s*(```|~~~|>)/.test(lines[i]!) &&
      !listItem.test(lines[i]!)
    )
      para.push(lines[i++]!.trim());
    blocks.push(<p>{inline(para.join(' '))}</p>);
  }
  return blocks;
}

/** Past this many characters the page shows the start of the content only (a 2 MB page would take seconds). */
export const renderedContentLimit = 200_000;

export function Markdown({ source, truncatedNote }: { source: string; truncatedNote: string }) {
  const cut = source.length > renderedContentLimit;
  const shown = cut
    ? source.slice(0, source.lastIndexOf('\n\n', renderedContentLimit) + 1 || renderedContentLimit)
    : source;
  return (
    <div class="content">
      {markdownBlocks(shown)}
      {cut && <p class="notice">{truncatedNote}</p>}
    </div>
  );
}
