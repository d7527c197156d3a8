// The pull answer's `X-Pull-Next` header (shared/api/sync.ts, shared/sync/README.md): while more pages
// follow it names the body's version, the next pull's `since`, so that a client can ask for the next page
// before this one's body has arrived; the last page, and an up-to-date answer, have none. Walking the
// library by the header alone gives the same pages as walking it by the bodies.
import { describe, expect, it } from 'vitest';
import { pullNextHeader, pullResponseSchema } from '../../shared/api/sync.ts';
import { fileBackend } from './support/backend.ts';
import { createPractice, deleteObject } from './support/mutations.ts';
import { makeWorld } from './support/world.ts';

describe('the pull’s next-page header', () => {
  it('names the next since while more pages follow, and nothing on the last page', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const practices = Array.from({ length: 7 }, () => createPractice());
    for (const p of practices) {
      const pushed = await w.call('POST', '/api/sync/push', {
        token,
        json: { clientId: 'client-1', mutations: [p] },
      });
      expect(pushed.status).toBe(200);
    }
    await w.call('POST', '/api/sync/push', {
      token,
      json: { clientId: 'client-1', mutations: [deleteObject('practice', practices[3]!.objectId, 4)] },
    });
    const seen: string[] = [];
    let since = 0;
    let pages = 0;
    for (;;) {
      const res = await w.app.request(`/api/sync/pull?since=${since}&limit=2&omit=contentMarkdown`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const page = pullResponseSchema.parse(await res.json());
      pages++;
      seen.push(...page.changes.map((c) => c.id));
      const next = res.headers.get(pullNextHeader);
      if (!page.hasMore) {
        expect(next).toBeNull();
        break;
      }
      expect(next).toBe(String(page.version));
      since = Number(next);
    }
    expect(pages).toBe(4);
    expect(new Set(seen)).toEqual(new Set(practices.map((p) => p.objectId)));

    // Up to date: no header either.
    const upToDate = await w.app.request(`/api/sync/pull?since=${since}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(upToDate.status).toBe(200);
    expect(upToDate.headers.get(pullNextHeader)).toBeNull();
  });

  it('is exposed to a listed extension origin across origins', async () => {
    // The extension itself reads its server with the host permission it asks for at connect, which CORS does
    // not filter; an origin listed in EXTENSION_ORIGINS gets the header exposed too.
    const w = await makeWorld(fileBackend, { extensionOrigins: ['chrome-extension://abcdefgh'] });
    const res = await w.app.request('/api/sync/pull?since=0', {
      headers: { authorization: `Bearer ${w.a.contributor.token}`, origin: 'chrome-extension://abcdefgh' },
    });
    expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain(
      pullNextHeader.toLowerCase(),
    );
  });
});
