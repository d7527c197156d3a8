// The one-time offer, after a first save, to mark already-clipped pages on the toolbar icon (which needs the
// optional `tabs` permission). Asked once; the options page can change it any time.
import { browser } from 'wxt/browser';
import { hasTabsPermission, tabsPermission } from './toolbar-mark.ts';

const dismissedKey = 'markPromptDismissed';

export async function shouldOfferMark(): Promise<boolean> {
  if (await hasTabsPermission()) return false;
  return !(await browser.storage.local.get(dismissedKey))[dismissedKey];
}

export async function dismissMarkOffer(): Promise<void> {
  await browser.storage.local.set({ [dismissedKey]: true });
}

/** Must run inside a click handler: the browser shows its own permission prompt. */
export async function requestMarkPermission(): Promise<boolean> {
  const granted: boolean = await browser.permissions.request(tabsPermission);
  await dismissMarkOffer();
  return granted;
}
