// Answers the typed requests of extension pages. A request from anything but the extension's own pages
// (a content script, another extension, a web page) is refused without acting on it.
import { browser } from 'wxt/browser';
import { requestSchema } from '../lib/messages.ts';
import { clipSelection } from './clip-selection.ts';
import { refreshMark } from './toolbar-mark.ts';

interface Sender {
  id?: string;
  url?: string;
}

export function isOwnPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

export async function routeRequest(message: unknown, sender: Sender): Promise<unknown> {
  if (!isOwnPage(sender)) return { ok: false, reason: 'refused' };
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: parsed.error.issues[0]?.message };
  const request = parsed.data;
  switch (request.type) {
    case 'clip-selection':
      return clipSelection(request.tabId);
    case 'refresh-mark':
      await refreshMark(request.tabId, request.url);
      return { ok: true };
  }
}
