// CSRF protection for the dashboard's forms (sign in, sign out): a POST is accepted only when the browser
// says it comes from this site: `Origin` equal to this server's origin (or its public URL), or, when a
// browser sends no Origin, `Sec-Fetch-Site: same-origin`. A request that says neither is refused.
import type { Context } from 'hono';

export function sameOriginPost(c: Context, publicUrl: string | undefined): boolean {
  const origin = c.req.header('Origin');
  if (origin) {
    const allowed = new Set([new URL(c.req.url).origin]);
    if (publicUrl) allowed.add(new URL(publicUrl).origin);
    return allowed.has(origin);
  }
  const site = c.req.header('Sec-Fetch-Site');
  return site === 'same-origin';
}
