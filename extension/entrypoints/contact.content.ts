// Contact prefill in the member's tab, injected on demand (never declared in the manifest) by whoever opens
// the contact form (side panel "Contacts" tab, context menu "Add selection as contact").
//
// Contract. WXT runtime content scripts take no arguments, so the caller passes the city's country in a
// global of the extension's isolated world, with a first injection, then runs this file:
//
//   import { contactCountryGlobal } from '../lib/contacts/country-handoff.ts';
//   import type { PageContacts } from '../lib/contacts/page-contacts.ts';
//   await browser.scripting.executeScript({
//     target: { tabId },
//     // `func` is serialised: it sees only its arguments, so the global's name is passed too.
//     func: (name: string, country: string) => { (globalThis as Record<string, unknown>)[name] = country; },
//     args: [contactCountryGlobal, city.country], // ISO 3166-1 alpha-2, e.g. 'IT' (icc-taxonomy.json)
//   });
//   const [first] = await browser.scripting.executeScript({
//     target: { tabId },
//     files: ['/content-scripts/contact.js'],
//   });
//   const contacts = first?.result as PageContacts;
//
// The script reads and deletes that global (so a later run never sees a stale country); without it, the
// country comes from the page's domain or language (`countryOrigin` says which). It reads the selection
// once, fetches same-origin .vcf links near it (3 s each), and resolves to plain data: the drafts, the
// country used, the selection text and the vCard links. It adds no listeners and leaves nothing in the page.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { takeCallerCountry } from '../lib/contacts/country-handoff.ts';
import { readPageContacts } from '../lib/contacts/page-contacts.ts';

export default defineContentScript({
  registration: 'runtime',
  // WXT otherwise announces every content script to the page with window.postMessage; the page has no
  // business knowing we read it (https://github.com/wxt-dev/wxt/pull/2035).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    try {
      return await readPageContacts(document, { url: location.href, country: takeCallerCountry() });
    } finally {
      // WXT's context keeps a document listener (to stop older copies of this script) until it is ended.
      ctx.abort('contact prefill done');
    }
  },
});
