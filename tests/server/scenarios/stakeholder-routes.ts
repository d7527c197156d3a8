// /api/stakeholders through the real app: who is best placed (search), contacts due for review, and the
// access-request export.
import { describe, expect, it } from 'vitest';
import {
  accessExportSchema,
  reviewResponseSchema,
  stakeholderSearchResponseSchema,
} from '../../../shared/api/stakeholders.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, createStakeholder, editObject } from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';

const push = (w: World, token: string, mutations: unknown[], clientId = 'c') =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });

/** Three contacts and practices linking them, clipped at different times. */
async function contacts(w: World) {
  const teacher = createStakeholder(
    undefined,
    { name: 'Chloé Martin', type: 'academia', reviewBy: '2025-02-01T00:00:00.000Z' },
    { emails: ['chloe@univ.example'], languages: ['fr-BE'], topics: ['education'] },
  );
  const official = createStakeholder(
    undefined,
    {
      name: 'Émile Durand',
      type: 'elected_official',
      notes: 'Knows the school board',
      reviewBy: '2025-06-01T00:00:00Z',
    },
    { emails: ['emile@lyon.example'], languages: ['fr'], topics: ['education', 'participation'] },
  );
  const activist = createStakeholder(
    undefined,
    { name: 'Ana Souza', reviewBy: '2025-01-15T00:00:00.000+01:00' },
    { languages: ['pt'], topics: ['participation'] },
  );
  const practice = (title: string, areas: string[], ids: string[], clippedAt: string) =>
    createPractice(undefined, { title, clippedAt }, { areas, stakeholderIds: ids });
  await push(w, w.a.contributor.token, [
    teacher,
    official,
    activist,
    practice('School twinning', ['education'], [teacher.objectId], '2025-02-20T00:00:00.000Z'),
    practice(
      'Homework club',
      ['education'],
      [teacher.objectId, activist.objectId],
      '2024-12-01T00:00:00.000Z',
    ),
    practice('Youth council', ['participation'], [official.objectId], '2025-02-01T00:00:00.000Z'),
  ]);
  return { teacher: teacher.objectId, official: official.objectId, activist: activist.objectId };
}

export function stakeholderRouteScenarios(backend: Backend) {
  describe(`stakeholder routes on ${backend.name}`, () => {
    it('search ranks by topic match and involvement in practices of the area, with explanations', async () => {
      const w = await makeWorld(backend);
      const ids = await contacts(w);
      const res = await w.call('GET', '/api/stakeholders/search?topic=education', {
        token: w.a.contributor.token,
      });
      expect(res.status).toBe(200);
      const { results } = stakeholderSearchResponseSchema.parse(res.body);
      expect(
        results.map((r) => [r.stakeholder.id, r.explanation.matchedTopics, r.explanation.practiceCount]),
      ).toEqual([
        [ids.teacher, ['education'], 2],
        [ids.official, ['education'], 0],
        [ids.activist, [], 1],
      ]);
      expect(results[0]!.stakeholder.emails).toEqual(['chloe@univ.example']);

      const names = async (query: string) =>
        (
          await w.call('GET', `/api/stakeholders/search?${query}`, { token: w.a.viewer.token })
        ).body.results.map((r: { stakeholder: { name: string } }) => r.stakeholder.name);
      expect(await names('q=emile')).toEqual(['Émile Durand']);
      expect(await names('lang=fr')).toEqual(['Chloé Martin', 'Émile Durand']);
      expect(await names('type=academia')).toEqual(['Chloé Martin']);
      expect(await names('topic=participation,education&limit=1')).toEqual(['Émile Durand']);
    });

    it('search answers 400 naming the field for an unknown topic, type or limit', async () => {
      const w = await makeWorld(backend);
      for (const [query, field] of [
        ['topic=education,knitting', 'topic.1'],
        ['type=wizard', 'type'],
        ['limit=0', 'limit'],
      ]) {
        const res = await w.call('GET', `/api/stakeholders/search?${query}`, { token: w.a.viewer.token });
        expect([res.status, res.body.error.code], query).toEqual([400, 'validation_failed']);
        expect(res.body.error.message.startsWith(`${field}:`), res.body.error.message).toBe(true);
      }
    });

    it('review lists contacts whose review-by date is past, oldest first, by default as of now', async () => {
      const w = await makeWorld(backend);
      const ids = await contacts(w);
      const due = async (query: string) => {
        const res = await w.call('GET', `/api/stakeholders/review${query}`, { token: w.a.contributor.token });
        return reviewResponseSchema.parse(res.body).stakeholders.map((s) => s.id);
      };
      // The clock stands at 2025-03-01.
      expect(await due('')).toEqual([ids.activist, ids.teacher]);
      expect(await due('?before=2025-12-31T00:00:00Z')).toEqual([ids.activist, ids.teacher, ids.official]);
      expect(await due('?before=2025-01-01T00:00:00Z')).toEqual([]);
      const bad = await w.call('GET', '/api/stakeholders/review?before=soon', {
        token: w.a.coordinator.token,
      });
      expect([bad.status, bad.body.error.message.split(':')[0]]).toEqual([400, 'before']);
    });

    it('export gives a coordinator everything held on one person', async () => {
      const w = await makeWorld(backend);
      const ids = await contacts(w);
      await push(w, w.a.coordinator.token, [
        editObject('stakeholder', ids.official, 1, {
          fields: { sourceUrl: 'https://www.lyon.fr/elus' },
          remove: { emails: ['emile@lyon.example'] },
          add: { emails: ['e.durand@lyon.example'] },
        }),
      ]);
      const res = await w.call('GET', `/api/stakeholders/${ids.official}/export`, {
        token: w.a.coordinator.token,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Disposition')).toContain(`stakeholder-${ids.official}.json`);
      const doc = accessExportSchema.parse(res.body);
      expect(doc.stakeholder).toMatchObject({ name: 'Émile Durand', emails: ['e.durand@lyon.example'] });
      expect(doc.provenance).toMatchObject({
        createdBy: { id: w.a.contributor.member.id, name: 'Lyon Contributor' },
        updatedBy: { id: w.a.coordinator.member.id, name: 'Lyon Coordinator' },
        sourceUrl: 'https://www.lyon.fr/elus',
        lawfulBasis: 'public_task',
      });
      expect(doc.removedValues).toEqual({ emails: ['emile@lyon.example'] });
      expect(doc.practices.map((p) => p.title)).toEqual(['Youth council']);
      expect(doc.fieldWrites.find((f) => f.field === 'sourceUrl')?.by.name).toBe('Lyon Coordinator');
      expect(doc.exportedBy.id).toBe(w.a.coordinator.member.id);

      await w.call('POST', `/api/stakeholders/${ids.official}/erase`, { token: w.a.coordinator.token });
      const gone = await w.call('GET', `/api/stakeholders/${ids.official}/export`, {
        token: w.a.coordinator.token,
      });
      expect([gone.status, gone.body.error.code]).toEqual([410, 'erased']);
    });

    it('ids that are not stakeholders of the city are 404 on export and erase', async () => {
      const w = await makeWorld(backend);
      const p = createPractice();
      await push(w, w.a.contributor.token, [p]);
      for (const id of [p.objectId, '0195f7a2-0000-7000-8000-00000000ffff', 'not-a-uuid']) {
        for (const [method, path] of [
          ['GET', `/api/stakeholders/${id}/export`],
          ['POST', `/api/stakeholders/${id}/erase`],
        ] as const) {
          const res = await w.call(method, path, { token: w.a.coordinator.token });
          expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([404, 'not_found']);
        }
      }
    });
  });
}
