// What the side panel should show when the background opens it (after a context-menu or shortcut clip):
// a notice and the practice to focus. Kept in storage.session: it outlives the service worker but not the
// browser session, and content scripts cannot read it.
import { browser } from 'wxt/browser';
import type { ClipSelectionReply } from '../lib/messages.ts';
import type { CaptureContactReply } from './capture-contact.ts';

export interface SidePanelNotice {
  /** A selection clipped as a highlight, or why not. */
  reply?: ClipSelectionReply;
  /** A contact block read for the contact form, or why not. */
  contact?: CaptureContactReply;
  at: number;
}

const key = 'sidePanelNotice';

export async function postSidePanelNotice(notice: Omit<SidePanelNotice, 'at'>): Promise<void> {
  await browser.storage.session.set({ [key]: { ...notice, at: Date.now() } satisfies SidePanelNotice });
}

export async function takeSidePanelNotice(): Promise<SidePanelNotice | null> {
  const stored = (await browser.storage.session.get(key))[key] as SidePanelNotice | undefined;
  if (!stored) return null;
  await browser.storage.session.remove(key);
  // A notice older than a minute is stale: the member has moved on.
  return Date.now() - stored.at < 60_000 ? stored : null;
}

export function onSidePanelNotice(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && key in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
