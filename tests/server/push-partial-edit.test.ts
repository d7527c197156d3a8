// A put carries only the fields the member changed: one that leaves a defaulted field out (a practice's
// `summaries`, default []) leaves it as it is on the server. Before the fix, zod filled the default in on the
// wire, so a colleague's edit of the note wiped the practice's summaries in other languages.
import { describe, expect, it } from 'vitest';
import { fileBackend } from './support/backend.ts';
import { createPractice, editPractice } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

const push = async (w: World, token: string, mutations: unknown[]) => {
  const res = await w.call('POST', '/api/sync/push', { token, json: { clientId: 'client-1', mutations } });
  expect(res.status).toBe(200);
  return res.body as { results: { status: string; objectVersion: number }[] };
};

const summary = {
  lang: 'fr',
  text: 'Un guichet d’accueil en douze langues.',
  engine: 'person',
  status: 'reviewed',
  reviewedBy: null,
  reviewedAt: null,
};

describe('an edit of one field', () => {
  it('keeps the summaries it did not send', async () => {
    const w = await makeWorld(fileBackend);
    const practice = createPractice();
    const created = await push(w, w.a.contributor.token, [practice]);
    const withSummary = await push(w, w.a.contributor.token, [
      editPractice(practice.objectId, created.results[0]!.objectVersion, {
        fields: { summaries: [summary] },
      }),
    ]);
    // A colleague edits the note only.
    const edited = await push(w, w.a.coordinator.token, [
      editPractice(practice.objectId, withSummary.results[0]!.objectVersion, {
        fields: { note: 'Open on Mondays' },
      }),
    ]);
    expect(edited.results[0]!.status).toBe('applied');
    const pulled = await w.call('GET', '/api/sync/pull?since=0', { token: w.a.viewer.token });
    const object = (pulled.body.changes as { id: string; object: Record<string, unknown> }[]).find(
      (c) => c.id === practice.objectId,
    )!.object;
    expect(object).toMatchObject({ note: 'Open on Mondays', summaries: [summary] });
  });
});
