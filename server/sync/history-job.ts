// When the app prunes the sync history (prune-history.ts): after a push, at most once per interval (default
// an hour), in the background and bounded per run, so no request waits for it and an idle server does nothing
// (an idle library does not grow). The first run comes one interval after the app starts. No timer: the same
// code runs where a process does not outlive its requests.
import type { Db } from '../db/client.ts';
import type { Logger } from '../on-error.ts';
import { defaultHorizonDays, horizonMsOf, pruneHistory } from './prune-history.ts';

export interface HistoryOptions {
  /** Changes older than this may be forgotten (default 30 days; SYNC_HORIZON_DAYS in main.ts). */
  horizonDays?: number;
  /** Least time between two runs (default one hour). */
  pruneEveryMs?: number;
}

export interface HistoryJob {
  /** Call after a push: starts a run if the interval has passed and none is running. */
  nudge(): void;
  /** The run in progress, if any (tests wait for it). */
  running(): Promise<void> | undefined;
}

export function historyJob(
  db: Db,
  clock: () => number,
  log: Logger,
  options: HistoryOptions = {},
): HistoryJob {
  const horizonMs = horizonMsOf(options.horizonDays ?? defaultHorizonDays);
  const everyMs = options.pruneEveryMs ?? 60 * 60 * 1000;
  let last = clock();
  let current: Promise<void> | undefined;
  return {
    nudge() {
      const now = clock();
      if (current || now - last < everyMs) return;
      last = now;
      current = pruneHistory(db, { nowMs: now, horizonMs })
        .then(
          () => {},
          (error) => log('Sync history: pruning failed', error),
        )
        .finally(() => {
          current = undefined;
        });
    },
    running: () => current,
  };
}
