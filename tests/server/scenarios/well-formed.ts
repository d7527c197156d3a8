// Issue 15, item 1: a lone UTF-16 surrogate (`"\ud800"` in a JSON body) must never take the server down.
// Before the fix a practice whose title, excerpt, site name, language or address (or a highlight's quote)
// held one was accepted, and the next search or dashboard page made the libSQL client panic on invalid UTF-8
// (json_extract of the stored escape): the process exited, on a file; on a libSQL server the search answered
// 500 from then on. Now every route's schema refuses such a string with a 400 naming the field, a row
// holding one anyway (written before the fix, or by hand) is read without harm, and the database boundary
// makes any string it is given well-formed.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../support/backend.ts';
import { push } from '../support/library-data.ts';
import {
  createHighlight,
  createPractice,
  createSnippet,
  createStakeholder,
  id,
  nextHlc,
} from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';
import { page, signIn } from '../web-helpers.ts';

const lone = '\ud800';
const wellFormedMessage = 'must be well-formed Unicode (a lone surrogate at character';

/** Fields whose values are not free text (enums, dates, literals): refused too, in zod's words. */
const notText = new Set([
  'type',
  'extraction',
  'visibility',
  'dir',
  'status',
  'lawfulBasis',
  'clippedAt',
  'reviewBy',
  'reviewedAt',
]);

/** Every string leaf of a value, by path. */
function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

/** A deep copy of `value` with the string at `path` given a lone surrogate after its first character. */
function spoiled(value: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const text = at[last] as string;
  at[last] = text.slice(0, 1) + lone + text.slice(1);
  return copy;
}

/** The routes a member's session or token reads after a push: each must answer, none may take the app down. */
async function everythingStillAnswers(w: World) {
  const token = w.a.coordinator.token;
  for (const path of [
    '/api/health',
    '/api/library/search',
    '/api/library/search?q=welcome',
    // %ED%A0%80 is \ud800 as if UTF-8 allowed it: a query string decodes it to U+FFFD, never to a surrogate.
    '/api/library/search?q=%ED%A0%80',
    '/api/library/aggregates',
    '/api/library/coverage',
    '/api/sync/pull',
    '/api/stakeholders/search?q=amina',
    '/api/exports/practices?format=csv',
  ]) {
    const answer = await w.call('GET', path, { token });
    expect(answer.status, `${path}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200);
  }
  const cookie = await signIn(w, token);
  for (const path of ['/web', '/web?q=welcome', '/web/activity', '/web/coverage']) {
    const answer = await page(w, path, cookie);
    expect(answer.status, `${path}: ${answer.text.slice(0, 300)}`).toBe(200);
  }
}

export function wellFormedScenarios(backend: Backend) {
  describe(`lone surrogates on ${backend.name}`, () => {
    it('a push with one in any text field of any kind answers 400 naming the field and stores nothing', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const parent = createPractice();
      await push(w, token, [parent]);
      const practiceWithSummary = createPractice(undefined, {
        summaries: [
          {
            lang: 'fr',
            text: 'Un guichet',
            engine: 'person',
            status: 'reviewed',
            reviewedBy: null,
            reviewedAt: null,
          },
        ],
      });
      const creations = [
        { ...practiceWithSummary, add: { tags: ['welcome desk'] } },
        {
          ...createHighlight(parent.objectId),
          fields: { ...createHighlight(parent.objectId).fields, note: 'a note' },
        },
        createStakeholder(
          undefined,
          { department: 'Culture', notes: 'met in May', lawfulBasisNote: 'x' },
          {
            phones: ['+33 4 72 10 30 30'],
            languages: ['fr'],
          },
        ),
        { ...createSnippet(), fields: { ...createSnippet().fields, sourceUrl: 'https://www.lyon.fr/' } },
      ];
      let tried = 0;
      for (const creation of creations) {
        for (const leaf of stringLeaves({
          fields: creation.fields,
          add: (creation as { add?: unknown }).add,
        })) {
          if (notText.has(String(leaf.at(-1)))) continue;
          const mutation = {
            ...creation,
            id: id(),
            ...(spoiled(
              { fields: creation.fields, add: (creation as { add?: unknown }).add },
              leaf,
            ) as object),
          };
          const answer = await w.call('POST', '/api/sync/push', {
            token,
            json: { clientId: 'c', mutations: [mutation] },
          });
          const path = `mutations.0.${leaf.join('.')}`;
          expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(400);
          expect(answer.body.error.code).toBe('validation_failed');
          // The surrogate went in after the first character (at 0 in an empty string).
          const at =
            leaf.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], creation) === '' ? 0 : 1;
          expect(answer.body.error.message).toBe(`${path}: ${wellFormedMessage} ${at})`);
          tried++;
        }
      }
      expect(tried).toBeGreaterThan(30);
      // The push's own fields too: the client's id, an edit's field.
      const badClient = await w.call('POST', '/api/sync/push', {
        token,
        json: { clientId: `c${lone}`, mutations: [createPractice()] },
      });
      expect([badClient.status, badClient.body.error.message]).toEqual([
        400,
        `clientId: ${wellFormedMessage} 1)`,
      ]);
      const edit = {
        id: id(),
        kind: 'practice',
        objectId: parent.objectId,
        baseVersion: 1,
        hlc: nextHlc(),
        op: 'put',
        fields: { note: `x${lone}` },
      };
      const badEdit = await w.call('POST', '/api/sync/push', {
        token,
        json: { clientId: 'c', mutations: [edit] },
      });
      expect([badEdit.status, badEdit.body.error.message]).toEqual([
        400,
        `mutations.0.fields.note: ${wellFormedMessage} 1)`,
      ]);
      // Nothing was stored: the library holds the one practice pushed first.
      const me = await w.call('GET', '/api/me', { token });
      expect(me.body.libraryVersion).toBe(1);
      await everythingStillAnswers(w);
    });

    it('the other JSON routes refuse one by name too', async () => {
      const w = await makeWorld(backend);
      const coordinator = w.a.coordinator.token;
      const cases: [string, string, unknown, string][] = [
        ['PUT', '/api/glossary/t1', { labels: { fr: `accueil${lone}` } }, 'labels.fr'],
        ['PUT', '/api/glossary/t1', { labels: { fr: 'accueil' }, note: `${lone}` }, 'note'],
        ['POST', '/api/members', { name: `Ana${lone}`, role: 'viewer' }, 'name'],
        ['POST', '/api/tokens', { memberId: w.a.viewer.member.id, label: `laptop${lone}` }, 'label'],
        ['POST', '/api/translate', { text: `Bonjour${lone}`, target: 'en' }, 'text'],
        ['POST', '/api/web/sign-in-links', { next: `/web${lone}` }, 'next'],
      ];
      for (const [method, path, json, field] of cases) {
        const answer = await w.call(method, path, { token: coordinator, json });
        expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(400);
        expect(answer.body.error.message, path).toMatch(
          new RegExp(`^${field.replace('.', '\\.')}: must be well-formed Unicode`),
        );
      }
      // A record's key: the answer names it, repaired (every answer's text is well-formed).
      const key = await w.call('PUT', '/api/glossary/t1', {
        token: coordinator,
        json: { labels: { [`f${lone}`]: 'x' } },
      });
      expect(key.status).toBe(400);
      expect(key.body.error.details[0].path).toBe('labels.f\ufffd');
      await everythingStillAnswers(w);
    });

    it('a row holding one (stored before the fix, or by hand) is read without harm', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const p = createPractice(undefined, { title: 'Welcome desk', siteName: 'Lyon', excerpt: 'A desk' });
      const h = createHighlight(p.objectId);
      const s = createStakeholder();
      await push(w, token, [p, h, { ...s, add: { ...s.add } }]);
      await push(w, token, [
        {
          id: id(),
          kind: 'practice',
          objectId: p.objectId,
          baseVersion: 1,
          hlc: nextHlc(),
          op: 'put',
          add: { stakeholderIds: [s.objectId] },
        },
      ]);
      // What the server stored before the fix: JSON.stringify's escape of the lone surrogate, in the JSON text.
      const spoil = (path: string) =>
        w.db.$client.execute({
          sql: `UPDATE library_objects SET data = json_set(data, '${path}', json('"a\\ud800b"')),
                version = (SELECT library_version + 1 FROM cities WHERE id = city_id) WHERE id = ?`,
          args: [path.startsWith('$.quote') ? h.objectId : p.objectId],
        });
      for (const path of [
        '$.title',
        '$.excerpt',
        '$.siteName',
        '$.lang',
        '$.url',
        '$.clippedAt',
        '$.quote.exact',
      ])
        await spoil(path);
      await w.db.$client.execute(
        `UPDATE cities SET library_version = coalesce((SELECT max(version) FROM library_objects o WHERE o.city_id = cities.id), library_version)`,
      );
      const stored = await w.db.$client.execute({
        sql: 'SELECT data FROM library_objects WHERE id = ?',
        args: [p.objectId],
      });
      expect(String(stored.rows[0]!.data)).toContain('\\ud800');
      await everythingStillAnswers(w);
      const detail = await w.call('GET', `/api/library/practices/${p.objectId}`, { token });
      expect(detail.status).toBe(200);
      const search = await w.call('GET', '/api/library/search?q=desk', { token });
      expect(search.body.items[0]?.title).toBe('a\ufffdb');
    });

    it('the database boundary makes a string well-formed before libSQL sees it', async () => {
      const w = await makeWorld(backend);
      const answer = await w.db.$client.execute({
        sql: 'SELECT ? AS s, hex(?) AS h',
        args: [`a${lone}b`, `a${lone}b`],
      });
      expect([answer.rows[0]!.s, answer.rows[0]!.h]).toEqual(['a\ufffdb', '61EFBFBD62']);
      const tx = await w.db.$client.transaction('write');
      try {
        const inTx = await tx.batch([{ sql: 'SELECT ? AS s', args: [`${lone}`] }]);
        expect(inTx[0]!.rows[0]!.s).toBe('\ufffd');
      } finally {
        tx.close();
      }
    });
  });
}
