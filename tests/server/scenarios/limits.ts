// Limits with clear answers: body size and batch size (413), rate (429 + Retry-After), bad input (400).
import { describe, expect, it } from 'vitest';
import type { Backend } from '../support/backend.ts';
import { createPractice } from '../support/mutations.ts';
import { makeWorld } from '../support/world.ts';

export function limitScenarios(backend: Backend) {
  describe(`limits on ${backend.name}`, () => {
    it('a body over the size limit answers 413 payload_too_large and commits nothing', async () => {
      const w = await makeWorld(backend, { maxBodyBytes: 4096 });
      const big = createPractice(undefined, { contentMarkdown: 'x'.repeat(5000) });
      const res = await w.call('POST', '/api/sync/push', {
        token: w.a.contributor.token,
        json: { clientId: 'c', mutations: [big] },
      });
      expect([res.status, res.body.error.code]).toEqual([413, 'payload_too_large']);
      expect((await w.call('GET', '/api/me', { token: w.a.viewer.token })).body.libraryVersion).toBe(0);
    });

    it('more than 50 mutations in one push answers 413 batch_too_large; 50 pass', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const tooMany = Array.from({ length: 51 }, () => createPractice());
      const res = await w.call('POST', '/api/sync/push', {
        token,
        json: { clientId: 'c', mutations: tooMany },
      });
      expect([res.status, res.body.error.code]).toEqual([413, 'batch_too_large']);
      const ok = await w.call('POST', '/api/sync/push', {
        token,
        json: { clientId: 'c', mutations: tooMany.slice(1) },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.results).toHaveLength(50);
    });

    it('an empty batch, a missing clientId or a page limit over 1000 are 400s naming the field', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const empty = await w.call('POST', '/api/sync/push', { token, json: { clientId: 'c', mutations: [] } });
      expect(empty.body.error.message).toMatch(/^mutations: /);
      const noClient = await w.call('POST', '/api/sync/push', {
        token,
        json: { mutations: [createPractice()] },
      });
      expect(noClient.body.error.message).toMatch(/^clientId: /);
      const limit = await w.call('GET', '/api/sync/pull?since=0&limit=5000', { token });
      expect([limit.status, limit.body.error.code]).toEqual([400, 'validation_failed']);
      expect(limit.body.error.message).toMatch(/^limit: /);
      expect(limit.body.error.details[0].path).toBe('limit');
      const kind = await w.call('POST', '/api/sync/push', {
        token,
        json: { clientId: 'c', mutations: [{ ...createPractice(), kind: 'city' }] },
      });
      expect(kind.body.error.message).toMatch(/^mutations\.0\.kind: /);
    });

    it('past the burst a token gets 429 with Retry-After, other tokens are unaffected, and time refills it', async () => {
      const w = await makeWorld(backend, { rateLimit: { burst: 3, perSecond: 0.5 } });
      const me = () => w.call('GET', '/api/me', { token: w.a.viewer.token });
      for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
      const limited = await me();
      expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
      expect(limited.headers.get('Retry-After')).toBe('2');
      expect((await w.call('GET', '/api/me', { token: w.a.coordinator.token })).status).toBe(200);
      w.clock.now += 2000;
      expect((await me()).status).toBe(200);
      expect((await me()).status).toBe(429);
    });
  });
}
