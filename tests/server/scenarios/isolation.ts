// Tenant isolation: a member of city B aims every route at city A's members, tokens, objects and conflicts.
// Each answer must be exactly what a made-up id gets (same status, same body), and A's data must not change.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, createStakeholder, deleteObject, editPractice } from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';

async function cityAWithAConflict(w: World) {
  const p = createPractice();
  const push = (token: string, m: unknown, clientId: string) =>
    w.call('POST', '/api/sync/push', { token, json: { clientId, mutations: [m] } });
  await push(w.a.contributor.token, p, 'a1');
  await push(w.a.contributor.token, editPractice(p.objectId, 1, { fields: { note: 'one' } }), 'a1');
  await push(w.a.coordinator.token, editPractice(p.objectId, 1, { fields: { note: 'two' } }), 'a2');
  const conflict = (await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body.conflicts[0];
  // A live contact and an erased one, with a review date that is past.
  const contact = createStakeholder(undefined, { reviewBy: '2025-01-01T00:00:00.000Z' });
  const erased = createStakeholder();
  await push(w.a.contributor.token, contact, 'a1');
  await push(w.a.contributor.token, erased, 'a1');
  await w.call('POST', `/api/stakeholders/${erased.objectId}/erase`, { token: w.a.coordinator.token });
  return {
    objectId: p.objectId,
    conflictId: conflict.id as string,
    stakeholderId: contact.objectId,
    erasedId: erased.objectId,
  };
}

const snapshotA = async (w: World) => ({
  pull: (await w.call('GET', '/api/sync/pull?since=0', { token: w.a.viewer.token })).body,
  members: (await w.call('GET', '/api/members', { token: w.a.viewer.token })).body,
  conflicts: (await w.call('GET', '/api/conflicts?status=all', { token: w.a.viewer.token })).body,
  tokens: (await w.call('GET', '/api/tokens', { token: w.a.coordinator.token })).body.tokens.map(
    (t: { revokedAt: unknown }) => t.revokedAt,
  ),
  me: (await w.call('GET', '/api/me', { token: w.a.viewer.token })).body.settings,
});

export function isolationScenarios(backend: Backend) {
  describe(`tenant isolation on ${backend.name}`, () => {
    it("city B's members cannot read, change or even detect city A's members, tokens, objects and conflicts", async () => {
      const w = await makeWorld(backend);
      const a = await cityAWithAConflict(w);
      const before = await snapshotA(w);
      const real = {
        member: w.a.viewer.member.id,
        token: w.a.viewer.tokenId,
        object: a.objectId,
        conflict: a.conflictId,
        stakeholder: a.stakeholderId,
        erased: a.erasedId,
      };
      const fake = {
        member: uuidv7(),
        token: uuidv7(),
        object: uuidv7(),
        conflict: uuidv7(),
        stakeholder: uuidv7(),
        erased: uuidv7(),
      };
      type Ids = typeof real;
      const probes: [string, string, (ids: Ids) => unknown][] = [
        ['PATCH', '/api/members/:member', () => ({ role: 'coordinator' })],
        ['DELETE', '/api/tokens/:token', () => undefined],
        ['GET', '/api/tokens?memberId=:member', () => undefined],
        ['POST', '/api/tokens', (ids) => ({ memberId: ids.member })],
        ['GET', '/api/conflicts?objectId=:object&status=all', () => undefined],
        ['POST', '/api/conflicts/:conflict/restore', () => undefined],
        ['POST', '/api/conflicts/:conflict/dismiss', () => undefined],
        ['GET', '/api/sync/pull?since=0', () => undefined],
        ['GET', '/api/members', () => undefined],
        ['GET', '/api/me', () => undefined],
        ['GET', '/api/stakeholders/:stakeholder/export', () => undefined],
        ['GET', '/api/stakeholders/:erased/export', () => undefined],
        ['GET', '/api/stakeholders/search?q=Amina', () => undefined],
        ['GET', '/api/stakeholders/review?before=2030-01-01T00:00:00Z', () => undefined],
        ['POST', '/api/stakeholders/:stakeholder/erase', () => undefined],
        ['POST', '/api/stakeholders/:erased/erase', () => undefined],
        ['PATCH', '/api/city', () => ({ viewersSeeContacts: true })],
        [
          'POST',
          '/api/sync/push',
          (ids) => ({
            clientId: 'b',
            mutations: [editPractice(ids.object, 0, { fields: { note: 'from B' } }, { id: 'x' })],
          }),
        ],
        [
          'POST',
          '/api/sync/push',
          (ids) => ({ clientId: 'b', mutations: [deleteObject('practice', ids.object, 0, { id: 'x' })] }),
        ],
      ];
      // Probe by probe (pushes last), so that B's own pushes never show up in B's later reads.
      for (const [method, template, body] of probes) {
        for (const who of [w.b.coordinator, w.b.contributor, w.b.viewer]) {
          const answer = async (ids: Ids) => {
            const path = template.replace(/:(\w+)/g, (_, k: keyof Ids) => ids[k]);
            let json = body(ids) as { mutations?: { id: string }[] } | undefined;
            if (json?.mutations)
              json = { ...json, mutations: json.mutations.map((m) => ({ ...m, id: uuidv7() })) };
            const res = await w.call(method, path, { token: who.token, json });
            let text = JSON.stringify(res.body);
            for (const k of Object.keys(ids) as (keyof Ids)[]) text = text.replaceAll(ids[k], `<${k}>`);
            // Fresh mutation ids, and B's own library versions (each probe push adds one), are masked.
            text = text
              .replace(/"id":"[0-9a-f-]{36}"/g, '"id":"<new>"')
              .replace(/"(v|objectV)ersion":\d+/g, '"$1ersion":"<n>"');
            return { status: res.status, body: text };
          };
          const onA = await answer(real);
          const onNothing = await answer(fake);
          expect(onA, `${who.member.role} ${method} ${template}`).toEqual(onNothing);
          expect(onA.body).not.toContain('Lyon');
        }
      }
      expect(await snapshotA(w)).toEqual(before);
    });

    it("B's objects with A's ids live in B's library only", async () => {
      const w = await makeWorld(backend);
      const a = await cityAWithAConflict(w);
      const res = await w.call('POST', '/api/sync/push', {
        token: w.b.contributor.token,
        json: { clientId: 'b', mutations: [createPractice(a.objectId, { title: 'Bergen copy' })] },
      });
      expect(res.body.results[0].status).toBe('applied');
      const inA = (await w.call('GET', '/api/sync/pull?since=0', { token: w.a.viewer.token })).body.changes[0]
        .object;
      const inB = (await w.call('GET', '/api/sync/pull?since=0', { token: w.b.viewer.token })).body.changes[0]
        .object;
      expect(inA.title).toBe('Multilingual welcome desk');
      expect(inB).toMatchObject({ title: 'Bergen copy', cityId: w.b.city.id, version: 1 });
    });
  });
}
