// Search matches as <mark>: the search returns a text cut into segments (server/library/marks.ts), rendered
// here as escaped text, so a practice's title or excerpt can never inject markup.
export interface Segment {
  text: string;
  match: boolean;
}

export function Marked({
  segments,
  fallback,
}: {
  segments: readonly Segment[] | undefined;
  fallback: string;
}) {
  if (!segments || segments.length === 0) return <>{fallback}</>;
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
