// The in-memory caches of the auth path (server/auth/caller-cache.ts): this process's own changes apply at
// once despite them; another process on the same database (a second createApp here) sees them within the TTL,
// on the injectable clock. The up-to-date pull never hides a change this process committed.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { tokens } from '../../server/db/schema/index.ts';
import { fileBackend } from './support/backend.ts';
import { createPractice } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

/** A second server process on the same database, same clock, with its own caches. */
function otherProcess(w: World) {
  const app = createApp({ db: w.db, clock: () => w.clock.now, log: () => {}, rateLimit: false });
  return async (method: string, path: string, token: string, json?: unknown) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers.
    return { status: res.status, body: (await res.json()) as any };
  };
}

const push = (w: World, token: string) =>
  w.call('POST', '/api/sync/push', { token, json: { clientId: 'c', mutations: [createPractice()] } });

describe('auth and version caches', () => {
  it('a token revoked through this process is refused at once, though its caller was cached', async () => {
    const w = await makeWorld(fileBackend);
    expect((await w.call('GET', '/api/me', { token: w.a.contributor.token })).status).toBe(200);
    await w.call('DELETE', `/api/tokens/${w.a.contributor.tokenId}`, { token: w.a.coordinator.token });
    const after = await w.call('GET', '/api/sync/pull?since=0', { token: w.a.contributor.token });
    expect([after.status, after.body.error.code]).toEqual([401, 'token_revoked']);
  });

  it('revoking the token in use refuses it on the next request', async () => {
    const w = await makeWorld(fileBackend);
    const own = await w.call('DELETE', `/api/tokens/${w.a.viewer.tokenId}`, { token: w.a.viewer.token });
    expect(own.status).toBe(200);
    expect((await w.call('GET', '/api/me', { token: w.a.viewer.token })).status).toBe(401);
  });

  it('a role change and disabling a member take effect at once; re-enabling too, with a new token', async () => {
    const w = await makeWorld(fileBackend);
    const member = `/api/members/${w.a.contributor.member.id}`;
    const coordinator = { token: w.a.coordinator.token };
    expect((await push(w, w.a.contributor.token)).status).toBe(200);
    await w.call('PATCH', member, { ...coordinator, json: { role: 'viewer' } });
    expect((await push(w, w.a.contributor.token)).status).toBe(403);
    expect((await w.call('GET', '/api/me', { token: w.a.contributor.token })).body.member.role).toBe(
      'viewer',
    );
    await w.call('PATCH', member, { ...coordinator, json: { disabled: true } });
    const disabled = await w.call('GET', '/api/me', { token: w.a.contributor.token });
    expect([disabled.status, disabled.body.error.code]).toEqual([401, 'member_disabled']);
    await w.call('PATCH', member, { ...coordinator, json: { disabled: false, role: 'contributor' } });
    // Disabling revoked the old token for good (server/tenancy/member-access.ts); a new one works at once.
    expect((await push(w, w.a.contributor.token)).status).toBe(401);
    const issued = await w.call('POST', '/api/tokens', {
      ...coordinator,
      json: { memberId: w.a.contributor.member.id },
    });
    expect((await push(w, issued.body.secret)).status).toBe(200);
  });

  it("a city's settings change reaches its cached members at once", async () => {
    const w = await makeWorld(fileBackend);
    const me = () => w.call('GET', '/api/me', { token: w.a.viewer.token });
    expect((await me()).body.settings.viewersSeeContacts).toBe(false);
    await w.call('PATCH', '/api/city', { token: w.a.coordinator.token, json: { viewersSeeContacts: true } });
    expect((await me()).body.settings.viewersSeeContacts).toBe(true);
  });

  it('another process sees a revocation, a disabled member and a role change at the latest after the TTL', async () => {
    const w = await makeWorld(fileBackend);
    const other = otherProcess(w);
    const { contributor, viewer, coordinator } = w.a;
    expect((await other('GET', '/api/me', contributor.token)).status).toBe(200);
    expect((await other('GET', '/api/me', viewer.token)).status).toBe(200);
    await w.call('DELETE', `/api/tokens/${contributor.tokenId}`, { token: coordinator.token });
    await w.call('PATCH', `/api/members/${viewer.member.id}`, {
      token: coordinator.token,
      json: { disabled: true },
    });
    // This process: at once.
    expect((await w.call('GET', '/api/me', { token: contributor.token })).status).toBe(401);
    expect((await w.call('GET', '/api/me', { token: viewer.token })).status).toBe(401);
    // The other one: within the TTL it may still answer; after it, never.
    w.clock.now += 4_000;
    expect((await other('GET', '/api/me', contributor.token)).status).toBe(200);
    w.clock.now += 1_001;
    const revoked = await other('GET', '/api/me', contributor.token);
    expect([revoked.status, revoked.body.error.code]).toEqual([401, 'token_revoked']);
    const disabled = await other('GET', '/api/me', viewer.token);
    expect([disabled.status, disabled.body.error.code]).toEqual([401, 'member_disabled']);
  });

  it('an up-to-date pull never hides a push of this process, and sees another process’s after the TTL', async () => {
    const w = await makeWorld(fileBackend);
    const other = otherProcess(w);
    const token = w.a.viewer.token;
    const pull = (since: number) => w.call('GET', `/api/sync/pull?since=${since}`, { token });
    expect((await pull(0)).body).toEqual({ version: 0, changes: [], hasMore: false });
    // Pushed through this process: the next pull has it, with no clock movement.
    expect((await push(w, w.a.contributor.token)).body.version).toBe(1);
    expect((await pull(0)).body.changes).toHaveLength(1);
    expect((await w.call('GET', '/api/me', { token })).body.libraryVersion).toBe(1);
    // Pushed through the other process: an up-to-date pull here may answer "nothing new" for at most the
    // version TTL (1 s), then it has the change.
    expect((await pull(1)).body.changes).toEqual([]);
    expect(
      (
        await other('POST', '/api/sync/push', w.a.contributor.token, {
          clientId: 'o',
          mutations: [createPractice()],
        })
      ).body.version,
    ).toBe(2);
    // A cursor other than the cached version always reads the database.
    expect((await pull(0)).body.version).toBe(2);
    w.clock.now += 1_001;
    const later = await pull(1);
    expect(later.body.version).toBe(2);
    expect(later.body.changes).toHaveLength(1);
  });

  it('a cursor ahead of the cached version is checked against the database, not refused', async () => {
    const w = await makeWorld(fileBackend);
    const other = otherProcess(w);
    const token = w.a.viewer.token;
    expect((await w.call('GET', '/api/sync/pull?since=0', { token })).status).toBe(200);
    await other('POST', '/api/sync/push', w.a.contributor.token, {
      clientId: 'o',
      mutations: [createPractice()],
    });
    const pulled = await other('GET', '/api/sync/pull?since=0', token);
    const ahead = await w.call('GET', `/api/sync/pull?since=${pulled.body.version}`, { token });
    expect([ahead.status, ahead.body]).toEqual([200, { version: 1, changes: [], hasMore: false }]);
    const tooFar = await w.call('GET', '/api/sync/pull?since=5', { token });
    expect([tooFar.status, tooFar.body.error.code]).toEqual([409, 'since_ahead']);
  });

  it('last_used_at is written at most once a minute per token', async () => {
    const w = await makeWorld(fileBackend);
    const { token, tokenId } = w.a.viewer;
    const lastUsed = async () =>
      (await w.db.select().from(tokens).where(eq(tokens.id, tokenId)))[0]!.lastUsedAt;
    const first = new Date(w.clock.now).toISOString();
    await w.call('GET', '/api/me', { token });
    expect(await lastUsed()).toBe(first);
    w.clock.now += 30_000;
    await w.call('GET', '/api/me', { token });
    expect(await lastUsed()).toBe(first);
    w.clock.now += 30_000;
    await w.call('GET', '/api/me', { token });
    expect(await lastUsed()).toBe(new Date(w.clock.now).toISOString());
  });
});
