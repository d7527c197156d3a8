import type { Highlight } from '../../shared/schemas/highlight.ts';
import { openLibrary } from './db.ts';

/** Live highlights of the whole library, grouped by practice (for search and counts). */
export async function highlightsByPractice(): Promise<Map<string, Highlight[]>> {
  const groups = new Map<string, Highlight[]>();
  for (const h of await (await openLibrary()).getAll('highlights')) {
    if (h.deletedAt) continue;
    const list = groups.get(h.practiceId) ?? [];
    list.push(h);
    groups.set(h.practiceId, list);
  }
  return groups;
}
