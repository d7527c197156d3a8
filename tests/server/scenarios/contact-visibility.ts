// The viewer rule: viewers see who is involved but not contact details (e-mails, phones, notes, lawful-basis
// notes) in pulls, conflicts and search, unless the city's coordinator allows it; changing that re-sends the
// stakeholders so copies gain or lose the details at the next pull.
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../../shared/api/sync.ts';
import { meSchema } from '../../../shared/api/tenancy.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, createStakeholder, editObject } from '../support/mutations.ts';
import { makeWorld, startTime, type World } from '../support/world.ts';

const push = (w: World, token: string, mutations: unknown[], clientId = 'c') =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });
const pull = async (w: World, token: string, since = 0) =>
  (await w.call('GET', `/api/sync/pull?since=${since}`, { token })).body;
const stakeholderIn = (body: { changes: { kind: string; object?: Record<string, unknown> }[] }) =>
  body.changes.find((c) => c.kind === 'stakeholder')?.object;

async function contactWithConflict(w: World) {
  const s = createStakeholder(
    undefined,
    {
      notes: 'Prefers calls after 5 pm',
      lawfulBasisNote: 'From the city directory',
      website: 'https://maison.example',
    },
    { emails: ['amina@example.org'], phones: ['+33472103030'], languages: ['fr'], topics: ['education'] },
  );
  await push(w, w.a.contributor.token, [s, createPractice(undefined, {}, { stakeholderIds: [s.objectId] })]);
  const at = (ms: number) => formatHlc({ ms: startTime + 60_000 + ms, counter: 0 });
  await push(
    w,
    w.a.contributor.token,
    [editObject('stakeholder', s.objectId, 1, { fields: { notes: 'Calls any time' } }, { hlc: at(1) })],
    'x',
  );
  await push(
    w,
    w.a.coordinator.token,
    [editObject('stakeholder', s.objectId, 1, { fields: { notes: 'Calls in the morning' } }, { hlc: at(2) })],
    'y',
  );
  return s.objectId;
}

const hidden = { emails: [], phones: [], notes: '', lawfulBasisNote: '' };

export function contactVisibilityScenarios(backend: Backend) {
  describe(`contact details and viewers on ${backend.name}`, () => {
    it('viewers get stakeholders without contact details in pulls, conflicts and search; others get everything', async () => {
      const w = await makeWorld(backend);
      const id = await contactWithConflict(w);
      // The shared schema keeps `redacted`, so the extension can say "hidden" rather than "none".
      const forViewer = stakeholderIn(pullResponseSchema.parse(await pull(w, w.a.viewer.token)) as never);
      expect(forViewer!.redacted).toEqual(['emails', 'phones', 'notes', 'lawfulBasisNote']);
      const raw = stakeholderIn(await pull(w, w.a.viewer.token));
      expect(forViewer).toMatchObject({
        id,
        name: 'Amina Diallo',
        organisation: 'Maison des associations',
        ...hidden,
      });
      expect(raw).toMatchObject({
        website: 'https://maison.example',
        topics: ['education'],
        languages: ['fr'],
      });
      expect(raw!.redacted).toEqual(['emails', 'phones', 'notes', 'lawfulBasisNote']);
      for (const role of ['coordinator', 'contributor'] as const) {
        const full = stakeholderIn(await pull(w, w.a[role].token));
        expect(full, role).toMatchObject({
          emails: ['amina@example.org'],
          phones: ['+33472103030'],
          notes: 'Calls in the morning',
        });
        expect(full, role).not.toHaveProperty('redacted');
      }

      const conflicts = (await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body.conflicts;
      expect(conflicts).toEqual([
        expect.objectContaining({ field: 'notes', lostValue: null, wonValue: null, redacted: true }),
      ]);
      const full = (await w.call('GET', '/api/conflicts', { token: w.a.contributor.token })).body.conflicts;
      expect(full[0]).toMatchObject({ lostValue: 'Calls any time', wonValue: 'Calls in the morning' });

      const search = async (token: string, q: string) =>
        (await w.call('GET', `/api/stakeholders/search?q=${q}`, { token })).body.results;
      expect((await search(w.a.viewer.token, 'amina'))[0].stakeholder).toMatchObject(hidden);
      // Hidden details cannot be found either.
      expect(await search(w.a.viewer.token, 'morning')).toEqual([]);
      expect(await search(w.a.contributor.token, 'morning')).toHaveLength(1);
    });

    it('PATCH /api/city lets the coordinator show contact details to viewers; the change reaches their copies', async () => {
      const w = await makeWorld(backend);
      await contactWithConflict(w);
      const first = await pull(w, w.a.viewer.token);
      const me = meSchema.parse((await w.call('GET', '/api/me', { token: w.a.viewer.token })).body);
      expect(me.settings).toEqual({ viewersSeeContacts: false });

      const on = await w.call('PATCH', '/api/city', {
        token: w.a.coordinator.token,
        json: { viewersSeeContacts: true },
      });
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({
        city: { id: w.a.city.id, name: 'Lyon' },
        settings: { viewersSeeContacts: true },
      });
      expect(on.body.version).toBe(first.version + 1);
      const next = await pull(w, w.a.viewer.token, first.version);
      expect(next.changes.map((c: { kind: string }) => c.kind)).toEqual(['stakeholder']);
      expect(stakeholderIn(next)).toMatchObject({
        emails: ['amina@example.org'],
        notes: 'Calls in the morning',
      });
      expect(stakeholderIn(next)).not.toHaveProperty('redacted');

      // The same value again changes nothing; switching back hides them again at the next pull.
      const same = await w.call('PATCH', '/api/city', {
        token: w.a.coordinator.token,
        json: { viewersSeeContacts: true },
      });
      expect(same.body.version).toBe(on.body.version);
      const off = await w.call('PATCH', '/api/city', {
        token: w.a.coordinator.token,
        json: { viewersSeeContacts: false },
      });
      expect(stakeholderIn(await pull(w, w.a.viewer.token, on.body.version))).toMatchObject(hidden);
      expect(off.body.version).toBe(on.body.version + 1);
    });

    it('PATCH /api/city refuses unknown or mistyped fields, naming them', async () => {
      const w = await makeWorld(backend);
      for (const [json, field] of [
        [{ viewersSeeContacts: 'yes' }, 'viewersSeeContacts'],
        [{ name: 'Renamed' }, 'body'],
      ] as const) {
        const res = await w.call('PATCH', '/api/city', { token: w.a.coordinator.token, json });
        expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
        expect(res.body.error.message, JSON.stringify(json)).toMatch(new RegExp(`^${field}`));
      }
    });

    it('a viewer made contributor gets the contact details at the next pull, and loses them when made viewer again', async () => {
      const w = await makeWorld(backend);
      await contactWithConflict(w);
      const first = await pull(w, w.a.viewer.token);
      const promote = await w.call('PATCH', `/api/members/${w.a.viewer.member.id}`, {
        token: w.a.coordinator.token,
        json: { role: 'contributor' },
      });
      expect(promote.status).toBe(200);
      const after = await pull(w, w.a.viewer.token, first.version);
      expect(stakeholderIn(after)).toMatchObject({ emails: ['amina@example.org'] });
      await w.call('PATCH', `/api/members/${w.a.viewer.member.id}`, {
        token: w.a.coordinator.token,
        json: { role: 'viewer' },
      });
      expect(stakeholderIn(await pull(w, w.a.viewer.token, after.version))).toMatchObject(hidden);
    });
  });
}
