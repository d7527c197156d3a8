// Fetches, in the background, the page texts a metadata-first sync left out (pull-changes.ts; protocol in
// shared/sync/README.md): the range of versions pulled without texts is walked again with `until`, page by
// page, and each practice with no text record yet gets its text in `practiceTexts` (the practices store is not
// touched: unsent edits stay, and the side panel's list is not held up). The range shrinks in each page's
// transaction, so a service worker stopped mid-way resumes where it was.
// Why "no record yet" is enough: a practice in the range still at the server's version there is the copy this
// browser holds; one changed since has left the range (its version is above it) and an ordinary pull brings
// it whole, text included; a deleted one's record is `null`, so a page fetched before the deletion adds nothing.
import { unwrap } from 'idb';
import type { PullResponse } from '../../shared/api/sync.ts';
import { MalformedPull, type PullPage, readPullPage } from '../../shared/sync/pull-page.ts';
import { openLibrary, type PracticeText } from '../store/db.ts';
import { announceLibraryChange } from '../store/library-events.ts';
import { callApi, SyncError } from './api-client.ts';
import type { Connection } from './connection.ts';

/** The `meta` record of the versions `(from, through]` whose practices may still wait for their text. */
export const contentBackfillKey = 'contentBackfill';

export interface ContentBackfill {
  from: number;
  through: number;
}

/** The server's maximum page. */
const defaultPageSize = 1000;

let running: Promise<number> | null = null;

/** The range still to fetch, if any (none: every text has arrived). */
export async function pendingContentBackfill(): Promise<ContentBackfill | undefined> {
  return (await (await openLibrary()).get('meta', contentBackfillKey)) as ContentBackfill | undefined;
}

/**
 * Fetches the missing texts, once at a time (asked again meanwhile, it answers the run under way). Resolves
 * with how many practices got their text; rejects with a SyncError (the range stays for the next sync).
 */
export function backfillContent(
  connection: Connection,
  { pageSize = defaultPageSize }: { pageSize?: number } = {},
): Promise<number> {
  running ??= run(connection, pageSize).finally(() => {
    running = null;
  });
  return running;
}

async function run(connection: Connection, pageSize: number): Promise<number> {
  const range = await pendingContentBackfill();
  if (!range) return 0;
  const filled: string[] = [];
  try {
    let since = range.from;
    let next = fetchPage(connection, since, range.through, pageSize);
    for (;;) {
      const page = await next;
      if (page.hasMore) {
        next = fetchPage(connection, page.version, range.through, pageSize);
        next.catch(() => {}); // awaited on the next turn; a failure meanwhile must not go unhandled
      }
      const stored = await applyTexts(page, since);
      // The range moved meanwhile (another run, another city): this walk is no longer the one to finish.
      if (!stored) return filled.length;
      filled.push(...stored);
      if (!page.hasMore) return filled.length;
      since = page.version;
    }
  } finally {
    // Once, at the end: every open page reloads the whole library when told.
    if (filled.length) announceLibraryChange({ kind: 'practice', ids: filled });
  }
}

async function fetchPage(
  connection: Connection,
  since: number,
  until: number,
  pageSize: number,
): Promise<PullPage> {
  const raw = await callApi<PullResponse>(
    connection,
    `/api/sync/pull?since=${since}&until=${until}&limit=${pageSize}`,
  );
  try {
    return readPullPage(raw);
  } catch (error) {
    if (error instanceof MalformedPull) throw new SyncError({ reason: 'server', detail: error.message });
    throw error;
  }
}

/**
 * One page in one transaction: the texts of the practices that have none yet, and the range moved past the
 * page (removed after the last one). Null, writing nothing, if the range is no longer at `since`.
 */
async function applyTexts(page: PullPage, since: number): Promise<string[] | null> {
  const db = await openLibrary();
  const tx = db.transaction(['practiceTexts', 'meta'], 'readwrite', { durability: 'relaxed' });
  const meta = tx.objectStore('meta');
  const store = tx.objectStore('practiceTexts');
  const texts = page.changes.flatMap((c) => {
    const text =
      c.kind === 'practice' && !c.deleted && 'contentMarkdown' in c.object && c.object.contentMarkdown;
    return typeof text === 'string' ? [{ id: c.id, text }] : [];
  });
  // Which texts are there already: every key of the store at once (keys only: a few milliseconds for a city
  // library), rather than a read per practice.
  const [range, keys] = await Promise.all([
    meta.get(contentBackfillKey) as Promise<ContentBackfill | undefined>,
    store.getAllKeys(),
  ]);
  if (!range || range.from !== since) {
    tx.abort();
    await tx.done.catch(() => {});
    return null;
  }
  const present = new Set<string>(keys);
  // Writes through the plain transaction, without a promise each: a failed write aborts it, and `tx.done`
  // rejects with it.
  const plain = unwrap(tx);
  const plainTexts = plain.objectStore('practiceTexts');
  const stored: string[] = [];
  for (const { id, text } of texts) {
    if (present.has(id)) continue;
    plainTexts.put({ id, contentMarkdown: text } satisfies PracticeText);
    stored.push(id);
  }
  if (page.hasMore)
    plain.objectStore('meta').put({ from: page.version, through: range.through }, contentBackfillKey);
  else plain.objectStore('meta').delete(contentBackfillKey);
  await tx.done;
  return stored;
}
