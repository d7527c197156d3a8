// GET /api/library/practices/:id through the real app: the practice with its author, highlights, the
// snippets taken from it and the stakeholders it names — contact details hidden from viewers as in a pull;
// another city's practice, a deleted one and a made-up id all answer 404.
import { describe, expect, it } from 'vitest';
import { fileBackend } from './support/backend.ts';
import { get, practice, push, versionOf } from './support/library-data.ts';
import { createHighlight, createSnippet, createStakeholder, deleteObject, id } from './support/mutations.ts';
import { makeWorld } from './support/world.ts';

describe('practice detail', () => {
  it('holds highlights, snippets and stakeholders, redacted for viewers', async () => {
    const w = await makeWorld(fileBackend);
    const contact = createStakeholder(undefined, { name: 'Amina Diallo', notes: 'call after 5' });
    const other = createStakeholder(undefined, { name: 'Not Linked' });
    const p = practice({
      title: 'Welcome desk',
      stakeholderIds: [contact.objectId],
      areas: ['welcoming_newcomers'],
    });
    const unrelated = practice({ title: 'Other' });
    const h1 = createHighlight(p.objectId);
    const h2 = createHighlight(unrelated.objectId);
    const s1 = createSnippet();
    s1.fields.practiceId = p.objectId as never;
    const s2 = createSnippet();
    await push(w, w.a.contributor.token, [contact, other, p, unrelated, h1, h2, s1, s2]);

    const asCoordinator = await get(w, w.a.coordinator.token, `/api/library/practices/${p.objectId}`);
    expect(asCoordinator.status).toBe(200);
    const d = asCoordinator.body;
    expect(d.practice.title).toBe('Welcome desk');
    expect(d.createdByName).toBe('Lyon Contributor');
    expect(d.highlights.map((h: { id: string }) => h.id)).toEqual([h1.objectId]);
    expect(d.snippets.map((s: { id: string }) => s.id)).toEqual([s1.objectId]);
    expect(d.stakeholders.map((s: { name: string }) => s.name)).toEqual(['Amina Diallo']);
    expect(d.stakeholders[0].emails).toEqual(['amina@example.org']);
    expect(d.stakeholders[0].notes).toBe('call after 5');

    const asViewer = (await get(w, w.a.viewer.token, `/api/library/practices/${p.objectId}`)).body;
    expect(asViewer.stakeholders[0].name).toBe('Amina Diallo');
    expect(asViewer.stakeholders[0].emails).toEqual([]);
    expect(asViewer.stakeholders[0].notes).toBe('');
    expect(asViewer.stakeholders[0].redacted).toContain('emails');
    expect(JSON.stringify(asViewer)).not.toContain('amina@example.org');

    expect((await get(w, w.b.coordinator.token, `/api/library/practices/${p.objectId}`)).status).toBe(404);
    expect((await get(w, w.a.viewer.token, `/api/library/practices/${id()}`)).status).toBe(404);
    expect((await get(w, w.a.viewer.token, `/api/library/practices/${contact.objectId}`)).status).toBe(404);
    await push(w, w.a.coordinator.token, [
      deleteObject('practice', p.objectId, await versionOf(w, p.objectId)),
    ]);
    expect((await get(w, w.a.coordinator.token, `/api/library/practices/${p.objectId}`)).status).toBe(404);
  });
});
