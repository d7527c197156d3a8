import '../lib/zod-config.ts';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { captureContact } from '../features/capture-contact.ts';
import { clipSelection } from '../features/clip-selection.ts';
import {
  addContactMenuId,
  clipSelectionMenuId,
  registerContextMenus,
  translateSelectionMenuId,
} from '../features/context-menus.ts';
import { routeRequest } from '../features/message-router.ts';
import { openSidePanel } from '../features/open-side-panel.ts';
import { postSidePanelNotice } from '../features/side-panel-notice.ts';
import { scheduleSync, syncSoon } from '../features/sync-schedule.ts';
import { refreshAllMarks, watchTabsForMark } from '../features/toolbar-mark.ts';
import { translateSelection } from '../features/translate-selection.ts';
import { onLibraryChange } from '../store/library-events.ts';
import { pagesSpread } from '../sync/sync-engine.ts';

// Thin wiring only: every listener is registered synchronously so it survives service-worker restarts.
export default defineBackground(() => {
  registerContextMenus();
  watchTabsForMark();
  onLibraryChange((change) => {
    // After a first sync (its pull pages named), the marks wait for the pages to be spread: looking tabs up by
    // address would spread them at once, while the side panel is still drawing the library.
    void (change.pages?.length ? pagesSpread() : Promise.resolve()).then(refreshAllMarks);
    syncSoon();
  });
  scheduleSync();

  const clipSelectionFromGesture = (tabId: number, windowId: number | undefined) => {
    openSidePanel({ tabId, windowId }); // synchronously, while the gesture is live
    void clipSelection(tabId)
      .catch((error: unknown) => ({ ok: false as const, reason: 'failed' as const, detail: String(error) }))
      .then((reply) => postSidePanelNotice({ reply }));
  };
  const captureContactFromGesture = (tabId: number, windowId: number | undefined) => {
    openSidePanel({ tabId, windowId });
    void captureContact(tabId).then((contact) => postSidePanelNotice({ contact }));
  };

  const translateSelectionFromGesture = (tabId: number, windowId: number | undefined, text?: string) => {
    openSidePanel({ tabId, windowId });
    void translateSelection(tabId, text);
  };

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === clipSelectionMenuId) clipSelectionFromGesture(tab.id, tab.windowId);
    if (info.menuItemId === addContactMenuId) captureContactFromGesture(tab.id, tab.windowId);
    if (info.menuItemId === translateSelectionMenuId)
      translateSelectionFromGesture(tab.id, tab.windowId, info.selectionText);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'clip-selection' && tab?.id !== undefined) clipSelectionFromGesture(tab.id, tab.windowId);
    if (command === 'open-library') openSidePanel({ tabId: tab?.id, windowId: tab?.windowId });
    if (command === 'capture-contact' && tab?.id !== undefined)
      captureContactFromGesture(tab.id, tab.windowId);
    if (command === 'translate-selection' && tab?.id !== undefined)
      translateSelectionFromGesture(tab.id, tab.windowId);
  });
  browser.runtime.onMessage.addListener((message, sender) => routeRequest(message, sender));
});
