// The right-click menu: "Clip selection to ICC library" on selected text.
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n.ts';

export const clipSelectionMenuId = 'icc-clip-selection';

export function registerContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll(() => {
      browser.contextMenus.create({
        id: clipSelectionMenuId,
        title: t('menuClipSelection'),
        contexts: ['selection'],
      });
    });
  });
}
