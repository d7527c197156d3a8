// "Already clipped?" on the toolbar icon: a check mark on tabs whose page the library holds.
// Seeing tab addresses needs the optional `tabs` permission, which the member grants once (options page or a
// one-time prompt in the popup). Without it, a tab is marked only after the member clicks the icon on it.
// Nothing is ever injected into pages for this: it compares addresses with the local library only.
//
// The window-wide badge says how sync is doing (sync/sync-status.ts): changes waiting, or "!". A tab's ✓ never
// hides a "!", and a tab without a clipped page holds no text of its own (null, not ''), so it shows the
// window-wide badge instead of a blank one.
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n.ts';
import { findPracticeByUrl } from '../store/practices.ts';
import { needsAttention, readStatus } from '../sync/sync-status.ts';

const markColour = '#1a7f37';
/** A tab's text set to null goes, and the tab shows the window-wide badge: Chrome and Firefox both take it
 * (their documentation), the typings allow only a string. */
const windowWideText = null as unknown as string;

export async function refreshMark(tabId: number, url: string | undefined): Promise<void> {
  const practice = url ? await findPracticeByUrl(url) : undefined;
  const mark = practice && !needsAttention(await readStatus());
  try {
    await browser.action.setBadgeText({ tabId, text: mark ? '✓' : windowWideText });
    if (mark) await browser.action.setBadgeBackgroundColor({ tabId, color: markColour });
    await browser.action.setTitle({ tabId, title: t(practice ? 'actionTitleClipped' : 'actionTitle') });
  } catch {
    // The tab was closed meanwhile: nothing to mark.
  }
}

export async function refreshAllMarks(): Promise<void> {
  // Tabs whose address this extension cannot see (no `tabs` permission) keep whatever mark they have.
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined || !tab.url ? null : refreshMark(tab.id, tab.url))),
  );
}

/** Registered at the top level of the background so the listeners survive service-worker restarts. */
export function watchTabsForMark(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void refreshMark(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs
      .get(tabId)
      .then((tab) => refreshMark(tabId, tab.url))
      .catch(() => {});
  });
}

export const tabsPermission: { permissions: ['tabs'] } = { permissions: ['tabs'] };

export function hasTabsPermission(): Promise<boolean> {
  return browser.permissions.contains(tabsPermission);
}
