// The right-click menu on selected text: "Clip selection to ICC library", "Add selection as contact" and
// "Translate selection".
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n.ts';

export const clipSelectionMenuId = 'icc-clip-selection';
export const addContactMenuId = 'icc-add-contact';
export const translateSelectionMenuId = 'icc-translate-selection';

export function registerContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll(() => {
      browser.contextMenus.create({
        id: clipSelectionMenuId,
        title: t('menuClipSelection'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: addContactMenuId,
        title: t('menuAddContact'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: translateSelectionMenuId,
        title: t('menuTranslateSelection'),
        contexts: ['selection'],
      });
    });
  });
}
