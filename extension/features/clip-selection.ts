// Clip a selection: the selected passage becomes a highlight of the page's practice (created on the spot if
// the page is not in the library yet), anchored with W3C TextQuote + TextPosition selectors.
import { browser } from 'wxt/browser';
import type { ClipSelectionReply } from '../lib/messages.ts';
import { addHighlight } from '../store/highlights.ts';
import { createPractice, findPracticeByUrl } from '../store/practices.ts';
import { extractTab } from './extract-tab.ts';
import { refreshMark } from './toolbar-mark.ts';

export async function clipSelection(tabId: number): Promise<ClipSelectionReply> {
  const tab = await browser.tabs.get(tabId);
  const outcome = await extractTab(tabId, tab.url);
  if (!outcome.ok) return { ok: false, reason: outcome.reason, detail: outcome.detail };
  const { page } = outcome;
  if (!page.selection) return { ok: false, reason: 'no-selection' };
  const existing = await findPracticeByUrl(tab.url, page.metadata.url, page.metadata.canonicalUrl);
  const practice =
    existing ??
    (await createPractice({
      ...page.metadata,
      contentMarkdown: page.contentMarkdown,
      extraction: page.extraction,
      areas: [],
      tags: [],
      note: '',
    }));
  const highlight = await addHighlight(practice.id, {
    pageUrl: page.metadata.url,
    quote: page.selection.quote,
    position: page.selection.position,
  });
  await refreshMark(tabId, tab.url);
  return {
    ok: true,
    practiceId: practice.id,
    highlightId: highlight.id,
    title: practice.title,
    createdPractice: !existing,
  };
}
