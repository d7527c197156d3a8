// Fetches the vCard files a page links to, for the contact content script. Same-origin links only: the page's
// own site serves them with the member's own cookies, and nothing is asked of any other server on the
// member's behalf. Each fetch has a deadline and a size cap, and a failure costs that file only.
import type { VcardFile } from './prefill.ts';

export const vcardFetchTimeoutMs = 3000;
/** A vCard of one person is a few hundred bytes; a staff directory export, a few hundred kilobytes. */
export const maxVcardBytes = 512 * 1024;

function sameOrigin(url: string, pageUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(pageUrl).origin;
  } catch {
    return false;
  }
}

async function fetchOne(url: string, fetcher: typeof fetch, timeoutMs: number): Promise<VcardFile | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(url, {
      signal: controller.signal,
      credentials: 'same-origin',
      redirect: 'error',
    });
    if (!response.ok) return null;
    const text = await response.text();
    return text.length <= maxVcardBytes && /BEGIN:VCARD/i.test(text) ? { url, text } : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchSameOriginVcards(
  urls: readonly string[],
  pageUrl: string,
  options: { fetcher?: typeof fetch; timeoutMs?: number; limit?: number } = {},
): Promise<VcardFile[]> {
  const { fetcher = fetch, timeoutMs = vcardFetchTimeoutMs, limit = 10 } = options;
  const wanted = urls.filter((url) => sameOrigin(url, pageUrl)).slice(0, limit);
  const files = await Promise.all(wanted.map((url) => fetchOne(url, fetcher, timeoutMs)));
  return files.filter((file): file is VcardFile => file !== null);
}
