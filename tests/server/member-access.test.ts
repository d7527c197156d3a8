// A member's ways in (server/tenancy/member-access.ts), through the real app and the admin CLI: revoking a
// member's last token ends every dashboard session of theirs, those opened with a link the server printed
// too; "sign out everywhere" (API for oneself or, as a coordinator, for anyone of the city; a button on the
// dashboard; the CLI) revokes every token and ends every session; disabling does it for good and re-enabling
// brings nothing back, saying so.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands.ts';
import { members, tokens, webSessions } from '../../server/db/schema/index.ts';
import { issueToken } from '../../server/tenancy/tenancy.ts';
import { fileBackend } from './support/backend.ts';
import { makeWorld, type World } from './support/world.ts';
import { cookieValue, origin, page, postForm, setCookies, signIn } from './web-helpers.ts';

async function admin(w: World, ...argv: string[]): Promise<string> {
  const lines: string[] = [];
  await runAdmin(argv, { db: w.db, out: (l) => lines.push(l), now: w.clock.now, server: 'http://localhost' });
  return lines.join('\n');
}

/** A session opened with the link `npm run admin -- sign-in-link` prints (no token behind it). */
async function printedLinkSession(w: World, memberId: string): Promise<string> {
  const printed = await admin(w, 'sign-in-link', '--member', memberId);
  const url = new URL(printed.match(/http:\/\/localhost\/web\/sign-in\/link\?token=\S+/)![0]);
  const used = await postForm(w, '/web/sign-in/link', { token: url.searchParams.get('token')! });
  expect(used.status).toBe(303);
  return `icc_session=${cookieValue(setCookies(used.headers).get('icc_session'))}`;
}

const signedIn = async (w: World, cookie: string) => (await page(w, '/web', cookie)).status === 200;

describe('revoking tokens', () => {
  it('a session opened with a server-printed link ends with the revocation of the member’s last token', async () => {
    const w = await makeWorld(fileBackend);
    const member = w.a.contributor.member.id;
    const second = await issueToken(w.db, { cityId: w.a.city.id, memberId: member }, w.clock.now);
    const linked = await printedLinkSession(w, member);
    const colleague = await printedLinkSession(w, w.a.viewer.member.id);

    await w.call('DELETE', `/api/tokens/${w.a.contributor.tokenId}`, { token: w.a.coordinator.token });
    // One live token left: the link's session goes on.
    expect(await signedIn(w, linked)).toBe(true);
    // The last one, through the admin CLI this time: the member has no way in left, nor any session.
    expect(await admin(w, 'revoke-token', '--token', second.token.id)).toMatch(/^revoked token/);
    expect(await signedIn(w, linked)).toBe(false);
    expect(await signedIn(w, colleague)).toBe(true);
  });
});

describe('sign out everywhere', () => {
  it('through the API, for oneself: every token revoked, every session ended, at once', async () => {
    const w = await makeWorld(fileBackend);
    const me = w.a.contributor;
    const spare = await issueToken(w.db, { cityId: w.a.city.id, memberId: me.member.id }, w.clock.now);
    const pasted = await signIn(w, me.token);
    const linked = await printedLinkSession(w, me.member.id);
    expect((await w.call('GET', '/api/me', { token: spare.secret })).status).toBe(200); // cached now

    const out = await w.call('POST', `/api/members/${me.member.id}/sign-out-everywhere`, { token: me.token });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ tokensRevoked: 2, sessionsEnded: 2, member: { id: me.member.id } });
    expect(out.body.message).toContain('signed out everywhere');
    for (const token of [me.token, spare.secret]) {
      const res = await w.call('GET', '/api/me', { token });
      expect([res.status, res.body.error.code]).toEqual([401, 'token_revoked']);
    }
    expect(await signedIn(w, pasted)).toBe(false);
    expect(await signedIn(w, linked)).toBe(false);
    expect(await w.db.select().from(webSessions).where(eq(webSessions.memberId, me.member.id))).toEqual([]);
  });

  it('a coordinator signs out any member of the city; nobody else signs out someone else', async () => {
    const w = await makeWorld(fileBackend);
    const viewerSession = await signIn(w, w.a.viewer.token);
    const path = `/api/members/${w.a.viewer.member.id}/sign-out-everywhere`;
    const refused = await w.call('POST', path, { token: w.a.contributor.token });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    const elsewhere = await w.call('POST', path, { token: w.b.coordinator.token });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'not_found']);
    expect(await signedIn(w, viewerSession)).toBe(true);

    const done = await w.call('POST', path, { token: w.a.coordinator.token });
    expect(done.body).toMatchObject({ tokensRevoked: 1, sessionsEnded: 1 });
    expect(await signedIn(w, viewerSession)).toBe(false);
    expect((await w.call('GET', '/api/me', { token: w.a.viewer.token })).status).toBe(401);
    expect((await w.call('GET', '/api/me', { token: w.a.coordinator.token })).status).toBe(200);
  });

  it('from the dashboard: a confirmation page, then a button that ends every session and token', async () => {
    const w = await makeWorld(fileBackend);
    const here = await signIn(w, w.a.coordinator.token);
    const there = await signIn(w, w.a.coordinator.token);
    const home = await page(w, '/web', here);
    expect(home.text).toContain('href="/web/sign-out-everywhere"');
    const asked = await page(w, '/web/sign-out-everywhere', here, { 'Accept-Language': 'fr' });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Se déconnecter partout');
    expect(asked.text).toContain('action="/web/sign-out-everywhere"');

    const forged = await w.app.request('/web/sign-out-everywhere', {
      method: 'POST',
      headers: { Cookie: here, Origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    expect(await signedIn(w, there)).toBe(true);

    const done = await w.app.request('/web/sign-out-everywhere', {
      method: 'POST',
      headers: { Cookie: here, Origin: origin },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('Location')).toBe('/web/sign-in?everywhere=1');
    expect(setCookies(done.headers).get('icc_session')).toMatch(/Max-Age=0/);
    expect(await signedIn(w, here)).toBe(false);
    expect(await signedIn(w, there)).toBe(false);
    expect((await w.call('GET', '/api/me', { token: w.a.coordinator.token })).status).toBe(401);
    const told = await page(w, '/web/sign-in?everywhere=1');
    expect(told.text).toContain('You are signed out everywhere');
  });

  it('from the admin CLI', async () => {
    const w = await makeWorld(fileBackend);
    const session = await signIn(w, w.a.viewer.token);
    expect(await admin(w, 'sign-out-everywhere', '--member', w.a.viewer.member.id)).toBe(
      'Lyon Viewer is signed out everywhere: 1 token(s) revoked, 1 dashboard session(s) ended',
    );
    expect(await signedIn(w, session)).toBe(false);
    expect((await w.call('GET', '/api/me', { token: w.a.viewer.token })).status).toBe(401);
  });
});

describe('disabling and re-enabling a member', () => {
  it('disabling ends every token and session for good; re-enabling brings none back and says so', async () => {
    const w = await makeWorld(fileBackend);
    const who = w.a.contributor;
    const session = await signIn(w, who.token);
    const linked = await printedLinkSession(w, who.member.id);
    const path = `/api/members/${who.member.id}`;
    const off = await w.call('PATCH', path, { token: w.a.coordinator.token, json: { disabled: true } });
    expect(off.status).toBe(200);
    expect(off.body.access).toMatchObject({ tokensRevoked: 1, sessionsEnded: 2, liveTokens: 0 });
    expect(off.body.access.message).toMatch(/for good/);
    const [row] = await w.db.select().from(tokens).where(eq(tokens.id, who.tokenId));
    expect(row!.revokedAt).not.toBeNull();

    w.clock.now += 60_000;
    const on = await w.call('PATCH', path, { token: w.a.coordinator.token, json: { disabled: false } });
    expect(on.status).toBe(200);
    expect(on.body.member.disabledAt).toBeNull();
    expect(on.body.access).toMatchObject({ liveTokens: 0, tokensRevoked: 0 });
    expect(on.body.access.message).toMatch(/issue a new token/);
    const old = await w.call('GET', '/api/me', { token: who.token });
    expect([old.status, old.body.error.code]).toEqual([401, 'token_revoked']);
    expect(await signedIn(w, session)).toBe(false);
    expect(await signedIn(w, linked)).toBe(false);

    const fresh = await w.call('POST', '/api/tokens', {
      token: w.a.coordinator.token,
      json: { memberId: who.member.id },
    });
    expect((await w.call('GET', '/api/me', { token: fresh.body.secret })).status).toBe(200);
    // A patch that does not touch the disabled state says nothing about access.
    const renamed = await w.call('PATCH', path, { token: w.a.coordinator.token, json: { name: 'New name' } });
    expect(renamed.body.access).toBeUndefined();
  });

  it('a token issued while disabled is the way back in; tokens from before a disabling never come back', async () => {
    const w = await makeWorld(fileBackend);
    const who = w.a.viewer;
    // A member disabled before disabling revoked anything: the row says disabled, the token is still live.
    const disabledAt = new Date(w.clock.now + 1000).toISOString();
    await w.db.update(members).set({ disabledAt }).where(eq(members.id, who.member.id));
    w.clock.now += 5000;
    const issued = await w.call('POST', '/api/tokens', {
      token: w.a.coordinator.token,
      json: { memberId: who.member.id },
    });
    const on = await w.call('PATCH', `/api/members/${who.member.id}`, {
      token: w.a.coordinator.token,
      json: { disabled: false },
    });
    expect(on.body.access).toMatchObject({ liveTokens: 1, tokensRevoked: 1 });
    expect((await w.call('GET', '/api/me', { token: who.token })).status).toBe(401);
    expect((await w.call('GET', '/api/me', { token: issued.body.secret })).status).toBe(200);
  });

  it('the admin CLI disables and re-enables, and says what comes back', async () => {
    const w = await makeWorld(fileBackend);
    const id = w.a.contributor.member.id;
    const session = await signIn(w, w.a.contributor.token);
    expect(await admin(w, 'disable-member', '--member', id)).toBe(
      'disabled Lyon Contributor: 1 token(s) revoked and 1 dashboard session(s) ended, for good (enable-member brings none back)',
    );
    expect(await signedIn(w, session)).toBe(false);
    await expect(admin(w, 'disable-member', '--member', id)).rejects.toThrow(/already disabled/);
    // The last active coordinator stays.
    await expect(admin(w, 'disable-member', '--member', w.a.coordinator.member.id)).rejects.toThrow(
      /at least one active coordinator/,
    );
    expect(await admin(w, 'enable-member', '--member', id)).toBe(
      `enabled Lyon Contributor: no token or session from before came back; give them a new token: npm run admin -- issue-token --member ${id}`,
    );
    const res = await w.call('GET', '/api/me', { token: w.a.contributor.token });
    expect([res.status, res.body.error.code]).toEqual([401, 'token_revoked']);
  });
});
