// Building shareable addresses: the current query string with some parameters changed or removed, so
// pagination, exports and the language switch keep every filter of the view.
export function withParams(
  path: string,
  params: URLSearchParams,
  changes: Record<string, string | null>,
): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}
