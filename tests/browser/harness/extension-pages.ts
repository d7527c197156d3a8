// Driving the extension as a member would, through its own pages: the popup for a given tab, the side
// panel, and the background's requests (the same path the context menu and shortcut take).
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import type { ExtensionBrowser } from './chromium.ts';

// Code passed to page.evaluate runs in the extension's page, where `chrome` is the extension API.
declare const chrome: typeof browser;

/** An extension page kept open to ask the browser things (tab ids, badges) with the extension's rights. */
export async function controlPage(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('options.html'));
  return page;
}

export async function tabIdFor(control: Page, url: string): Promise<number> {
  return control.evaluate(async (target) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      // The newest tab showing that address: earlier tests may have left others open on it.
      const tabs = (await chrome.tabs.query({})).filter((t) => t.url === target && t.id !== undefined);
      const newest = tabs.sort((a, b) => b.id! - a.id!)[0];
      if (newest) return newest.id!;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no tab shows ${target}`);
  }, url);
}

export async function badgeText(control: Page, tabId: number): Promise<string> {
  return control.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function openPopupFor(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(ext.url(`popup.html?tabId=${tabId}`));
  return popup;
}

export async function openSidePanel(ext: ExtensionBrowser): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(ext.url('sidepanel.html'));
  return panel;
}

export async function requestClipSelection(control: Page, tabId: number): Promise<Record<string, unknown>> {
  return control.evaluate((id) => chrome.runtime.sendMessage({ type: 'clip-selection', tabId: id }), tabId);
}

/** Selects the first occurrence of `text` on the page, as a member dragging the mouse would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`text not on page: ${wanted}`);
  }, text);
}
