// The extension's offline search (extension/features/library-search.ts) and the server's
// (/api/library/search) must find the same practices for the same library (issue 6). One library, pushed to
// the real server and pulled back as the extension would hold it; then the same queries on both sides, and
// the sets of ids compared: accents, case, prefixes, several words, apostrophes, hyphens, letters NFKD keeps
// whole (ø, ł), ligatures, highlights, Index-area labels in both languages, and words drawn from the library.
import { describe, expect, it } from 'vitest';
import { filterLibrary, indexPractice } from '../../extension/features/library-search.ts';
import { pullResponseSchema } from '../../shared/api/sync.ts';
import type { Highlight } from '../../shared/schemas/highlight.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';
import { fileBackend } from './support/backend.ts';
import { get, practice, push } from './support/library-data.ts';
import { createHighlight } from './support/mutations.ts';
import { makeWorld } from './support/world.ts';

// biome-ignore format: a word list reads better packed
const words = [
  'École', 'ecole', 'città', 'comunità', 'educación', 'Educación', 'jóvenes', 'Œuvre', 'œuvres', 'Straße',
  'Bjørvika', 'Łódź', 'naïve', 'café', 'Ærø', 'ﬁnance', 'l’accueil', "d'accueil", 'anti-rumours', 'co-op',
  'welcome', 'Welcome', 'newcomers', 'desk', 'mediation', 'médiation', 'quartier', 'quartiers', 'barrio',
  'barrios', 'scuola', 'schule', 'Schüler', 'façade', 'garçon', 'señor', '2025', 'K-12', 'ÉTÉ', 'été',
];

function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

describe('offline search parity', () => {
  it('the extension and the server find the same practices for the same queries', async () => {
    const w = await makeWorld(fileBackend);
    const random = seeded(7);
    const pick = () => words[Math.floor(random() * words.length)]!;
    const phrase = (n: number) => Array.from({ length: n }, pick).join(' ');
    const mutations: ReturnType<typeof practice>[] = [];
    for (let i = 0; i < 60; i++) {
      mutations.push(
        practice({
          title: `${phrase(3)} ${i}`,
          excerpt: phrase(6),
          note: i % 3 === 0 ? phrase(4) : '',
          contentMarkdown: `# ${phrase(2)}\n\n${phrase(20)}`,
          siteName: i % 4 === 0 ? 'Ville de Montréal' : 'Oslo kommune',
          areas: [indexAreaIds[i % indexAreaIds.length]!],
          tags: i % 2 ? [pick().toLowerCase()] : [],
          lang: ['fr', 'en', 'it', 'es'][i % 4]!,
        }),
      );
    }
    const highlights = [0, 5, 9].map((i) => {
      const h = createHighlight(mutations[i]!.objectId);
      h.fields.quote.exact = `Straße ${phrase(3)}`;
      return h;
    });
    await push(w, w.a.contributor.token, [...mutations, ...highlights]);

    const pulled = await w.call('GET', '/api/sync/pull?since=0&limit=1000', { token: w.a.viewer.token });
    const changes = pullResponseSchema.parse(pulled.body).changes;
    const practices: Practice[] = [];
    const marks: Highlight[] = [];
    for (const c of changes) {
      if (c.deleted) continue;
      if (c.kind === 'practice') practices.push(c.object as Practice);
      if (c.kind === 'highlight') marks.push(c.object as Highlight);
    }
    expect(practices).toHaveLength(60);
    const index = new Map(
      practices.map((p) => [
        p.id,
        indexPractice(
          p,
          marks.filter((h) => h.practiceId === p.id),
        ),
      ]),
    );

    const fixed = [
      'ecole',
      'École',
      'ECOLE',
      'éco',
      'citta',
      'città',
      'comunita',
      'educ',
      'educacion',
      'oeuvre',
      'œuvre',
      'strasse',
      'straße',
      'bjorvika',
      'Bjørvika',
      'lodz',
      'naive',
      'cafe',
      'aero',
      'ærø',
      'finance',
      'accueil',
      'l’accueil',
      "d'acc",
      'anti-rumours',
      'anti rum',
      'co-op',
      'welcome desk',
      'new desk',
      'nouveaux arrivants',
      'newcomers',
      'mediation',
      'quartier',
      'barrio',
      'scuola schule',
      'schuler',
      'facade',
      'garcon',
      'senor',
      '2025',
      'k 12',
      'ete',
      'montreal',
      'oslo',
      'kommune',
      'education',
      'éducation',
      'langue',
      'interculturel',
      'zzz',
      'e',
      'ville de',
      '—',
      '',
    ];
    const drawn = Array.from({ length: 40 }, () => {
      const n = 1 + Math.floor(random() * 3);
      return Array.from({ length: n }, () => {
        const word = pick();
        return word.slice(0, 1 + Math.floor(random() * word.length));
      }).join(' ');
    });
    let compared = 0;
    for (const q of [...fixed, ...drawn]) {
      const offline = filterLibrary(practices, index, { query: q, area: null, tag: null }).map((p) => p.id);
      const answer = await get(w, w.a.viewer.token, '/api/library/search', { q, pageSize: 100 });
      expect(answer.status).toBe(200);
      const online = answer.body.items.map((i: { id: string }) => i.id);
      expect(answer.body.total, q).toBe(online.length);
      expect([...online].sort(), `query "${q}"`).toEqual([...offline].sort());
      compared += online.length;
    }
    // The comparison is not vacuous: the queries found practices.
    expect(compared).toBeGreaterThan(200);
  });
});
