// A contributor's sync delete of a contact is recoverable; erasure stays the coordinator's (issue 15 item 8,
// server/stakeholders/set-aside.ts). The delete still reaches every copy (a tombstone, the practices
// unlinked), but the server keeps the contact set aside: a coordinator lists it, restores it under its own
// id (linked again to its practices) or erases it, after which nothing of the person is left anywhere.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../support/backend.ts';
import { deleteObject, editObject } from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';
import { everythingStored, expectNoTrace, personal, tracedContact } from './stakeholder-erasure.ts';

const push = (w: World, token: string, mutations: unknown[], clientId: string) =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });

type Change = { id: string; kind: string; deleted?: boolean; object?: Record<string, unknown> };

async function pulled(w: World, since: number): Promise<Change[]> {
  // A coordinator's pull: viewers get contacts without their details.
  return (await w.call('GET', `/api/sync/pull?since=${since}`, { token: w.a.coordinator.token })).body
    .changes;
}

/** tracedContact, then deleted through sync by the contributor. */
async function deletedByContributor(w: World) {
  const c = await tracedContact(w);
  const del = await push(w, w.a.contributor.token, [deleteObject('stakeholder', c.id, 4)], 'c1');
  expect(del.body.results).toEqual([expect.objectContaining({ objectId: c.id, status: 'applied' })]);
  return { ...c, version: del.body.version as number };
}

export function setAsideScenarios(backend: Backend) {
  describe(`contacts a contributor deleted, on ${backend.name}`, () => {
    it('are gone from every copy but set aside for the coordinators, who alone see them', async () => {
      const w = await makeWorld(backend);
      const c = await deletedByContributor(w);
      const changes = await pulled(w, 4);
      expect(changes.find((ch) => ch.id === c.id)).toMatchObject({ deleted: true });
      for (const p of changes.filter((ch) => ch.kind === 'practice'))
        expect(p.object!.stakeholderIds).toEqual([]);
      const search = await w.call('GET', '/api/stakeholders/search?q=Segolene', {
        token: w.a.coordinator.token,
      });
      expect(search.body.results).toEqual([]);

      const list = await w.call('GET', '/api/stakeholders/set-aside', { token: w.a.coordinator.token });
      expect(list.status).toBe(200);
      expect(list.body.setAside).toHaveLength(1);
      const [kept] = list.body.setAside;
      expect(kept).toMatchObject({
        deletedBy: w.a.contributor.member.id,
        deletedAt: new Date(w.clock.now).toISOString(),
        stakeholder: { id: c.id, name: personal.name, emails: [personal.email], phones: [personal.phone] },
      });
      expect(kept.practiceIds.sort()).toEqual([...c.practices].sort());
      // An access request is told the record is still held, and where.
      const access = await w.call('GET', `/api/stakeholders/${c.id}/export`, {
        token: w.a.coordinator.token,
      });
      expect([access.status, access.body.error.code]).toEqual([409, 'set_aside']);
      for (const token of [w.a.contributor.token, w.a.viewer.token]) {
        const refused = await w.call('GET', '/api/stakeholders/set-aside', { token });
        expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
        const restore = await w.call('POST', `/api/stakeholders/${c.id}/restore`, { token });
        expect(restore.status).toBe(403);
      }
      // Another city sees nothing of it, and cannot restore it.
      expect(
        (await w.call('GET', '/api/stakeholders/set-aside', { token: w.b.coordinator.token })).body.setAside,
      ).toEqual([]);
      expect(
        (await w.call('POST', `/api/stakeholders/${c.id}/restore`, { token: w.b.coordinator.token })).status,
      ).toBe(404);
    });

    it('a coordinator restores one: the same id comes back in a new version, linked to its practices again', async () => {
      const w = await makeWorld(backend);
      const c = await deletedByContributor(w);
      // One of its practices was deleted meanwhile: that one stays deleted.
      const gone = await push(w, w.a.coordinator.token, [deleteObject('practice', c.practices[1]!, 5)], 'c2');
      const res = await w.call('POST', `/api/stakeholders/${c.id}/restore`, { token: w.a.coordinator.token });
      expect(res.status).toBe(200);
      expect(res.body.restored).toEqual({
        stakeholderId: c.id,
        version: gone.body.version + 1,
        practiceLinks: [c.practices[0]],
      });
      const changes = await pulled(w, gone.body.version);
      const contact = changes.find((ch) => ch.id === c.id)!;
      expect(contact.deleted).toBeFalsy();
      expect(contact.object).toMatchObject({
        name: personal.name,
        notes: `${personal.notes}!`,
        emails: [personal.email],
        phones: [personal.phone],
        createdBy: w.a.contributor.member.id,
        version: res.body.restored.version,
      });
      const relinked = changes.find((ch) => ch.id === c.practices[0])!;
      expect(relinked.object!.stakeholderIds).toEqual([c.id]);
      expect(changes.find((ch) => ch.id === c.practices[1])).toBeUndefined();
      expect(
        (await w.call('GET', '/api/stakeholders/set-aside', { token: w.a.coordinator.token })).body.setAside,
      ).toEqual([]);
      // It is an ordinary contact again: found, edited, and a second restore has nothing to do.
      const search = await w.call('GET', '/api/stakeholders/search?q=Segolene', {
        token: w.a.coordinator.token,
      });
      expect(search.body.results.map((r: { stakeholder: { id: string } }) => r.stakeholder.id)).toEqual([
        c.id,
      ]);
      const edit = await push(
        w,
        w.a.contributor.token,
        [editObject('stakeholder', c.id, res.body.restored.version, { fields: { role: 'Chair' } })],
        'c1',
      );
      expect(edit.body.results[0].status).toBe('applied');
      const again = await w.call('POST', `/api/stakeholders/${c.id}/restore`, {
        token: w.a.coordinator.token,
      });
      expect(again.status).toBe(404);
    });

    it('a coordinator erases one: then nothing of the person is left, and it cannot be restored', async () => {
      const w = await makeWorld(backend);
      const c = await deletedByContributor(w);
      expect(await everythingStored(w)).toContain(personal.name);
      const res = await w.call('POST', `/api/stakeholders/${c.id}/erase`, { token: w.a.coordinator.token });
      expect(res.status).toBe(200);
      expect(res.body.erasure).toMatchObject({ stakeholderId: c.id, alreadyErased: false });
      expect(res.body.erasure.erased.fields).toEqual(expect.arrayContaining(['name', 'emails', 'notes']));
      expectNoTrace(await everythingStored(w));
      const restore = await w.call('POST', `/api/stakeholders/${c.id}/restore`, {
        token: w.a.coordinator.token,
      });
      expect(restore.status).toBe(404);
      const again = await w.call('POST', `/api/stakeholders/${c.id}/erase`, { token: w.a.coordinator.token });
      expect(again.body.erasure.alreadyErased).toBe(true);
    });

    it('a coordinator’s own sync delete erases at once: nothing is set aside', async () => {
      const w = await makeWorld(backend);
      const c = await tracedContact(w);
      await push(w, w.a.coordinator.token, [deleteObject('stakeholder', c.id, 4)], 'c2');
      expect(
        (await w.call('GET', '/api/stakeholders/set-aside', { token: w.a.coordinator.token })).body.setAside,
      ).toEqual([]);
      expectNoTrace(await everythingStored(w));
    });
  });
}
