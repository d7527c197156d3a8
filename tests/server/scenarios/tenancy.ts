// Tokens, members and roles through the real app: authentication answers, role checks, token lifecycle.
import { describe, expect, it } from 'vitest';
import { parseConnectInput } from '../../../shared/api/connect.ts';
import {
  issuedTokenSchema,
  memberListSchema,
  meSchema,
  tokenListSchema,
} from '../../../shared/api/tenancy.ts';
import type { Backend } from '../support/backend.ts';
import { makeWorld } from '../support/world.ts';

export function tenancyScenarios(backend: Backend) {
  describe(`tokens and members on ${backend.name}`, () => {
    it('401 tells apart a missing, malformed, unknown and revoked token', async () => {
      const w = await makeWorld(backend);
      const none = await w.call('GET', '/api/me');
      expect([none.status, none.body.error.code]).toEqual([401, 'missing_token']);
      expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      const junk = await w.call('GET', '/api/me', { token: 'hello' });
      expect([junk.status, junk.body.error.code]).toEqual([401, 'invalid_token']);
      const unknown = await w.call('GET', '/api/me', { token: `icc_${'A'.repeat(43)}` });
      expect([unknown.status, unknown.body.error.code]).toEqual([401, 'invalid_token']);
      await w.call('DELETE', `/api/tokens/${w.a.contributor.tokenId}`, { token: w.a.coordinator.token });
      const revoked = await w.call('GET', '/api/me', { token: w.a.contributor.token });
      expect([revoked.status, revoked.body.error.code]).toEqual([401, 'token_revoked']);
    });

    it('GET /api/me names the member, the city, the token (with last use) and the limits', async () => {
      const w = await makeWorld(backend);
      const res = await w.call('GET', '/api/me', { token: w.a.viewer.token });
      const me = meSchema.parse(res.body);
      expect(me.member.id).toBe(w.a.viewer.member.id);
      expect(me.city.name).toBe('Lyon');
      expect(me.token.lastUsedAt).toBe(new Date(w.clock.now).toISOString());
      expect(me.limits.maxMutationsPerPush).toBe(50);
      expect(JSON.stringify(res.body)).not.toContain(w.a.viewer.token);
    });

    it('every member lists the members of their own city only', async () => {
      const w = await makeWorld(backend);
      for (const p of [w.a.coordinator, w.a.contributor, w.a.viewer]) {
        const list = memberListSchema.parse((await w.call('GET', '/api/members', { token: p.token })).body);
        expect(list.members.map((m) => m.cityId)).toEqual(Array(3).fill(w.a.city.id));
      }
    });

    it('coordinators add members and change roles; others get 403', async () => {
      const w = await makeWorld(backend);
      const input = { name: 'Chloé Martin', email: 'chloe@example.org', role: 'contributor' };
      for (const p of [w.a.contributor, w.a.viewer]) {
        expect((await w.call('POST', '/api/members', { token: p.token, json: input })).status).toBe(403);
        const patch = await w.call('PATCH', `/api/members/${w.a.viewer.member.id}`, {
          token: p.token,
          json: { role: 'coordinator' },
        });
        expect(patch.status).toBe(403);
      }
      const added = await w.call('POST', '/api/members', { token: w.a.coordinator.token, json: input });
      expect(added.status).toBe(201);
      expect(added.body.member).toMatchObject({ ...input, cityId: w.a.city.id, disabledAt: null });
      const changed = await w.call('PATCH', `/api/members/${added.body.member.id}`, {
        token: w.a.coordinator.token,
        json: { role: 'viewer' },
      });
      expect(changed.body.member.role).toBe('viewer');
    });

    it('a bad member body is a 400 naming the field', async () => {
      const w = await makeWorld(backend);
      const res = await w.call('POST', '/api/members', {
        token: w.a.coordinator.token,
        json: { name: 'X', role: 'admin' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed' });
      expect(res.body.error.message).toMatch(/^role: /);
      const notJson = await w.call('POST', '/api/members', {
        token: w.a.coordinator.token,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(notJson.body.error.code).toBe('invalid_json');
    });

    it('the last active coordinator cannot be demoted or disabled', async () => {
      const w = await makeWorld(backend);
      const self = `/api/members/${w.a.coordinator.member.id}`;
      const demote = await w.call('PATCH', self, { token: w.a.coordinator.token, json: { role: 'viewer' } });
      expect([demote.status, demote.body.error.code]).toEqual([409, 'last_coordinator']);
      const disable = await w.call('PATCH', self, { token: w.a.coordinator.token, json: { disabled: true } });
      expect(disable.status).toBe(409);
      await w.call('PATCH', `/api/members/${w.a.contributor.member.id}`, {
        token: w.a.coordinator.token,
        json: { role: 'coordinator' },
      });
      expect(
        (await w.call('PATCH', self, { token: w.a.coordinator.token, json: { role: 'viewer' } })).status,
      ).toBe(200);
    });

    it('a disabled member is refused with member_disabled; enabled again, they need a new token', async () => {
      const w = await makeWorld(backend);
      const path = `/api/members/${w.a.contributor.member.id}`;
      await w.call('PATCH', path, { token: w.a.coordinator.token, json: { disabled: true } });
      const refused = await w.call('GET', '/api/me', { token: w.a.contributor.token });
      expect([refused.status, refused.body.error.code]).toEqual([401, 'member_disabled']);
      await w.call('PATCH', path, { token: w.a.coordinator.token, json: { disabled: false } });
      // Disabling revoked the old token for good (server/tenancy/member-access.ts).
      const old = await w.call('GET', '/api/me', { token: w.a.contributor.token });
      expect([old.status, old.body.error.code]).toEqual([401, 'token_revoked']);
      const issued = await w.call('POST', '/api/tokens', {
        token: w.a.coordinator.token,
        json: { memberId: w.a.contributor.member.id },
      });
      expect((await w.call('GET', '/api/me', { token: issued.body.secret })).status).toBe(200);
    });

    it('issuing a token shows the secret once with a connect link; only its hash and prefix are kept', async () => {
      const w = await makeWorld(backend);
      const res = await w.call('POST', '/api/tokens', {
        token: w.a.coordinator.token,
        json: { memberId: w.a.viewer.member.id, label: 'laptop' },
      });
      expect(res.status).toBe(201);
      const issued = issuedTokenSchema.parse(res.body);
      expect(issued.secret).toMatch(/^icc_[\w-]{43}$/);
      expect(issued.token.prefix).toBe(issued.secret.slice(0, 10));
      expect(parseConnectInput(issued.connect.link)).toEqual({
        server: 'http://localhost',
        token: issued.secret,
      });
      expect(parseConnectInput(issued.connect.code)).toEqual({
        server: 'http://localhost',
        token: issued.secret,
      });
      expect((await w.call('GET', '/api/me', { token: issued.secret })).body.member.id).toBe(
        w.a.viewer.member.id,
      );
      const list = await w.call('GET', `/api/tokens?memberId=${w.a.viewer.member.id}`, {
        token: w.a.coordinator.token,
      });
      expect(JSON.stringify(list.body)).not.toContain(issued.secret);
      expect(
        tokenListSchema
          .parse(list.body)
          .tokens.map((t) => t.label)
          .sort(),
      ).toEqual(['', 'laptop']);
      const rows = await w.db.$client.execute('SELECT hash FROM tokens');
      expect(JSON.stringify(rows.rows)).not.toContain(issued.secret);
    });

    it('contributors and viewers cannot issue tokens, see and revoke only their own', async () => {
      const w = await makeWorld(backend);
      for (const p of [w.a.contributor, w.a.viewer]) {
        const issue = await w.call('POST', '/api/tokens', {
          token: p.token,
          json: { memberId: p.member.id },
        });
        expect(issue.status).toBe(403);
        const mine = tokenListSchema.parse((await w.call('GET', '/api/tokens', { token: p.token })).body);
        expect(mine.tokens.map((t) => t.memberId)).toEqual([p.member.id]);
        const other = await w.call('DELETE', `/api/tokens/${w.a.coordinator.tokenId}`, { token: p.token });
        expect(other.status).toBe(404);
      }
      const own = await w.call('DELETE', `/api/tokens/${w.a.viewer.tokenId}`, { token: w.a.viewer.token });
      expect(own.status).toBe(200);
      expect(own.body.token.revokedAt).not.toBeNull();
      expect((await w.call('GET', '/api/me', { token: w.a.viewer.token })).status).toBe(401);
    });

    it('coordinators see every token of the city', async () => {
      const w = await makeWorld(backend);
      const all = tokenListSchema.parse(
        (await w.call('GET', '/api/tokens', { token: w.a.coordinator.token })).body,
      );
      expect(all.tokens).toHaveLength(3);
    });
  });
}
