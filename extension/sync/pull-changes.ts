// Pull: fetches what changed in the city library since the cursor, page by page, and applies each page in
// one transaction with the new cursor — so a crash mid-way resumes from the last whole page. Changes not yet
// pushed from this browser are re-applied on top (never hidden by an older server copy).
// Speed (bench/initial-sync.ts, a first sync of 10,000 practices): the next page is fetched while this one is
// written; pages are checked structurally (shared/sync/pull-page.ts), not with zod; and when the library
// was empty as the pull began, live objects are written without reading the local copy first.
// Page texts go to their own store (practiceTexts, extension/store/db.ts). Metadata first
// (shared/sync/README.md): into an empty library the pull asks for practices without their page text
// (`omit=contentMarkdown`, a quarter of the bytes), stores none for them (no record: not arrived), and records
// the range of versions pulled so (meta `contentBackfill`, in each page's transaction); the texts follow in the
// background (content-backfill.ts), so the library is listed and searchable by its metadata in seconds.
import { unwrap } from 'idb';
import { type PullResponse, pullNextHeader } from '../../shared/api/sync.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import { MalformedPull, type PullPage, readPullPage } from '../../shared/sync/pull-page.ts';
import { openLibrary, type PracticeText, storedPractice } from '../store/db.ts';
import { isKeptKind, type KeptKind, storeOfKind, tombstoneOf } from '../store/kind-stores.ts';
import { applyPending, type PendingMutation } from '../store/mutations.ts';
import {
  type PagedPractice,
  type PulledPage,
  type PulledPageRecord,
  spreadPulledPages,
} from '../store/pulled-pages.ts';
import { announcePulledPage } from '../store/pulled-practices.ts';
import { answerOf, parseAnswer, readAnswerText, SyncError } from './api-client.ts';
import { type Connection, getCursor } from './connection.ts';
import { type ContentBackfill, contentBackfillKey } from './content-backfill.ts';
import { beginResync, finishResync, isResyncRequired, resyncUnderWay } from './full-resync.ts';

/** The server's maximum page. */
const defaultPageSize = 1000;

export interface PulledChanges {
  /** Ids of the objects that changed. */
  ids: string[];
  /** Of those, the ones not told with a page (`pages`). */
  untold: string[];
  /** The first sync's pull pages told to open pages as they were stored (store/pulled-practices.ts). */
  pages: number[];
  /** Members who created the changed objects (to put names to them). */
  authors: string[];
}

/**
 * Pulls until up to date (`pageSize`: tests make several pages out of a few objects). A cursor behind the
 * server's pruned history (410 resync_required) starts a full resync from 0 that keeps the outbox
 * (full-resync.ts); once, so a server that keeps answering so does not loop.
 */
export async function pullChanges(
  connection: Connection,
  options: { pageSize?: number } = {},
): Promise<PulledChanges> {
  try {
    return await pullPages(connection, options);
  } catch (error) {
    if (!isResyncRequired(error)) throw error;
  }
  await beginResync();
  return pullPages(connection, options);
}

async function pullPages(
  connection: Connection,
  { pageSize = defaultPageSize }: { pageSize?: number },
): Promise<PulledChanges> {
  const ids: string[] = [];
  const untold: string[] = [];
  const pages: number[] = [];
  const authors = new Set<string>();
  // A first sync's pages left by a run that stopped before spreading them: an ordinary pull reads and writes
  // practices one by one, so they go where it finds them first.
  await spreadPulledPages();
  let since = await getCursor();
  // A resync a crash interrupted walks again from 0: which copies it had seen is not kept.
  const resyncing = await resyncUnderWay();
  if (resyncing && since !== 0) {
    await beginResync();
    since = 0;
  }
  const fresh = since === 0 && (await libraryIsEmpty());
  // Only into an empty library: a pull resumed after a crash, and every later pull, bring whole objects.
  const omitContent = fresh;
  const askFor = (from: number) => {
    const asked = requestPage(connection, from, pageSize, omitContent);
    asked.catch(() => {}); // awaited on the next turn; a failure meanwhile must not go unhandled
    return asked;
  };
  let next = askFor(since);
  // The page before this one, still committing: this one's transaction is queued behind it (IndexedDB runs
  // read-write transactions on the same stores one at a time, in order), so the service worker reads the
  // next answer meanwhile instead of waiting for each commit. Its cursor check still sees the cursor the
  // previous page stored, and a failed page makes every later one fail that check.
  let committing: Promise<StoredPage | null> | null = null;
  const committed = async () => {
    // A first sync: open pages list the library as it arrives (store/pulled-practices.ts), sent each page once
    // it is stored.
    const stored = await committing;
    if (stored === null || stored === undefined) return;
    announcePulledPage(stored.key, stored.page);
    pages.push(stored.key);
  };
  try {
    for (;;) {
      const answer = await next;
      // The next page is asked for as soon as this answer's headers name its cursor, while this body is still
      // arriving (shared/api/sync.ts: pullNextHeader), else once the body says so; it is on its way while
      // this one is written (its cursor is stored only with it).
      if (answer.next !== undefined) next = askFor(answer.next);
      const { page, text } = await answer.page;
      if (answer.next !== undefined && (!page.hasMore || page.version !== answer.next)) {
        throw new SyncError({
          reason: 'server',
          detail: `the pull's next-page header (${answer.next}) disagrees with its answer (${page.version})`,
        });
      }
      if (page.hasMore && answer.next === undefined) next = askFor(page.version);
      const applying = applyPage(page, text, since, fresh, omitContent);
      applying.catch(() => {}); // awaited below or on the next turn
      await committed();
      committing = applying;
      for (const change of page.changes) {
        ids.push(change.id);
        // A first sync's practices are told with their page (the page's other kinds are not).
        if (!(fresh && change.kind === 'practice')) untold.push(change.id);
        const author = !change.deleted && (change.object as { createdBy?: unknown }).createdBy;
        if (typeof author === 'string') authors.add(author);
      }
      since = page.version;
      if (!page.hasMore) {
        await committed();
        if (resyncing) {
          // What the full answer did not name was deleted meanwhile (full-resync.ts).
          const deleted = await finishResync(new Set(ids));
          ids.push(...deleted);
          untold.push(...deleted);
        }
        return { ids, untold, pages, authors: [...authors] };
      }
    }
  } catch (error) {
    // The page still committing when a later one failed is told too, if it stored.
    await committed().catch(() => {});
    throw error;
  }
}

/** A first sync's page as stored (store/pulled-pages.ts), under its key. */
interface StoredPage {
  key: number;
  page: PulledPageRecord;
}

/** A pull answer whose headers have arrived: the next page's cursor if they name it, and its body, checked. */
interface PageAnswer {
  next: number | undefined;
  page: Promise<ReadPage>;
}

/** A page's answer, checked, and its JSON text as sent. */
interface ReadPage {
  page: PullPage;
  text: string;
}

async function requestPage(
  connection: Connection,
  since: number,
  pageSize: number,
  omitContent: boolean,
): Promise<PageAnswer> {
  const omit = omitContent ? '&omit=contentMarkdown' : '';
  const response = await answerOf(connection, `/api/sync/pull?since=${since}&limit=${pageSize}${omit}`);
  const header = response.headers.get(pullNextHeader);
  const next = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  const page = readAnswerText(response).then((text) => {
    try {
      return { page: readPullPage(parseAnswer<PullResponse>(text)), text };
    } catch (error) {
      if (error instanceof MalformedPull) throw new SyncError({ reason: 'server', detail: error.message });
      throw error;
    }
  });
  page.catch(() => {}); // awaited by the caller once it has asked for the next page
  return { next, page };
}

/** Whether this browser holds no synced object at all (a first sync, or after the stores were reset). */
async function libraryIsEmpty(): Promise<boolean> {
  const db = await openLibrary();
  const tx = db.transaction(['practices', 'highlights', 'stakeholders', 'snippets']);
  const counts = await Promise.all(
    (['practices', 'highlights', 'stakeholders', 'snippets'] as const).map((s) => tx.objectStore(s).count()),
  );
  await tx.done;
  return counts.every((n) => n === 0);
}

/**
 * One page in one transaction. All reads are issued at once and all writes too (IndexedDB queues them inside
 * the transaction), rather than one round trip per object: a first sync of 10,000 practices is 10 pages.
 * `fresh`: the stores were empty when this pull began, so a local copy of a live object can only be an
 * earlier page's (older: the server's versions only grow) or a creation not yet pushed (version 0); either
 * is overwritten, so it is not read. Tombstones still read theirs (what stays of it is built from it).
 * `since`: the cursor the page was pulled from; the transaction writes nothing unless it is still the stored
 * one (nothing else moved it meanwhile, e.g. connecting to another city). `omitted`: the page came without
 * page texts; its range joins the backfill.
 */
async function applyPage(
  page: PullPage,
  text: string,
  since: number,
  fresh: boolean,
  omitted: boolean,
): Promise<StoredPage | null> {
  const db = await openLibrary();
  // Relaxed durability: a page lost in a crash is lost with its cursor (same transaction) and pulled again.
  const tx = db.transaction(
    ['practices', 'practiceTexts', 'pulledPages', 'highlights', 'stakeholders', 'snippets', 'outbox', 'meta'],
    'readwrite',
    {
      durability: 'relaxed',
    },
  );
  const [cursor, outbox] = await Promise.all([
    tx.objectStore('meta').get('cursor') as Promise<number | undefined>,
    tx.objectStore('outbox').getAll(),
  ]);
  if ((cursor ?? 0) !== since) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new SyncError({ reason: 'server', detail: `the pull's cursor moved (${since} → ${cursor})` });
  }
  // Changes of this browser not yet sent (usually none): re-applied on top of what the server says.
  const pending = new Map<string, PendingMutation[]>();
  for (const { mutation } of outbox) {
    pending.set(mutation.objectId, [...(pending.get(mutation.objectId) ?? []), mutation]);
  }
  const kept = page.changes.filter((c) => isKeptKind(c.kind));
  const locals = await Promise.all(
    kept.map((c) =>
      fresh && !c.deleted ? undefined : tx.objectStore(storeOfKind[c.kind as KeptKind]).get(c.id),
    ),
  );
  // Writes go through the plain transaction, without a promise each (a thousand of them per page, measured
  // in bench/initial-sync.ts): a write that fails aborts the transaction, and `tx.done` rejects with it.
  const plain = unwrap(tx);
  const texts = plain.objectStore('practiceTexts');
  // A first sync keeps its practices as one record per page, spread into the practices store after the run
  // (store/pulled-pages.ts, sync-engine.ts): a thousand separate records per page were most of a first sync's
  // time.
  const paged: PulledPage | null = fresh ? { practices: [], deleted: [] } : null;
  // Whether the page keeps its practices exactly as the answer has them (nearly always): then the answer's
  // text is what is stored and sent to open pages (store/pulled-pages.ts: pagedFrom reads them out of it).
  // A page with a contact is kept as objects: the answer's text would hold the contact's personal data in a
  // second place, beyond the reach of an erasure (the contacts store is where erasure finds it).
  let asSent = !kept.some((c) => c.kind === 'stakeholder');
  kept.forEach((change, i) => {
    const kind = change.kind as KeptKind;
    const store = plain.objectStore(storeOfKind[kind]);
    const local = locals[i];
    // A copy already newer than this change (a push answered meanwhile) stays as it is.
    if (local && local.version > change.version) {
      if (kind === 'practice') asSent = false;
      return;
    }
    if (change.deleted) {
      // What stays of a deleted or erased object is its envelope: no personal data survives here. A practice
      // an earlier page of this first sync listed is still in its page: the spread leaves the envelope.
      if (kind === 'practice' && paged) {
        paged.deleted.push({ id: change.id, deletedAt: change.deletedAt, version: change.version });
      } else if (local) store.put(tombstoneOf(local, change.deletedAt, change.version));
      // A deleted practice's text is gone, and marked so: a backfill page fetched earlier cannot restore it.
      if (kind === 'practice') texts.put({ id: change.id, contentMarkdown: null } satisfies PracticeText);
      return;
    }
    const unsent = pending.get(change.id);
    // A first sync's practice pulled without its text, with no local change on top (nearly all of them): kept
    // as it came, not copied (the page is stored as it is, and the answer is not used after this).
    if (paged && !unsent && kind === 'practice' && !('contentMarkdown' in change.object)) {
      paged.practices.push(change.object as PagedPractice);
      return;
    }
    let object: Record<string, unknown> = { ...change.object };
    for (const m of unsent ?? []) object = applyPending(kind, object, m);
    if (kind === 'practice') {
      asSent = false;
      const { contentMarkdown, ...practice } = object as Partial<Practice> &
        Omit<Practice, 'contentMarkdown'>;
      if (paged) paged.practices.push(practice);
      else store.put(storedPractice(practice));
      // Pulled without its text (omit=; an unsent local creation would have put its own back): no record
      // until the backfill brings it.
      if (typeof contentMarkdown === 'string')
        texts.put({ id: change.id, contentMarkdown } satisfies PracticeText);
    } else {
      store.put(object);
    }
  });
  const pageKept = paged !== null && (paged.practices.length > 0 || paged.deleted.length > 0);
  const record: PulledPageRecord | null = pageKept ? (asSent ? { answer: text } : paged) : null;
  if (record) plain.objectStore('pulledPages').put(record, page.version);
  plain.objectStore('meta').put(page.version, 'cursor');
  if (omitted && page.version > since) {
    const range = (await tx.objectStore('meta').get(contentBackfillKey)) as ContentBackfill | undefined;
    const backfill: ContentBackfill = { from: range?.from ?? since, through: page.version };
    plain.objectStore('meta').put(backfill, contentBackfillKey);
  }
  await tx.done;
  return record ? { key: page.version, page: record } : null;
}
