// The role matrix: every authenticated route, called by a coordinator, a contributor and a viewer of the
// object's own city. Allowed means not 403 (and not 401); refused means 403 forbidden.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/member.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, createStakeholder, editPractice } from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';

type Probe = [method: string, path: string, body: (w: World) => unknown, allowed: Role[]];
const everyone: Role[] = ['coordinator', 'contributor', 'viewer'];
const writers: Role[] = ['coordinator', 'contributor'];

const probes: Probe[] = [
  ['GET', '/api/me', () => undefined, everyone],
  ['GET', '/api/members', () => undefined, everyone],
  ['POST', '/api/members', () => ({ name: 'New', role: 'viewer' }), ['coordinator']],
  ['PATCH', '/api/members/:viewer', () => ({ name: 'Renamed viewer' }), ['coordinator']],
  ['GET', '/api/tokens', () => undefined, everyone],
  ['POST', '/api/tokens', (w) => ({ memberId: w.a.viewer.member.id }), ['coordinator']],
  ['DELETE', '/api/tokens/:ownSpareToken', () => undefined, everyone],
  ['GET', '/api/sync/pull?since=0', () => undefined, everyone],
  ['POST', '/api/sync/push', () => ({ clientId: 'r', mutations: [createPractice()] }), writers],
  ['GET', '/api/conflicts', () => undefined, everyone],
  ['POST', '/api/conflicts/:conflict/dismiss', () => undefined, writers],
  ['POST', '/api/conflicts/:other/restore', () => undefined, writers],
  ['PATCH', '/api/city', () => ({ viewersSeeContacts: false }), ['coordinator']],
  ['GET', '/api/stakeholders/search?topic=education', () => undefined, everyone],
  ['GET', '/api/stakeholders/review', () => undefined, writers],
  ['GET', '/api/stakeholders/:stakeholder/export', () => undefined, ['coordinator']],
  ['POST', '/api/stakeholders/:stakeholder/erase', () => undefined, ['coordinator']],
];

export function roleScenarios(backend: Backend) {
  describe(`roles on ${backend.name}`, () => {
    it.each(everyone)('a %s may call exactly the routes of their role', async (role) => {
      const w = await makeWorld(backend);
      const me = w.a[role];
      // Two conflicts to resolve, and a spare token of the caller's own to revoke.
      const p = createPractice();
      const push = (token: string, m: unknown, clientId: string) =>
        w.call('POST', '/api/sync/push', { token, json: { clientId, mutations: [m] } });
      await push(w.a.contributor.token, p, 'x');
      const contact = createStakeholder();
      await push(w.a.contributor.token, contact, 'x');
      await push(w.a.contributor.token, editPractice(p.objectId, 1, { fields: { note: '1' } }), 'x');
      await push(w.a.coordinator.token, editPractice(p.objectId, 1, { fields: { note: '2' } }), 'y');
      await push(w.a.coordinator.token, editPractice(p.objectId, 1, { fields: { note: '3' } }), 'z');
      const conflicts = (await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body.conflicts;
      const spare = await w.call('POST', '/api/tokens', {
        token: w.a.coordinator.token,
        json: { memberId: me.member.id },
      });
      const ids: Record<string, string> = {
        viewer: w.a.viewer.member.id,
        ownSpareToken: spare.body.token.id,
        conflict: conflicts[0].id,
        other: conflicts[1].id,
        stakeholder: contact.objectId,
      };

      for (const [method, template, body, allowed] of probes) {
        const path = template.replace(/:(\w+)/g, (_, k: string) => ids[k]!);
        const res = await w.call(method, path, { token: me.token, json: body(w) });
        const label = `${role} ${method} ${template} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`;
        if (allowed.includes(role)) expect(res.status, label).toBeLessThan(400);
        else expect([res.status, res.body.error?.code], label).toEqual([403, 'forbidden']);
      }
    });
  });
}
