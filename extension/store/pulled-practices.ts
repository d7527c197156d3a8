// Tells open pages, page by page, which practices a first sync has just stored, so the side panel lists the
// library as it arrives instead of reading 10,000 practices back from IndexedDB once the run is over
// (bench/initial-sync.ts: that read-back took seconds after the pull). The message names the pull page
// stored (store/pulled-pages.ts) and each listener reads it in its own process: the service worker, whose
// thread is a first sync's bottleneck, copies nothing more than the IndexedDB write already did. A page
// merges what it is told into the list it holds; the usual library-change announcement at the end of the
// run still makes it reload from IndexedDB, which stays the truth. Its own channel: the other listeners of
// library changes (the background's sync trigger, contacts, snippets) have nothing to do per page.
import type { Practice } from '../../shared/schemas/practice.ts';
import { openLibrary } from './db.ts';

const channelName = 'icc-library-pulled-practices';

/** A practice as lists hold it: without its page text (always empty here). */
export type ListedPractice = Omit<Practice, 'contentMarkdown'> & {
  /** Not read for lists: always empty here. */
  contentMarkdown: '';
};

export interface PulledPractices {
  /** The pull page's key (its library version). */
  page: number;
  /** Practices stored (live), as listed. */
  stored: ListedPractice[];
  /** Practices now deleted. */
  deleted: string[];
}

/** Tells open pages that the pull page kept under `key` (its library version) is stored. */
export function announcePulledPage(key: number): void {
  const channel = new BroadcastChannel(channelName);
  channel.postMessage({ page: key });
  channel.close();
}

/**
 * Calls `listener` with each announced page's practices, in the order announced; with null when a page can no
 * longer be read as a page (already spread into the practices store): the listener then reads the library.
 */
export function onPulledPractices(listener: (pulled: PulledPractices | null) => void): () => void {
  const channel = new BroadcastChannel(channelName);
  let reading = Promise.resolve();
  channel.onmessage = (event: MessageEvent<{ page: number }>) => {
    const key = event.data.page;
    // A listener that fails does not stop the pages after it from being told.
    reading = reading.then(async () => listener(await readPulledPractices(key))).catch(console.error);
  };
  return () => channel.close();
}

async function readPulledPractices(key: number): Promise<PulledPractices | null> {
  const page = await (await openLibrary()).get('pulledPages', key);
  if (!page) return null;
  const pulled: PulledPractices = { page: key, stored: [], deleted: page.deleted.map((d) => d.id) };
  for (const p of page.practices) {
    // An unsent local deletion re-applied by the pull keeps it deleted.
    if (p.deletedAt) pulled.deleted.push(p.id);
    else pulled.stored.push({ ...p, contentMarkdown: '' });
  }
  return pulled;
}

/** listPractices' order: most recently changed first (ties: the larger id first). */
function newerFirst(a: ListedPractice, b: ListedPractice): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * `list` (in listPractices' order) with `pulled` merged in, in the same order. Returns a new array. Only the
 * page is sorted, then merged into the list in one pass: the side panel merges each page of a first sync
 * into a list growing to thousands.
 */
export function mergePulled(list: readonly ListedPractice[], pulled: PulledPractices): ListedPractice[] {
  const replaced = new Set<string>(pulled.deleted);
  for (const p of pulled.stored) replaced.add(p.id);
  const kept = list.filter((p) => !replaced.has(p.id));
  const incoming = [...pulled.stored].sort(newerFirst);
  const merged: ListedPractice[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < incoming.length) {
    merged.push(newerFirst(kept[i]!, incoming[j]!) <= 0 ? kept[i++]! : incoming[j++]!);
  }
  while (i < kept.length) merged.push(kept[i++]!);
  while (j < incoming.length) merged.push(incoming[j++]!);
  return merged;
}
