// /api/glossary through the real app on a fresh database: every member reads the city's terms,
// coordinators and contributors write them, viewers cannot, input is validated, and a member of another
// city can neither read, change, delete nor detect them.
import { describe, expect, it } from 'vitest';
import { fileBackend } from './support/backend.ts';
import { makeWorld } from './support/world.ts';

const youthCouncil = {
  conceptId: 'participation',
  labels: { en: 'youth council', fr: 'conseil des jeunes', it: 'consulta giovani' },
  note: 'the body of young residents the city consults',
};

describe('glossary', () => {
  it('coordinators create, contributors replace, everyone reads, and both may delete', async () => {
    const w = await makeWorld(fileBackend);
    const created = await w.call('PUT', '/api/glossary/youth-council', {
      token: w.a.coordinator.token,
      json: youthCouncil,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 'youth-council',
      ...youthCouncil,
      updatedAt: new Date(w.clock.now).toISOString(),
    });

    w.clock.now += 60_000;
    const replaced = await w.call('PUT', '/api/glossary/youth-council', {
      token: w.a.contributor.token,
      json: { labels: { en: 'youth council', it: '  consulta   dei giovani ' } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.labels).toEqual({ en: 'youth council', it: 'consulta dei giovani' });
    expect(replaced.body.conceptId).toBe('participation'); // kept when not sent
    expect(replaced.body.note).toBe(youthCouncil.note);
    expect(replaced.body.updatedAt).toBe(new Date(w.clock.now).toISOString());

    const list = await w.call('GET', '/api/glossary', { token: w.a.viewer.token });
    expect(list.status).toBe(200);
    expect(list.body.terms).toEqual([replaced.body]);

    const deleted = await w.call('DELETE', '/api/glossary/youth-council', { token: w.a.contributor.token });
    expect(deleted.body).toEqual({ deleted: 'youth-council' });
    expect((await w.call('GET', '/api/glossary', { token: w.a.coordinator.token })).body.terms).toEqual([]);
    const again = await w.call('DELETE', '/api/glossary/youth-council', { token: w.a.coordinator.token });
    expect(again.status).toBe(404);
  });

  it('refuses writes from viewers with 403', async () => {
    const w = await makeWorld(fileBackend);
    await w.call('PUT', '/api/glossary/t1', { token: w.a.coordinator.token, json: youthCouncil });
    const put = await w.call('PUT', '/api/glossary/t1', {
      token: w.a.viewer.token,
      json: { labels: { en: 'changed' } },
    });
    expect([put.status, put.body.error.code]).toEqual([403, 'forbidden']);
    const del = await w.call('DELETE', '/api/glossary/t1', { token: w.a.viewer.token });
    expect(del.status).toBe(403);
    const list = await w.call('GET', '/api/glossary', { token: w.a.viewer.token });
    expect(list.body.terms[0].labels).toEqual(youthCouncil.labels);
  });

  it('validates labels, language codes, term length and the id, naming the field', async () => {
    const w = await makeWorld(fileBackend);
    const put = (id: string, json: unknown) =>
      w.call('PUT', `/api/glossary/${id}`, { token: w.a.coordinator.token, json });
    const none = await put('t1', { labels: {} });
    expect([none.status, none.body.error.code]).toEqual([400, 'validation_failed']);
    expect(none.body.error.message).toMatch(/^labels: .*at least one/);
    const tooLong = await put('t1', { labels: { fr: 'x'.repeat(201) } });
    expect(tooLong.body.error.message).toMatch(/^labels\.fr: .*200/);
    expect((await put('t1', { labels: { fr: 'x'.repeat(200) } })).status).toBe(201);
    const blank = await put('t1', { labels: { fr: '   ' } });
    expect(blank.body.error.message).toMatch(/^labels\.fr: /);
    const badCode = await put('t1', { labels: { 'french!': 'conseil' } });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.message).toMatch(/^labels/);
    const badConcept = await put('t1', { conceptId: 'Not A Concept!', labels: { fr: 'conseil' } });
    expect(badConcept.body.error.message).toMatch(/^conceptId: /);
    const badId = await put('bad%20id', { labels: { fr: 'conseil' } });
    expect(badId.body.error.message).toMatch(/^id: /);
    const noLabels = await put('t1', { note: 'x' });
    expect(noLabels.body.error.message).toMatch(/^labels: /);
    const list = await w.call('GET', '/api/glossary', { token: w.a.coordinator.token });
    expect(list.body.terms.map((t: { labels: unknown }) => t.labels)).toEqual([{ fr: 'x'.repeat(200) }]);
  });

  it("keeps a city's terms from every other city: no reading, changing, deleting or detecting them", async () => {
    const w = await makeWorld(fileBackend);
    const id = '0195d2a4-7c1e-7000-8000-000000000001';
    await w.call('PUT', `/api/glossary/${id}`, { token: w.a.coordinator.token, json: youthCouncil });

    const theirs = await w.call('GET', '/api/glossary', { token: w.b.coordinator.token });
    expect(theirs.body.terms).toEqual([]);

    // Deleting it answers exactly like a made-up id.
    const del = await w.call('DELETE', `/api/glossary/${id}`, { token: w.b.coordinator.token });
    const madeUp = await w.call('DELETE', '/api/glossary/0195d2a4-7c1e-7000-8000-00000000ffff', {
      token: w.b.coordinator.token,
    });
    expect(del.status).toBe(404);
    expect(del.body).toEqual(madeUp.body);

    // A PUT with that id creates B's own term, exactly as with a new id, and leaves A's alone.
    const put = await w.call('PUT', `/api/glossary/${id}`, {
      token: w.b.contributor.token,
      json: { labels: { nb: 'ungdomsråd' } },
    });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ id, conceptId: null, labels: { nb: 'ungdomsråd' }, note: '' });

    const ours = await w.call('GET', '/api/glossary', { token: w.a.viewer.token });
    expect(ours.body.terms).toHaveLength(1);
    expect(ours.body.terms[0]).toMatchObject({ id, ...youthCouncil });
    const bTerms = await w.call('GET', '/api/glossary', { token: w.b.viewer.token });
    expect(bTerms.body.terms.map((t: { labels: unknown }) => t.labels)).toEqual([{ nb: 'ungdomsråd' }]);
  });

  it('needs a token', async () => {
    const w = await makeWorld(fileBackend);
    expect((await w.call('GET', '/api/glossary')).status).toBe(401);
    expect((await w.call('PUT', '/api/glossary/x', { json: { labels: { en: 'x' } } })).status).toBe(401);
  });
});
