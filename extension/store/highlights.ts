// Highlights of a practice: passages anchored with W3C selectors. Stored as their own synced objects, so a
// highlight is never only in one browser's memory.
import { type Highlight, highlightSchema } from '../../shared/schemas/highlight.ts';
import { openLibrary } from './db.ts';
import { announceLibraryChange } from './library-events.ts';
import { creationMutation, deletionMutation } from './mutations.ts';
import { newEnvelope } from './new-envelope.ts';
import { enqueue } from './outbox.ts';
import { spreadPulledPages } from './pulled-pages.ts';

export type NewHighlight = Pick<Highlight, 'pageUrl' | 'quote' | 'position'> & { note?: string };

export async function addHighlight(
  practiceId: string,
  input: NewHighlight,
  now = new Date(),
): Promise<Highlight> {
  const highlight = highlightSchema.parse({
    ...input,
    note: input.note ?? '',
    practiceId,
    ...newEnvelope(now),
  });
  // Its practice may still be in a first sync's page (store/pulled-pages.ts).
  await spreadPulledPages();
  const db = await openLibrary();
  const tx = db.transaction(['practices', 'highlights', 'outbox', 'meta'], 'readwrite');
  const practice = await tx.objectStore('practices').get(practiceId);
  if (!practice || practice.deletedAt) throw new Error(`practice ${practiceId} not found`);
  const existing = await tx.objectStore('highlights').index('byPractice').getAll(practiceId);
  const same = existing.find(
    (h) =>
      !h.deletedAt && h.quote.exact === highlight.quote.exact && h.quote.prefix === highlight.quote.prefix,
  );
  if (same) {
    // The same passage clipped twice is one highlight, not two.
    await tx.done;
    return same;
  }
  await tx.objectStore('highlights').add(highlight);
  await enqueue(tx, (hlc) => creationMutation('highlight', highlight, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'highlight', ids: [highlight.id] });
  return highlight;
}

export async function listHighlights(practiceId: string): Promise<Highlight[]> {
  const all = await (await openLibrary()).getAllFromIndex('highlights', 'byPractice', practiceId);
  return all.filter((h) => !h.deletedAt).sort((a, b) => (a.position?.start ?? 0) - (b.position?.start ?? 0));
}

export async function deleteHighlight(id: string, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const db = await openLibrary();
  const tx = db.transaction(['highlights', 'outbox', 'meta'], 'readwrite');
  const h = await tx.objectStore('highlights').get(id);
  if (!h || h.deletedAt) return;
  await tx.objectStore('highlights').put({ ...h, deletedAt: at, updatedAt: at });
  await enqueue(tx, (hlc) => deletionMutation('highlight', h, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'highlight', ids: [id] });
}
