// Tells open pages, page by page, which practices a first sync has just stored, with their listed fields, so
// the side panel lists the library as it arrives instead of reading 10,000 practices back from IndexedDB
// once the run is over (bench/initial-sync.ts: that read-back took seconds after the pull). A page merges
// what it is told into the list it holds; the usual library-change announcement at the end of the run still
// makes it reload from IndexedDB, which stays the truth. Its own channel: the other listeners of library
// changes (the background's sync trigger, contacts, snippets) have nothing to do per page.
import type { Practice } from '../../shared/schemas/practice.ts';

const channelName = 'icc-library-pulled-practices';

/** A practice as lists hold it: without its page text (always empty here). */
export type ListedPractice = Omit<Practice, 'contentMarkdown'> & {
  /** Not read for lists: always empty here. */
  contentMarkdown: '';
};

export interface PulledPractices {
  /** Practices stored (live), as listed. */
  stored: ListedPractice[];
  /** Practices now deleted. */
  deleted: string[];
}

export function announcePulledPractices(pulled: PulledPractices): void {
  if (!pulled.stored.length && !pulled.deleted.length) return;
  const channel = new BroadcastChannel(channelName);
  channel.postMessage(pulled);
  channel.close();
}

export function onPulledPractices(listener: (pulled: PulledPractices) => void): () => void {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<PulledPractices>) => listener(event.data);
  return () => channel.close();
}

/**
 * `list` (most recently changed first, as listPractices orders it) with `pulled` merged in, in the same order.
 * Returns a new array.
 */
export function mergePulled(list: readonly ListedPractice[], pulled: PulledPractices): ListedPractice[] {
  const byId = new Map(list.map((p) => [p.id, p]));
  for (const p of pulled.stored) byId.set(p.id, p);
  for (const id of pulled.deleted) byId.delete(id);
  // listPractices: the updatedAt index read backwards (ties: the larger id first).
  return [...byId.values()].sort((a, b) =>
    a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
  );
}
