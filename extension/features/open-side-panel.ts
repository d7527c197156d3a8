// Opens the library beside the page. Must be called synchronously inside the event of a user gesture
// (context-menu click, command, button): both browsers refuse it otherwise.
import { browser } from 'wxt/browser';

interface SidePanelApi {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

export function openSidePanel(target: { tabId?: number; windowId?: number }): void {
  const api = browser as unknown as SidePanelApi;
  if (api.sidePanel?.open) void api.sidePanel.open(target).catch(() => {});
  else if (api.sidebarAction?.open) void api.sidebarAction.open().catch(() => {});
}
