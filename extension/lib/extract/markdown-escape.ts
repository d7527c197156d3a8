// Text from the page must reach the Markdown as text, never as markup: a page that says "<script>" or
// "*not emphasis*" or "1. not a list" must render exactly that. CommonMark lets any ASCII punctuation be
// backslash-escaped (https://spec.commonmark.org/0.31.2/#backslash-escapes), so we escape what is
// significant inline everywhere, and what is only significant at the start of a line, there.

/** Escapes characters that would start Markdown or HTML inside a line of text. */
export function escapeInline(text: string): string {
  let out = text.replace(/[\\`*[\]<>|~]/g, '\\$&');
  // `_` only matters at a word's edge: snake_case words stay readable. (The passes run only when needed:
  // this is called for every text run of every clipped page.)
  if (out.includes('_')) out = out.replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_');
  // "&amp;" in the page's text is text, not an entity for the renderer to decode.
  if (out.includes('&')) out = out.replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  return out;
}

/** Escapes, on each line of a paragraph, what would make it a heading, list item, or setext underline. */
export function escapeLineStarts(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) =>
      line
        .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
        .replace(/^([-+])(?=\s|$)/, '\\$1')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
        .replace(/^([=-])(?=[=-]*\s*$)/, '\\$1'),
    )
    .join('\n');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** An inline code span whose fence is longer than any backtick run inside it. */
export function codeSpan(code: string): string {
  const content = code.replace(/\s*\n\s*/g, ' ');
  if (!content.trim()) return '';
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad = /^[`\s]|[`\s]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A fenced code block; the info string is kept only when it is a plain language name. */
export function codeBlock(code: string, language: string | null): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const info = language && /^[\w+#.-]{1,30}$/.test(language) ? language : '';
  return `${fence}${info}\n${code.replace(/^\n/, '').replace(/\s+$/, '')}\n${fence}`;
}

/**
 * A link or image destination that cannot end early or break a table row: URL.href has already encoded
 * spaces and `<>`, but not parentheses or `|`.
 */
export function destination(url: string): string {
  return url.replace(/[()|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
