// Signing in to the web dashboard through the real app: personal access token and one-time links (single
// use, 15 minutes), the session cookie's flags and stored hash, CSRF refusal, `next=` kept and never an open
// redirect, expiry that keeps the place, sign out, and disabled members.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands.ts';
import { createApp } from '../../server/app.ts';
import { hashToken } from '../../server/auth/token-secret.ts';
import { members, signInLinks, webSessions } from '../../server/db/schema/index.ts';
import { bootstrapFirstCity, bootstrapMessage } from '../../server/tenancy/bootstrap.ts';
import { safeNextPath } from '../../server/web/next-path.ts';
import { fileBackend } from './support/backend.ts';
import { freshFileDb } from './support/fresh-db.ts';
import { makeWorld } from './support/world.ts';
import { cookieValue, origin, page, postForm, setCookies, signIn } from './web-helpers.ts';

const day = 24 * 60 * 60 * 1000;

describe('sign in with a personal access token', () => {
  it('creates a session: HttpOnly, SameSite=Lax, Path=/web cookie whose secret is stored only as a hash', async () => {
    const w = await makeWorld(fileBackend);
    const answer = await postForm(w, '/web/sign-in', { token: w.a.contributor.token, next: '/web/coverage' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('Location')).toBe('/web/coverage');
    const line = setCookies(answer.headers).get('icc_session')!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\/web(;|$)/);
    expect(line).toMatch(/Max-Age=604800/);
    expect(line).not.toMatch(/Secure/i);
    const secret = cookieValue(line);
    const rows = await w.db.select().from(webSessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).toBe(await hashToken(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]!.memberId).toBe(w.a.contributor.member.id);

    const coverage = await page(w, '/web/coverage', `icc_session=${secret}`);
    expect(coverage.status).toBe(200);
    expect(coverage.text).toContain('Lyon Contributor');
  });

  it('marks the cookie Secure over HTTPS', async () => {
    const w = await makeWorld(fileBackend);
    const res = await w.app.request('https://clipper.example.org/web/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://clipper.example.org' },
      body: new URLSearchParams({ token: w.a.viewer.token }).toString(),
    });
    expect(res.status).toBe(303);
    expect(setCookies(res.headers).get('icc_session')).toMatch(/;\s*Secure/i);
  });

  it('refuses an unknown or revoked token with a message and no session', async () => {
    const w = await makeWorld(fileBackend);
    const bad = await postForm(w, '/web/sign-in', { token: 'icc_not-a-real-token' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('This token is not valid');
    expect(setCookies(bad.headers).has('icc_session')).toBe(false);

    const revoked = await w.call('DELETE', `/api/tokens/${w.a.viewer.tokenId}`, { token: w.a.viewer.token });
    expect(revoked.status).toBe(200);
    const after = await postForm(w, '/web/sign-in', { token: w.a.viewer.token });
    expect(after.status).toBe(400);
    expect(await w.db.select().from(webSessions)).toHaveLength(0);
  });

  it('refuses a form posted from another site, or without saying where it comes from (CSRF)', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.coordinator.token;
    const refused: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      {},
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of refused) {
      const answer = await postForm(w, '/web/sign-in', { token }, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.text).toContain('was not sent from this site');
    }
    expect(await w.db.select().from(webSessions)).toHaveLength(0);
    const sameSite = await postForm(w, '/web/sign-in', { token }, { 'Sec-Fetch-Site': 'same-origin' });
    expect(sameSite.status).toBe(303);
  });
});

describe('next= after sign-in', () => {
  it('goes back to the page the browser wanted, with its query', async () => {
    const w = await makeWorld(fileBackend);
    const wanted = '/web?q=welcome&areas=education&page=2';
    const first = await page(w, wanted);
    expect(first.status).toBe(302);
    const location = new URL(first.headers.get('Location')!, origin);
    expect(location.pathname).toBe('/web/sign-in');
    expect(location.searchParams.get('next')).toBe(wanted);
    const form = await page(w, `${location.pathname}${location.search}`);
    expect(form.text).toContain(`value="${wanted.replace(/&/g, '&amp;')}"`);
    const answer = await postForm(w, '/web/sign-in', { token: w.a.viewer.token, next: wanted });
    expect(answer.headers.get('Location')).toBe(wanted);
    const cookie = `icc_session=${cookieValue(setCookies(answer.headers).get('icc_session'))}`;
    const again = await page(w, `${location.pathname}${location.search}`, cookie);
    expect(again.status).toBe(303);
    expect(again.headers.get('Location')).toBe(wanted);
  });

  it('never sends the browser off this site or out of /web', async () => {
    const w = await makeWorld(fileBackend);
    const hostile = [
      'https://evil.example/web',
      '//evil.example/web',
      '/\\evil.example',
      '/web/../api/me',
      '/api/me',
      'javascript:alert(1)',
      '/web\n/x',
      '/webfoo',
      '/web/sign-in',
    ];
    for (const next of hostile) {
      expect(safeNextPath(next), next).toBe('/web');
      const answer = await postForm(w, '/web/sign-in', { token: w.a.viewer.token, next });
      expect(answer.headers.get('Location'), next).toBe('/web');
    }
    expect(safeNextPath('/web/practices/x?y=1')).toBe('/web/practices/x?y=1');
  });
});

describe('session lifetime', () => {
  it('an expired session asks to sign in again and keeps the place; use slides the expiry', async () => {
    const w = await makeWorld(fileBackend);
    const cookie = await signIn(w, w.a.coordinator.token);
    w.clock.now += 6 * day;
    expect((await page(w, '/web/coverage', cookie)).status).toBe(200);
    w.clock.now += 6 * day; // 12 days after sign-in, 6 after the last visit: still signed in
    const sliding = await page(w, '/web/coverage', cookie);
    expect(sliding.status).toBe(200);
    w.clock.now += 8 * day;
    const expired = await page(w, '/web/activity?from=2025-01-01', cookie);
    expect(expired.status).toBe(302);
    const location = new URL(expired.headers.get('Location')!, origin);
    expect(location.searchParams.get('next')).toBe('/web/activity?from=2025-01-01');
    expect(location.searchParams.get('expired')).toBe('1');
    const signInPage = await page(w, `${location.pathname}${location.search}`);
    expect(signInPage.text).toContain('Your session has ended');
  });

  it('sign out ends the session', async () => {
    const w = await makeWorld(fileBackend);
    const cookie = await signIn(w, w.a.viewer.token);
    const refused = await w.app.request('/web/sign-out', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    const out = await w.app.request('/web/sign-out', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: origin },
    });
    expect(out.status).toBe(303);
    expect(setCookies(out.headers).get('icc_session')).toMatch(/Max-Age=0/);
    expect(await w.db.select().from(webSessions)).toHaveLength(0);
    expect((await page(w, '/web', cookie)).status).toBe(302);
  });

  it('revoking the access token ends the sessions it opened, pasted or through a link, and no other', async () => {
    const w = await makeWorld(fileBackend);
    const pasted = await signIn(w, w.a.contributor.token);
    const link = await w.call('POST', '/api/web/sign-in-links', { token: w.a.contributor.token, json: {} });
    expect(link.status).toBe(200);
    const unused = await w.call('POST', '/api/web/sign-in-links', { token: w.a.contributor.token, json: {} });
    const url = new URL(link.body.url);
    const used = await page(w, `${url.pathname}${url.search}`);
    const linked = `icc_session=${cookieValue(setCookies(used.headers).get('icc_session'))}`;
    const other = await signIn(w, w.a.coordinator.token);
    for (const cookie of [pasted, linked, other]) expect((await page(w, '/web', cookie)).status).toBe(200);

    const revoked = await w.call('DELETE', `/api/tokens/${w.a.contributor.tokenId}`, {
      token: w.a.contributor.token,
    });
    expect(revoked.status).toBe(200);
    for (const cookie of [pasted, linked]) {
      const answer = await page(w, '/web', cookie);
      expect(answer.status).toBe(302);
      expect(answer.headers.get('Location')).toMatch(/^\/web\/sign-in/);
    }
    expect((await page(w, '/web', other)).status).toBe(200);
    const rows = await w.db.select().from(webSessions);
    expect(rows.map((r) => r.memberId)).toEqual([w.a.coordinator.member.id]);
    // The link asked for with that token and not used yet is spent too.
    const late = new URL(unused.body.url);
    expect((await page(w, `${late.pathname}${late.search}`)).status).toBe(400);
  });

  it("a disabled member's sessions stop working", async () => {
    const w = await makeWorld(fileBackend);
    const cookie = await signIn(w, w.a.contributor.token);
    expect((await page(w, '/web', cookie)).status).toBe(200);
    await w.db
      .update(members)
      .set({ disabledAt: new Date(w.clock.now).toISOString() })
      .where(eq(members.id, w.a.contributor.member.id));
    expect((await page(w, '/web', cookie)).status).toBe(302);
  });
});

describe('one-time sign-in links', () => {
  const requestLink = (w: Awaited<ReturnType<typeof makeWorld>>, token: string, json: unknown = {}) =>
    w.call('POST', '/api/web/sign-in-links', { token, json });

  it('the extension gets a link that signs in once and opens the page asked for', async () => {
    const w = await makeWorld(fileBackend);
    const answer = await requestLink(w, w.a.viewer.token, { next: '/web/coverage' });
    expect(answer.status).toBe(200);
    const url = new URL(answer.body.url);
    expect(url.pathname).toBe('/web/sign-in/link');
    const secret = url.searchParams.get('token')!;
    const [row] = await w.db.select().from(signInLinks);
    expect(row!.hash).toBe(await hashToken(secret));
    expect(row!.memberId).toBe(w.a.viewer.member.id);

    const used = await page(w, `${url.pathname}${url.search}`);
    expect(used.status).toBe(303);
    expect(used.headers.get('Location')).toBe('/web/coverage');
    const cookie = `icc_session=${cookieValue(setCookies(used.headers).get('icc_session'))}`;
    expect((await page(w, '/web/coverage', cookie)).text).toContain('Lyon Viewer');

    const again = await page(w, `${url.pathname}${url.search}`);
    expect(again.status).toBe(400);
    expect(again.text).toContain('is not valid any more');
    expect(setCookies(again.headers).has('icc_session')).toBe(false);
  });

  it('expires after 15 minutes', async () => {
    const w = await makeWorld(fileBackend);
    const answer = await requestLink(w, w.b.coordinator.token);
    const url = new URL(answer.body.url);
    w.clock.now += 15 * 60 * 1000 + 1;
    const late = await page(w, `${url.pathname}${url.search}`);
    expect(late.status).toBe(400);
  });

  it('needs a token, and refuses a next outside /web', async () => {
    const w = await makeWorld(fileBackend);
    expect((await w.call('POST', '/api/web/sign-in-links', { json: {} })).status).toBe(401);
    const bad = await requestLink(w, w.a.viewer.token, { next: 'https://evil.example/' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^next:/);
  });

  /** The link `npm run admin -- sign-in-link` prints for a member. */
  async function adminLink(w: Awaited<ReturnType<typeof makeWorld>>, memberId: string): Promise<URL> {
    const lines: string[] = [];
    await runAdmin(['sign-in-link', '--member', memberId, '--server', 'http://localhost'], {
      db: w.db,
      out: (l) => lines.push(l),
      now: w.clock.now,
      server: 'http://127.0.0.1:8787',
    });
    const link = lines.join('\n').match(/http:\/\/localhost\/web\/sign-in\/link\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    return new URL(link!);
  }

  it('the admin CLI prints a link for a member', async () => {
    const w = await makeWorld(fileBackend);
    const url = await adminLink(w, w.a.coordinator.member.id);
    // Opening it asks first, and spends nothing: a mail scanner fetching it leaves it usable.
    for (let i = 0; i < 2; i++) {
      const asked = await page(w, `${url.pathname}${url.search}`);
      expect(asked.status).toBe(200);
      expect(asked.text).toContain('as Lyon Coordinator');
      expect(asked.text).toContain('Continue as Lyon Coordinator');
      expect(setCookies(asked.headers).has('icc_session')).toBe(false);
      expect(asked.headers.get('Cache-Control')).toBe('no-store');
    }
    const secret = url.searchParams.get('token')!;
    // The button posts it; from another site it is refused and the link stays unused.
    const forged = await postForm(
      w,
      '/web/sign-in/link',
      { token: secret },
      { Origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    const used = await postForm(w, '/web/sign-in/link', { token: secret, next: '/web/coverage' });
    expect(used.status).toBe(303);
    expect(used.headers.get('Location')).toBe('/web/coverage');
    const cookie = `icc_session=${cookieValue(setCookies(used.headers).get('icc_session'))}`;
    expect((await page(w, '/web/coverage', cookie)).text).toContain('Lyon Coordinator');
    // Once only.
    expect((await postForm(w, '/web/sign-in/link', { token: secret })).status).toBe(400);
    const after = await page(w, `${url.pathname}${url.search}`);
    expect(after.status).toBe(400);
    expect(after.text).toContain('is not valid any more');
  });

  it('asks in French when the browser prefers French', async () => {
    const w = await makeWorld(fileBackend);
    const url = await adminLink(w, w.a.viewer.member.id);
    const asked = await page(w, `${url.pathname}${url.search}`, undefined, {
      'Accept-Language': 'fr-FR,fr;q=0.9',
    });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Continuer en tant que Lyon Viewer');
  });
});

describe('first start', () => {
  it('prints a dashboard sign-in link for the first coordinator', async () => {
    const { db } = await freshFileDb();
    const first = await bootstrapFirstCity(db, { server: 'http://localhost', now: Date.now() });
    const message = bootstrapMessage(first!);
    const link = message.match(/http:\/\/localhost\/web\/sign-in\/link\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    const app = createApp({ db, log: () => {}, rateLimit: false });
    const url = new URL(link!);
    const asked = await app.request(`${url.pathname}${url.search}`);
    expect(asked.status).toBe(200);
    const res = await app.request('/web/sign-in/link', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
      body: new URLSearchParams({ token: url.searchParams.get('token')! }).toString(),
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const library = await app.request('/web', { headers: { Cookie: cookie } });
    expect(library.status).toBe(200);
    expect(await library.text()).toContain('My city');
  });
});

describe('forms that are not what their content type says', () => {
  it('a multipart content type with a body that is not multipart answers 400 with the form, never 500', async () => {
    const errors: string[] = [];
    const w = await makeWorld(fileBackend, { log: (message) => errors.push(message) });
    for (const path of ['/web/sign-in', '/web/sign-in/link']) {
      for (const contentType of [
        'multipart/form-data; boundary=----x',
        'multipart/form-data',
        'application/x-www-form-urlencoded; charset=nope',
      ]) {
        const res = await w.app.request(path, {
          method: 'POST',
          headers: { 'Content-Type': contentType, Origin: origin },
          body: 'token=icc_abc&next=/web',
        });
        const label = `${path} ${contentType}`;
        if (contentType.startsWith('multipart')) {
          expect(res.status, label).toBe(400);
          expect(await res.text(), label).toContain('This form could not be read');
        } else expect(res.status, label).toBeLessThan(500);
      }
    }
    expect(errors.filter((e) => e.startsWith('unhandled'))).toEqual([]);
  });
});
