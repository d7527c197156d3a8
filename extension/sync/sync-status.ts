// What the member is told about sync, kept in IndexedDB (it outlives the service worker) and announced to
// open pages. The toolbar badge shows it too: a count of changes waiting, or "!" when something needs them.
import { browser } from 'wxt/browser';
import { refreshAllMarks } from '../features/toolbar-mark.ts';
import { openLibrary } from '../store/db.ts';
import type { SyncFailure } from './api-client.ts';

export interface SyncStatus {
  /** local: not connected to a city library; idle: nothing under way; offline: server unreachable. */
  phase: 'local' | 'idle' | 'syncing' | 'offline' | 'error';
  pending: number;
  conflicts: number;
  lastSyncedAt: string | null;
  failure: SyncFailure | null;
  retryAt: number | null;
}

export const initialStatus: SyncStatus = {
  phase: 'local',
  pending: 0,
  conflicts: 0,
  lastSyncedAt: null,
  failure: null,
  retryAt: null,
};

const channelName = 'icc-sync-status';

export async function readStatus(): Promise<SyncStatus> {
  return {
    ...initialStatus,
    ...((await (await openLibrary()).get('meta', 'syncStatus')) as SyncStatus | undefined),
  };
}

export async function writeStatus(next: SyncStatus): Promise<void> {
  await (await openLibrary()).put('meta', next, 'syncStatus');
  const channel = new BroadcastChannel(channelName);
  channel.postMessage(next);
  channel.close();
  await showOnBadge(next);
}

export function onStatusChange(listener: (status: SyncStatus) => void): () => void {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<SyncStatus>) => listener(event.data);
  return () => channel.close();
}

/** Whether the member should look at sync: the server is unreachable or something failed ("!"). */
export const needsAttention = (status: SyncStatus) => status.phase === 'error' || status.phase === 'offline';

/** What the window-wide badge last said needed attention; a change re-marks the tabs (toolbar-mark.ts). */
let attentionShown: boolean | null = null;

/** The window-wide badge; a tab showing an already-clipped page keeps its own ✓ over it, except over a "!". */
async function showOnBadge(status: SyncStatus): Promise<void> {
  const problem = needsAttention(status);
  const text = problem ? '!' : status.phase !== 'local' && status.pending > 0 ? String(status.pending) : '';
  try {
    await browser.action.setBadgeText({ text });
    if (text) await browser.action.setBadgeBackgroundColor({ color: problem ? '#b42318' : '#8a5a00' });
    if (attentionShown !== null && attentionShown !== problem) {
      // A ✓ steps aside for a "!" and comes back once sync is fine again.
      await refreshAllMarks();
    }
    attentionShown = problem;
  } catch {
    // No action API in this context (a page): the background keeps the badge.
  }
}
