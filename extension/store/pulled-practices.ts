// Tells open pages, page by page, which practices a first sync has just stored, so the side panel lists the
// library as it arrives instead of reading 10,000 practices back from IndexedDB once the run is over
// (bench/initial-sync.ts: that read-back took seconds after the pull). Each stored pull page
// (store/pulled-pages.ts) is sent whole: the service worker mostly waits for the network during a first
// sync, so the copy costs it little, while an open page reading the page back from IndexedDB had to queue
// behind the pull's own transactions and fell behind it (measured: the list was complete 0.6 s after the
// sync, against 0.1 s when sent). A page merges what it is told into the list it holds; the end of the run
// is announced as a library change naming the pages, and a page that merged them all need not reload.
// Its own channel: the other listeners of library changes (the background's sync trigger, contacts,
// snippets) have nothing to do per page.
import type { Practice } from '../../shared/schemas/practice.ts';
import { type PulledPageRecord, pageOf } from './pulled-pages.ts';

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

/** Sends open pages the pull page just stored under `key` (its library version). */
export function announcePulledPage(key: number, page: PulledPageRecord): void {
  const channel = new BroadcastChannel(channelName);
  channel.postMessage({ key, page } satisfies PageMessage);
  channel.close();
}

interface PageMessage {
  key: number;
  page: PulledPageRecord;
}

/** Calls `listener` with each page's practices as it is announced, in order. */
export function onPulledPractices(listener: (pulled: PulledPractices) => void): () => void {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<PageMessage>) => listener(listedOf(event.data));
  return () => channel.close();
}

function listedOf({ key, page: record }: PageMessage): PulledPractices {
  const page = pageOf(record);
  const pulled: PulledPractices = { page: key, stored: [], deleted: page.deleted.map((d) => d.id) };
  for (const p of page.practices) {
    // An unsent local deletion re-applied by the pull keeps it deleted.
    if (p.deletedAt) pulled.deleted.push(p.id);
    else pulled.stored.push({ ...p, contentMarkdown: '' });
  }
  return pulled;
}

/** The library's list order: most recently changed first (ties: the larger id first). */
export function newerFirst(
  a: Pick<Practice, 'id' | 'updatedAt'>,
  b: Pick<Practice, 'id' | 'updatedAt'>,
): number {
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
