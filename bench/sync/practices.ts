// Realistic practices for the sync benches: a clipped city page with its metadata, a few KB of Markdown
// (headings, paragraphs, a list, links), two or three ICC Index areas, tags and a note — what a member's
// clip looks like, not a row of padding. Deterministic (a seeded generator), so every run pushes the same
// bytes, and written as the extension's outbox writes a creation (extension/store/mutations.ts).
import { uuidv7 } from '../../shared/ids.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';

export interface PracticeMutation {
  id: string;
  kind: 'practice';
  objectId: string;
  baseVersion: number;
  hlc: string;
  op: 'put';
  createdAt?: string;
  fields: Record<string, unknown>;
  add?: Record<string, string[]>;
}

/** mulberry32: small, fast and good enough to vary text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// biome-ignore format: a word list reads better packed
const words = [
  'city', 'newcomers', 'welcome', 'desk', 'language', 'mediators', 'library', 'school', 'neighbourhood',
  'festival', 'council', 'residents', 'diversity', 'inclusion', 'dialogue', 'youth', 'employment', 'housing',
  'volunteers', 'associations', 'training', 'public', 'services', 'intercultural', 'programme', 'network',
  'families', 'women', 'entrepreneurs', 'mentoring', 'sport', 'culture', 'health', 'participation', 'rumours',
  'campaign', 'partners', 'budget', 'evaluation', 'survey', 'migrants', 'refugees', 'citizenship', 'media',
];
const tagPool = ['anti-rumours', 'youth', 'mediation', 'languages', 'housing', 'jobs', 'schools', 'sport'];
const sites = ['Ajuntament de Barcelona', 'Câmara Municipal de Lisboa', 'Ville de Montréal', 'Oslo kommune'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function sentence(random: () => number, length: number): string {
  const text = Array.from({ length }, () => pick(random, words)).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number): string {
  return Array.from({ length: 4 + Math.floor(random() * 4) }, () =>
    sentence(random, 8 + Math.floor(random() * 10)),
  ).join(' ');
}

/** About 2.5–4 KB of Markdown, shaped like a practice page Readability cleaned. */
function markdown(random: () => number, title: string): string {
  const parts = [
    `# ${title}`,
    paragraph(random),
    `## ${sentence(random, 4).slice(0, -1)}`,
    paragraph(random),
  ];
  parts.push(
    Array.from({ length: 4 }, () => `- ${sentence(random, 6)}`).join('\n'),
    `## ${sentence(random, 3).slice(0, -1)}`,
    paragraph(random),
    `More on [the city's page](https://city.example/practices/${Math.floor(random() * 1e6)}) and **${sentence(random, 3)}**`,
    paragraph(random),
  );
  return parts.join('\n\n');
}

/** The whole-value fields and set elements of practice number `n`. */
export function practiceContent(n: number, random = seededRandom(n + 1)) {
  const title = `${sentence(random, 5).slice(0, -1)} (${n})`;
  const site = pick(random, sites);
  const url = `https://city.example/practices/${n}`;
  const areas = [
    ...new Set([pick(random, indexAreaIds), pick(random, indexAreaIds), pick(random, indexAreaIds)]),
  ];
  const tags = [...new Set([pick(random, tagPool), pick(random, tagPool)])];
  return {
    fields: {
      url,
      canonicalUrl: url,
      title,
      excerpt: sentence(random, 20),
      siteName: site,
      byline: 'Intercultural team',
      publishedTime: '2025-03-14T09:00:00.000Z',
      lang: 'en',
      dir: 'ltr',
      image: `https://city.example/images/${n}.jpg`,
      contentMarkdown: markdown(random, title),
      extraction: 'full',
      note: sentence(random, 12),
      visibility: 'city',
      clippedAt: '2025-06-01T10:00:00.000Z',
    } as Record<string, unknown>,
    sets: { areas, tags },
  };
}

/** Distinct texts generated: a library of 100,000 reuses them (with its own title and URL per practice). */
const textPool = 1000;
const pool = new Map<number, ReturnType<typeof practiceContent>>();

/** The push mutation that creates practice `n`, stamped at `ms` (counter `n` keeps stamps unique). */
export function creationMutation(n: number, ms: number): PracticeMutation {
  let text = pool.get(n % textPool);
  if (!text) {
    text = practiceContent(n % textPool);
    pool.set(n % textPool, text);
  }
  const url = `https://city.example/practices/${n}`;
  const fields = { ...text.fields, title: `${text.fields.title} #${n}`, url, canonicalUrl: url };
  const sets = text.sets;
  return {
    id: uuidv7(ms),
    kind: 'practice',
    objectId: uuidv7(ms),
    baseVersion: 0,
    hlc: formatHlc({ ms, counter: n % 10_000 }),
    op: 'put',
    createdAt: new Date(ms).toISOString(),
    fields,
    add: sets,
  };
}

/** An edit of one field, as a member changing the note of a practice they pulled. */
export function noteEdit(objectId: string, baseVersion: number, note: string, ms: number): PracticeMutation {
  return {
    id: uuidv7(ms),
    kind: 'practice',
    objectId,
    baseVersion,
    hlc: formatHlc({ ms, counter: 0 }),
    op: 'put',
    fields: { note },
  };
}
