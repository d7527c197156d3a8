// When the background syncs: shortly after a local change (debounced), every minute by alarm, at start-up,
// when the network comes back, and when a page asks. A run that failed waits for its retry time.
import { browser } from 'wxt/browser';
import { pendingCount } from '../store/outbox.ts';
import { syncNow } from '../sync/sync-engine.ts';
import { readStatus } from '../sync/sync-status.ts';

const alarmName = 'icc-sync';
const debounceMs = 1_500;
let timer: ReturnType<typeof setTimeout> | undefined;

/** After a local change: sync soon, once, however many changes come in meanwhile. */
export function syncSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void pendingCount().then((n) => (n > 0 ? syncWhenDue() : undefined));
  }, debounceMs);
}

/** Syncs unless a failed run asked to wait (backoff, Retry-After) or the token was refused. */
export async function syncWhenDue(): Promise<void> {
  const status = await readStatus();
  if (status.failure?.reason === 'unauthorized') return;
  if (status.retryAt && Date.now() < status.retryAt) {
    clearTimeout(timer);
    timer = setTimeout(() => void syncWhenDue(), status.retryAt - Date.now());
    return;
  }
  const after = await syncNow();
  if (after.retryAt && after.retryAt - Date.now() < 60_000) {
    clearTimeout(timer);
    timer = setTimeout(() => void syncWhenDue(), Math.max(0, after.retryAt - Date.now()));
  }
}

/** Registered at the top level of the background. */
export function scheduleSync(): void {
  void browser.alarms.create(alarmName, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === alarmName) void syncWhenDue();
  });
  browser.runtime.onStartup.addListener(() => void syncWhenDue());
  self.addEventListener('online', () => void syncNow());
  void syncWhenDue();
}
