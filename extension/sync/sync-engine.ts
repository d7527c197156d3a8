// The sync client, run by the background: push the outbox, then pull what changed, then refresh names and
// the conflict count. One run at a time; failures back off exponentially with jitter (or as long as a 429's
// Retry-After says) and a revoked token stops syncing until the member reconnects — local data stays.
// Half a second after a successful run, page texts a metadata-first first sync left out are fetched in the
// background (content-backfill.ts): the run, and the status, are done once the library can be listed.

import { announceLibraryChange } from '../store/library-events.ts';
import { pendingCount } from '../store/outbox.ts';
import { spreadPulledPages } from '../store/pulled-pages.ts';
import { SyncError } from './api-client.ts';
import { openConflicts } from './conflicts.ts';
import { getConnection } from './connection.ts';
import { backfillContent } from './content-backfill.ts';
import { refreshDirectory } from './member-directory.ts';
import { pullChanges } from './pull-changes.ts';
import { pushOutbox } from './push-outbox.ts';
import { readStatus, type SyncStatus, writeStatus } from './sync-status.ts';

const baseDelayMs = 2_000;
const maxDelayMs = 15 * 60_000;
/** How long after a run its background work (spreading pulled pages, then fetching page texts) starts. */
const backgroundWorkDelayMs = 500;

let running: Promise<SyncStatus> | null = null;
let queued: Promise<SyncStatus> | null = null;
let failures = 0;
/** The background work the last successful run started: over (done or failed) once this resolves. */
let background: Promise<void> = Promise.resolve();
/** Its first part: the pull pages spread into the practices store. */
let spread: Promise<void> = Promise.resolve();

/** Resolves once the background work of the last successful run is over (tests wait for it). */
export function backgroundWork(): Promise<void> {
  return background;
}

/**
 * Resolves once the last successful run's pull pages are spread (done or failed): what looks practices up by
 * address after a first sync waits for it, rather than spread them at once itself (pulled-pages.ts).
 */
export function pagesSpread(): Promise<void> {
  return spread;
}

/** Exponential backoff with full jitter in its upper half: 2 s, 4 s, 8 s … up to 15 min. */
export function backoffDelay(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random / 2));
}

/**
 * Runs a sync, one at a time. Asked while one is running, it runs once more after it (however many ask), so
 * whoever asks gets a sync that started after the request: a change made meanwhile is never left behind.
 */
export function syncNow(): Promise<SyncStatus> {
  if (!running) {
    running = runOnce().finally(() => {
      running = null;
    });
    return running;
  }
  const next = () => {
    queued = null;
    return syncNow();
  };
  queued ??= running.then(next, next);
  return queued;
}

async function runOnce(): Promise<SyncStatus> {
  const before = await readStatus();
  const connection = await getConnection();
  const pending = await pendingCount();
  if (!connection) {
    const local: SyncStatus = { ...before, phase: 'local', pending, failure: null, retryAt: null };
    await writeStatus(local);
    return local;
  }
  await writeStatus({ ...before, phase: 'syncing', pending });
  let untoldIds: string[] = [];
  let pulledPages: number[] = [];
  try {
    await pushOutbox(connection);
    // The open conflicts do not depend on the pull: asked for while it runs (a first sync's pull is seconds).
    const conflicting = openConflicts(connection);
    conflicting.catch(() => {}); // awaited below; a failure meanwhile must not go unhandled
    const pulled = await pullChanges(connection);
    untoldIds = pulled.untold;
    pulledPages = pulled.pages;
    await refreshDirectory(connection, pulled.authors);
    const conflicts = (await conflicting).length;
    failures = 0;
    const done: SyncStatus = {
      phase: 'idle',
      pending: await pendingCount(),
      conflicts,
      lastSyncedAt: new Date().toISOString(),
      failure: null,
      retryAt: null,
    };
    await writeStatus(done);
    // Not awaited: a first sync's pages are spread into the practices store (lookups by id and address are
    // quicker there), then the page texts follow; a failure leaves either for the next run (every run starts
    // them again if needed). A moment later, not at once: the side panel is still merging the last pages
    // and drawing the list, and the spread (10,000 writes after a big first sync) competed with it
    // (bench/initial-sync.ts, 7 alternating runs: the list complete a median 100 ms after the run's end
    // instead of 275 ms). The toolbar marks wait for the spread too (pagesSpread).
    const ignore = () => {};
    spread = new Promise<void>((resolve) => setTimeout(resolve, backgroundWorkDelayMs))
      .then(() => spreadPulledPages())
      .then(ignore, ignore);
    background = spread.then(() => backfillContent(connection)).then(ignore, ignore);
    return done;
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    failures++;
    const { failure } = error;
    const retryAt =
      failure.reason === 'unauthorized'
        ? null
        : Date.now() + (failure.reason === 'rate-limited' ? failure.retryAfterMs : backoffDelay(failures));
    const failed: SyncStatus = {
      ...before,
      phase: failure.reason === 'unreachable' ? 'offline' : 'error',
      pending: await pendingCount(),
      failure,
      retryAt,
    };
    await writeStatus(failed);
    return failed;
  } finally {
    // Open pages reload the library once this run is over, not as soon as the pull is: after a first sync
    // the side panel reads back 10,000 practices, and this run's last IndexedDB reads and writes (status,
    // names) would queue behind that read (bench/initial-sync.ts: seconds).
    if (untoldIds.length || pulledPages.length)
      announceLibraryChange({ kind: 'practice', ids: untoldIds, pages: pulledPages });
  }
}
