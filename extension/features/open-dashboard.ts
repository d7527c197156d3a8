// Opens the city library's web dashboard signed in: asks the server for a one-time sign-in link
// (POST /api/web/sign-in-links, with the member's token, which never leaves the extension) that lands on
// `next` — the library or one practice's page — and opens it in a new tab. Runs in extension pages.
import { browser } from 'wxt/browser';
import { signInLinkResponseSchema } from '../../shared/api/web-sign-in.ts';
import { callApi, type SyncFailure } from '../sync/api-client.ts';
import { callWithConnection } from '../sync/call-with-connection.ts';

export type OpenDashboardResult = { ok: true } | { ok: false; failure: SyncFailure };

/** The dashboard's address of one practice. */
export function practicePath(practiceId: string): string {
  return `/web/practices/${encodeURIComponent(practiceId)}`;
}

export async function openDashboard(next: string): Promise<OpenDashboardResult> {
  const answer = await callWithConnection(async (connection) => {
    const raw = await callApi<unknown>(connection, '/api/web/sign-in-links', {
      method: 'POST',
      body: { next },
    });
    return { link: signInLinkResponseSchema.parse(raw), server: connection.server };
  });
  if ('ok' in answer) return answer;
  // Only ever open the server the member connected to, whatever the answer says.
  const url = sameOrigin(answer.link.url, answer.server) ? answer.link.url : `${answer.server}${next}`;
  await browser.tabs.create({ url });
  return { ok: true };
}

function sameOrigin(url: string, server: string): boolean {
  try {
    return new URL(url).origin === new URL(server).origin;
  } catch {
    return false;
  }
}
