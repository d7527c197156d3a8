// "Translate selection" (context menu, shortcut): reads the selected text of a tab on the member's gesture
// (the menu hands it over; the shortcut reads it with a one-off script under activeTab, no content script is
// left in the page), notes the page and the practice already clipped from it, and hands it all to the side
// panel's Translate tab through storage.session (it outlives the service worker, content scripts cannot read
// it). Nothing is sent anywhere until the member asks for a suggestion.
import { browser } from 'wxt/browser';
import { toWellFormed } from '../../shared/well-formed.ts';
import { findPracticeByUrl } from '../store/practices.ts';

export interface TranslateRequest {
  text: string;
  pageUrl: string | null;
  pageTitle: string | null;
  /** The practice clipped from this page, if there is one. */
  practiceId: string | null;
  at: number;
}

export type TranslateSelectionReply =
  | { ok: true; request: TranslateRequest }
  | { ok: false; reason: 'no-selection' | 'restricted' | 'failed'; detail?: string; at: number };

const key = 'translateRequest';
/** Longer selections are cut here: the translate view is for snippets, not whole pages. */
export const maxSelectionChars = 5000;

/** The selection of a tab, read by a one-off script (needs activeTab from the gesture or host access). */
export async function readSelection(tabId: number): Promise<string> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId, allFrames: false },
    func: () => window.getSelection()?.toString() ?? '',
  });
  return typeof first?.result === 'string' ? first.result : '';
}

/** Builds and posts the request for the side panel; `selectionText` comes from the menu when there is one. */
export async function translateSelection(
  tabId: number,
  selectionText?: string,
): Promise<TranslateSelectionReply> {
  let text = selectionText ?? '';
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!text.trim()) {
    try {
      text = await readSelection(tabId);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const restricted = /cannot (access|be scripted)|permission|Missing host/i.test(detail);
      return post({ ok: false, reason: restricted ? 'restricted' : 'failed', detail, at: Date.now() });
    }
  }
  // Well-formed, as the server requires (issue 15): the page's text may hold a lone surrogate, the cut too.
  text = toWellFormed(text.trim().slice(0, maxSelectionChars));
  if (!text) return post({ ok: false, reason: 'no-selection', at: Date.now() });
  const pageUrl = tab?.url && /^https?:/.test(tab.url) ? tab.url : null;
  const practice = pageUrl ? await findPracticeByUrl(pageUrl) : undefined;
  const request: TranslateRequest = {
    text,
    pageUrl,
    pageTitle: tab?.title ? toWellFormed(tab.title) : null,
    practiceId: practice?.id ?? null,
    at: Date.now(),
  };
  return post({ ok: true, request });
}

async function post(reply: TranslateSelectionReply): Promise<TranslateSelectionReply> {
  await browser.storage.session.set({ [key]: reply });
  return reply;
}

/** The waiting request (or why there is none), once: taken out so a reopened panel does not replay it. */
export async function takeTranslateRequest(): Promise<TranslateSelectionReply | null> {
  const stored = (await browser.storage.session.get(key))[key] as TranslateSelectionReply | undefined;
  if (!stored) return null;
  await browser.storage.session.remove(key);
  const at = stored.ok ? stored.request.at : stored.at;
  return Date.now() - at < 5 * 60_000 ? stored : null;
}

export function onTranslateRequest(listener: () => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[key]?.newValue) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
