// Which tab an extension page acts on: the active tab of the current window, or the tab named in the page's
// query (`?tabId=`), which is how the background opens a page for a given tab and how tests drive the popup.
import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
  url: string | undefined;
  title: string | undefined;
}

export async function targetTab(search = location.search): Promise<TargetTab | null> {
  const requested = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(requested) && requested > 0) {
    const tab = await browser.tabs.get(requested).catch(() => undefined);
    if (tab?.id !== undefined) return { id: tab.id, url: tab.url, title: tab.title };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url, title: tab.title } : null;
}
