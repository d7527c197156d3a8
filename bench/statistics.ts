// Medians rather than means: one GC pause or a noisy neighbour on a 2-core machine should not move a figure.

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** Spread of repeated runs, as a share of their median: how far to trust a single page's figure. */
export function relativeSpread(values: number[]): number {
  const mid = median(values);
  if (!(mid > 0)) return Number.NaN;
  return (Math.max(...values) - Math.min(...values)) / mid;
}

/** The p-th percentile (nearest rank), p in 0–100. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
