// How much of `b`'s wording also appears in `a`, from 0 to 1: Readability's `_textSimilarity`, used to choose
// between two candidate titles by comparing them with the page's <title>.
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function similarity(a: string, b: string): number {
  const tokensA = new Set(tokens(a));
  const tokensB = tokens(b);
  if (tokensA.size === 0 || tokensB.length === 0) return 0;
  const unique = tokensB.filter((t) => !tokensA.has(t));
  const distance = unique.join(' ').length / tokensB.join(' ').length;
  return 1 - distance;
}
