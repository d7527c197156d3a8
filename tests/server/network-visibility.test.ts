// /api/network through the real app: a network coordinator (granted with the admin CLI) sees the member
// cities' counts side by side and the practices they shared with the network — never an unshared practice,
// a contact, a highlight or another network's cities; anyone else gets 403.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands.ts';
import { cities } from '../../server/db/schema/index.ts';
import { createCity } from '../../server/tenancy/tenancy.ts';
import { networkOverviewSchema, networkSearchResultSchema } from '../../shared/api/library.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';
import { fileBackend } from './support/backend.ts';
import { get, practice, push, versionOf } from './support/library-data.ts';
import { createHighlight, createStakeholder, editPractice } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

async function admin(w: World, ...argv: string[]) {
  const lines: string[] = [];
  await runAdmin(argv, { db: w.db, out: (l) => lines.push(l), now: w.clock.now, server: 'http://x' });
  return lines.join('\n');
}

async function network(w: World) {
  await w.db.update(cities).set({ networkId: 'no-network' }).where(eq(cities.id, w.a.city.id));
  await w.db.update(cities).set({ networkId: 'no-network' }).where(eq(cities.id, w.b.city.id));
  const rome = await createCity(
    w.db,
    { name: 'Roma', country: 'IT', lang: 'it', networkId: 'it-rcd' },
    w.clock.now,
  );
  const national = await w.person(rome.id, 'viewer', 'National Coordinator');
  const italian = await w.person(rome.id, 'viewer', 'Italian Coordinator');
  expect(
    await admin(w, 'grant-network', '--member', national.member.id, '--network', 'no-network'),
  ).toContain('now coordinates network no-network');
  await admin(w, 'grant-network', '--member', italian.member.id, '--network', 'it-rcd');

  const contact = createStakeholder(
    undefined,
    { name: 'Ingrid Secretperson', notes: 'private note' },
    {
      emails: ['ingrid@secret.example'],
      languages: ['no'],
      topics: ['education'],
    },
  );
  const shared = practice({
    title: 'Shared language café',
    visibility: 'network',
    areas: ['language', 'education'],
    stakeholderIds: [contact.objectId],
    note: 'open to the network',
  });
  const unshared = practice({
    title: 'Unshared language café budget',
    visibility: 'city',
    areas: ['language'],
  });
  const unshared2 = practice({ title: 'Internal memo', visibility: 'city', areas: ['education'] });
  const highlight = createHighlight(shared.objectId);
  highlight.fields.quote.exact = 'highlighted secret passage';
  await push(w, w.a.contributor.token, [contact, shared, unshared, unshared2, highlight]);
  const bergenShared = practice({
    title: 'Bergen language mentors',
    visibility: 'network',
    areas: ['language'],
  });
  await push(w, w.b.contributor.token, [bergenShared]);
  return { rome, national, italian, contact, shared, unshared, bergenShared };
}

describe('network visibility', () => {
  it('a network coordinator sees shared practices and counts, never unshared practices or contacts', async () => {
    const w = await makeWorld(fileBackend);
    const n = await network(w);
    const t = n.national.token;

    const found = await get(w, t, '/api/network/practices', { q: 'language' });
    expect(found.status).toBe(200);
    const result = networkSearchResultSchema.parse(found.body);
    expect(result.items.map((i) => i.id).sort()).toEqual([n.shared.objectId, n.bergenShared.objectId].sort());
    expect(result.items.find((i) => i.id === n.shared.objectId)!.cityName).toBe('Lyon');
    expect(result.items.find((i) => i.id === n.bergenShared.objectId)!.cityName).toBe('Bergen');
    const text = JSON.stringify(found.body);
    for (const secret of [
      'Ingrid',
      'ingrid@secret.example',
      'private note',
      n.contact.objectId,
      'Unshared',
      'highlighted',
    ])
      expect(text).not.toContain(secret);

    expect((await get(w, t, '/api/network/practices', { q: 'unshared' })).body.total).toBe(0);
    expect((await get(w, t, '/api/network/practices', { q: 'memo' })).body.total).toBe(0);
    expect((await get(w, t, '/api/network/practices', { visibility: 'city' })).body.total).toBe(0);
    expect((await get(w, t, '/api/network/practices')).body.total).toBe(2);

    const overview = networkOverviewSchema.parse((await get(w, t, '/api/network/overview')).body);
    expect(overview.networkId).toBe('no-network');
    expect(overview.cities.map((c) => c.name)).toEqual(['Bergen', 'Lyon']);
    const lyon = overview.cities.find((c) => c.name === 'Lyon')!;
    expect([lyon.total, lyon.shared]).toEqual([3, 1]);
    const count = (areaId: string) => lyon.byArea.find((a) => a.areaId === areaId)!.count;
    expect([count('language'), count('education'), count('mediation')]).toEqual([2, 2, 0]);
    expect(lyon.byArea.map((a) => a.areaId)).toEqual(indexAreaIds);
    expect(JSON.stringify(overview)).not.toContain('Ingrid');

    // Unsharing takes the practice out of the network view at once.
    await push(w, w.a.contributor.token, [
      editPractice(n.shared.objectId, await versionOf(w, n.shared.objectId), {
        fields: { visibility: 'city' },
      }),
    ]);
    const after = await get(w, t, '/api/network/practices', { q: 'language' });
    expect(after.body.items.map((i: { id: string }) => i.id)).toEqual([n.bergenShared.objectId]);
  });

  it('a coordinator of another network sees nothing of these cities; others get 403', async () => {
    const w = await makeWorld(fileBackend);
    const n = await network(w);
    const other = await get(w, n.italian.token, '/api/network/practices', { q: 'language' });
    expect(other.status).toBe(200);
    expect(other.body.total).toBe(0);
    const overview = networkOverviewSchema.parse(
      (await get(w, n.italian.token, '/api/network/overview')).body,
    );
    expect(overview.cities.map((c) => c.name)).toEqual(['Roma']);
    expect(overview.cities[0]!.total).toBe(0);

    for (const token of [w.a.coordinator.token, w.a.contributor.token, w.b.viewer.token]) {
      expect((await get(w, token, '/api/network/practices')).status).toBe(403);
      expect((await get(w, token, '/api/network/overview')).status).toBe(403);
    }
    // Revoking the grant closes the view.
    expect(await admin(w, 'revoke-network', '--member', n.national.member.id)).toContain(
      'no longer coordinates',
    );
    expect((await get(w, n.national.token, '/api/network/overview')).status).toBe(403);
    await expect(
      admin(w, 'grant-network', '--member', n.national.member.id, '--network', 'nowhere'),
    ).rejects.toThrow('no network nowhere');
    // Bad filters name the parameter.
    const bad = await get(w, n.italian.token, '/api/network/practices', { colour: 'x' });
    expect([bad.status, bad.body.error.message.startsWith('colour')]).toEqual([400, true]);
  });
});
