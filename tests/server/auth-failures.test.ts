// The budget of failed authentication attempts per address (server/limits/auth-failures.ts), through the
// real app: bad API tokens, bad session cookies, bad sign-in links and a bad sign-in form spend it; past
// 20 failures an address gets 429 with Retry-After (API: JSON `too_many_attempts`; web: a translated page)
// until it refills at one a second; good credentials never spend it; every failure is logged without its
// secret; behind a proxy the address comes from X-Forwarded-For only as far as it is trusted.
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/token-secret.ts';
import { memoryAttemptStore } from '../../server/limits/attempt-store.ts';
import { addressKey } from '../../server/limits/client-address.ts';
import { issueToken } from '../../server/tenancy/tenancy.ts';
import { fileBackend } from './support/backend.ts';
import { makeWorld, type World } from './support/world.ts';
import { origin, signIn } from './web-helpers.ts';

const badToken = `icc_${'x'.repeat(43)}`;

/** A request as @hono/node-server hands it in: the socket's remote address in `env.incoming`. */
function from(w: World, address: string, path: string, init: RequestInit = {}) {
  return w.app.request(path, init, { incoming: { socket: { remoteAddress: address } } });
}
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

function logged() {
  const lines: string[] = [];
  return { lines, log: (message: string) => lines.push(message) };
}

describe('failed API token checks', () => {
  it('answer 429 too_many_attempts with Retry-After after 20 failures from one address, then one a second', async () => {
    const w = await makeWorld(fileBackend);
    for (let i = 0; i < 20; i++) {
      const res = await from(w, '203.0.113.7', '/api/me', bearer(badToken));
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const refused = await from(w, '203.0.113.7', '/api/sync/pull?since=0', bearer(badToken));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(refused.headers.get('Content-Type')).toMatch(/application\/json/);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    // A good token from that address still passes (a colleague behind the same office address is never
    // locked out by a guesser)…
    expect((await from(w, '203.0.113.7', '/api/me', bearer(w.a.viewer.token))).status).toBe(200);
    expect((await from(w, '203.0.113.7', '/api/me', bearer(badToken))).status).toBe(429);
    // …but another address is not affected.
    expect((await from(w, '198.51.100.1', '/api/me', bearer(w.a.viewer.token))).status).toBe(200);
    expect((await from(w, '198.51.100.1', '/api/me', bearer(badToken))).status).toBe(401);

    // One second refills one attempt.
    w.clock.now += 1000;
    // (a good one gives its attempt back: the next failure still has it)
    expect((await from(w, '203.0.113.7', '/api/me', bearer(w.a.viewer.token))).status).toBe(200);
    expect((await from(w, '203.0.113.7', '/api/me', bearer(badToken))).status).toBe(401);
    expect((await from(w, '203.0.113.7', '/api/me', bearer(badToken))).status).toBe(429);
  });

  it('counts revoked tokens, malformed tokens and disabled members, but never good tokens', async () => {
    const w = await makeWorld(fileBackend);
    // 40 good tokens, each checked against the database once (not in the caller cache yet): none spends.
    for (let i = 0; i < 40; i++) {
      const { secret } = await issueToken(
        w.db,
        { cityId: w.a.city.id, memberId: w.a.contributor.member.id },
        w.clock.now,
      );
      expect((await from(w, '203.0.113.8', '/api/me', bearer(secret))).status).toBe(200);
    }
    await w.call('DELETE', `/api/tokens/${w.a.viewer.tokenId}`, { token: w.a.viewer.token });
    const kinds = [w.a.viewer.token, 'not-a-token', badToken];
    for (let i = 0; i < 20; i++) {
      const res = await from(w, '203.0.113.8', '/api/me', bearer(kinds[i % 3]!));
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    expect((await from(w, '203.0.113.8', '/api/me', bearer(badToken))).status).toBe(429);
  });

  it('leaves a member whose token this process trusts alone, even on an address that is refused', async () => {
    const w = await makeWorld(fileBackend);
    // The member syncs (the token is now in the caller cache), then someone on the same network guesses.
    expect((await from(w, '203.0.113.9', '/api/me', bearer(w.a.contributor.token))).status).toBe(200);
    for (let i = 0; i < 25; i++) await from(w, '203.0.113.9', '/api/me', bearer(badToken));
    expect((await from(w, '203.0.113.9', '/api/me', bearer(badToken))).status).toBe(429);
    for (let i = 0; i < 50; i++) {
      const res = await from(w, '203.0.113.9', '/api/sync/pull?since=0', bearer(w.a.contributor.token));
      expect(res.status).toBe(200);
    }
  });

  it('logs each failure with the address, route and kind, never the secret or its hash', async () => {
    const { lines, log } = logged();
    const w = await makeWorld(fileBackend, { log });
    await w.call('DELETE', `/api/tokens/${w.a.viewer.tokenId}`, { token: w.a.viewer.token });
    lines.length = 0;
    await from(w, '203.0.113.10', '/api/sync/pull?since=0', bearer(badToken));
    await from(w, '203.0.113.10', '/api/me', bearer(w.a.viewer.token));
    expect(lines).toEqual([
      'auth: failed attempt (bad_token) from 203.0.113.10 on GET /api/sync/pull',
      'auth: failed attempt (token_revoked) from 203.0.113.10 on GET /api/me',
    ]);
    for (let i = 0; i < 30; i++) await from(w, '203.0.113.10', '/api/me', bearer(badToken));
    // The refusals are logged once, when they start.
    expect(lines.filter((l) => l.includes('too many failed attempts'))).toEqual([
      'auth: too many failed attempts from 203.0.113.10; refusing for 1 s (GET /api/me)',
    ]);
    const all = lines.join('\n');
    for (const secret of [badToken, w.a.viewer.token])
      for (const leak of [secret, await hashToken(secret), secret.slice(4, 20)])
        expect(all).not.toContain(leak);
  });

  it('can be configured, or turned off (failures are then still logged)', async () => {
    const tight = await makeWorld(fileBackend, { authFailures: { burst: 2, perSecond: 0.1 } });
    for (let i = 0; i < 2; i++)
      expect((await from(tight, '203.0.113.11', '/api/me', bearer(badToken))).status).toBe(401);
    const refused = await from(tight, '203.0.113.11', '/api/me', bearer(badToken));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('10');

    const { lines, log } = logged();
    const off = await makeWorld(fileBackend, { authFailures: false, log });
    for (let i = 0; i < 50; i++)
      expect((await from(off, '203.0.113.12', '/api/me', bearer(badToken))).status).toBe(401);
    expect(lines.filter((l) => l.startsWith('auth: failed attempt'))).toHaveLength(50);
  });
});

describe('failed sign-ins on the web dashboard', () => {
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });

  it('the sign-in form: 429 with a page in the browser’s language after 20 bad tokens', async () => {
    const w = await makeWorld(fileBackend);
    for (let i = 0; i < 20; i++)
      expect((await from(w, '203.0.113.20', '/web/sign-in', form({ token: badToken }))).status).toBe(400);
    const en = await from(w, '203.0.113.20', '/web/sign-in', form({ token: badToken }));
    expect(en.status).toBe(429);
    expect(en.headers.get('Retry-After')).toBe('1');
    expect(en.headers.getSetCookie()).toEqual([]);
    const text = await en.text();
    expect(text).toContain('Too many attempts');
    expect(text).toContain('Wait 1 seconds');
    const fr = await from(
      w,
      '203.0.113.20',
      '/web/sign-in',
      form({ token: badToken }, { 'Accept-Language': 'fr-FR' }),
    );
    expect(fr.status).toBe(429);
    expect(await fr.text()).toContain('Trop de tentatives');
    // A member with a good token still signs in from that address.
    const good = await from(w, '203.0.113.20', '/web/sign-in', form({ token: w.a.viewer.token }));
    expect(good.status).toBe(303);
    expect(good.headers.getSetCookie()).toHaveLength(1);
  });

  it('bad session cookies and bad sign-in links spend the same budget; a good session does not', async () => {
    const w = await makeWorld(fileBackend);
    const cookie = await signIn(w, w.a.coordinator.token);
    const address = '203.0.113.21';
    // 100 page views with a good session: nothing spent.
    for (let i = 0; i < 100; i++)
      expect((await from(w, address, '/web/coverage', { headers: { Cookie: cookie } })).status).toBe(200);
    const badCookie = { headers: { Cookie: `icc_session=ics_${'y'.repeat(43)}` } };
    for (let i = 0; i < 10; i++)
      expect((await from(w, address, '/web/coverage', badCookie)).status).toBe(302);
    for (let i = 0; i < 5; i++)
      expect((await from(w, address, `/web/sign-in/link?token=icl_${'z'.repeat(43)}`)).status).toBe(400);
    for (let i = 0; i < 5; i++)
      expect((await from(w, address, '/web/sign-in/link', form({ token: 'icl_nope' }))).status).toBe(400);
    expect((await from(w, address, '/web/coverage', badCookie)).status).toBe(429);
    expect((await from(w, address, `/web/sign-in/link?token=icl_${'z'.repeat(43)}`)).status).toBe(429);
    expect((await from(w, address, '/web/sign-in', badCookie)).status).toBe(429);
  });
});

describe('the address a request comes from', () => {
  it('is the socket’s, unless a proxy is trusted: then X-Forwarded-For as far as it is trusted', async () => {
    const spoofed = (w: World, claimed: string, real: string) =>
      from(w, '10.0.0.2', '/api/me', {
        headers: { Authorization: `Bearer ${badToken}`, 'X-Forwarded-For': `${claimed}, ${real}` },
      });
    // No proxy trusted: the header is ignored, so varying it gains nothing.
    const direct = await makeWorld(fileBackend);
    for (let i = 0; i < 20; i++) await spoofed(direct, `192.0.2.${i}`, `198.51.100.${i}`);
    expect((await spoofed(direct, '192.0.2.99', '198.51.100.99')).status).toBe(429);
    // One proxy trusted: the entry it appended counts; what the client wrote before it does not.
    const proxied = await makeWorld(fileBackend, { trustProxy: 1 });
    for (let i = 0; i < 20; i++) await spoofed(proxied, `192.0.2.${i}`, '198.51.100.50');
    expect((await spoofed(proxied, '192.0.2.99', '198.51.100.50')).status).toBe(429);
    expect((await spoofed(proxied, '192.0.2.99', '198.51.100.51')).status).toBe(401);
  });

  it('counts IPv6 per /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:eeee:dddd:cccc')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:203.0.113.4')).toBe('203.0.113.4');
    expect(addressKey('203.0.113.4')).toBe('203.0.113.4');
  });

  it('keeps at most its bound of addresses in memory', () => {
    const store = memoryAttemptStore({ burst: 1, perSecond: 0.001 }, 100);
    for (let i = 0; i < 1000; i++) expect(store.take(`a${i}`, 0)).toEqual({ ok: true });
    // The newest addresses are still remembered as spent.
    expect(store.take('a999', 0)).toMatchObject({ ok: false });
  });
});
