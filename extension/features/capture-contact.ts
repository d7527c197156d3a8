// "Add selection as contact": reads the selected contact block of a tab (on the member's gesture, through
// the on-demand contact content script) with the connected city's country for phone numbers, and hands the
// drafts to the side panel's contact form. Nothing is saved until the member confirms there.
import { browser } from 'wxt/browser';
import { contactCountryGlobal } from '../lib/contacts/country-handoff.ts';
import type { PageContacts } from '../lib/contacts/page-contacts.ts';
import { getConnection } from '../sync/connection.ts';

export type CaptureContactReply =
  | { ok: true; page: PageContacts }
  | { ok: false; reason: 'restricted' | 'failed'; detail: string };

export async function captureContact(tabId: number): Promise<CaptureContactReply> {
  const country = (await getConnection())?.cityCountry ?? null;
  try {
    if (country) {
      await browser.scripting.executeScript({
        target: { tabId },
        func: (name: string, value: string) => {
          (globalThis as Record<string, unknown>)[name] = value;
        },
        args: [contactCountryGlobal, country],
      });
    }
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/content-scripts/contact.js'],
    });
    const page = first?.result as PageContacts | undefined;
    if (!page) return { ok: false, reason: 'failed', detail: 'the page returned nothing' };
    return { ok: true, page };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: /cannot (access|be scripted)|permission|Missing host/i.test(detail) ? 'restricted' : 'failed',
      detail,
    };
  }
}
