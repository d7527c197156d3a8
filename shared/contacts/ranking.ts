// "Who is best placed" (issue 4; PRODUCT.md, coordinator task 2): stakeholders filtered by type, language and
// text, and ranked by how well their topics (ICC Index areas) match the asked ones and by how involved they
// are in the city's practices of those areas, recent involvement weighing more. Pure and deterministic (the
// caller gives `now`); every result says why it ranks where it does.

import { searchTokens } from '../search/fold.ts';
import { indexDocument, scoreDocument } from '../search/match.ts';

export interface RankableStakeholder {
  id: string;
  name: string;
  organisation: string;
  role: string;
  department: string;
  type: string;
  languages: readonly string[];
  topics: readonly string[];
  emails?: readonly string[];
  notes?: string;
  deletedAt?: string | null;
}

export interface RankablePractice {
  id: string;
  areas: readonly string[];
  stakeholderIds: readonly string[];
  clippedAt: string;
  deletedAt?: string | null;
}

export interface RankQuery {
  /** Words that must all start a word of the name, organisation, role, department, e-mails or notes. */
  text?: string;
  /** Index area ids; a stakeholder matches through its own topics or through practices of these areas. */
  topics?: readonly string[];
  type?: string;
  /** A language tag; "fr" finds "fr" and "fr-BE", "fr-BE" finds "fr-BE" only. */
  language?: string;
}

export interface RankOptions {
  /** Epoch ms that recency is measured from. */
  now: number;
  /** Age at which a practice counts half as much as a new one. Default 365 days. */
  halfLifeDays?: number;
}

export interface RankExplanation {
  /** The asked topics the stakeholder has among their own topics. */
  matchedTopics: string[];
  /** Live practices linking the stakeholder (in the asked areas when topics were asked). */
  practiceCount: number;
  /** Those practices, most recent first. */
  practiceIds: string[];
  /** The practices weighted by recency (a practice `halfLifeDays` old counts 0.5). */
  involvement: number;
  /** Score from the text query (0 without one). */
  textScore: number;
}

export interface RankedStakeholder<S extends RankableStakeholder> {
  stakeholder: S;
  score: number;
  explanation: RankExplanation;
}

/** How much one fully matched topic list is worth against one recent practice and a name hit. */
export const rankWeights = { topics: 10, involvement: 4, text: 1 } as const;

const dayMs = 86_400_000;

export function rankStakeholders<S extends RankableStakeholder>(
  stakeholders: readonly S[],
  practices: readonly RankablePractice[],
  query: RankQuery,
  options: RankOptions,
): RankedStakeholder<S>[] {
  const topics = [...new Set(query.topics ?? [])];
  const textTokens = searchTokens(query.text ?? '');
  const language = query.language?.trim().toLocaleLowerCase();
  const halfLife = (options.halfLifeDays ?? 365) * dayMs;
  const involvedIn = practicesByStakeholder(practices, topics);

  const results: RankedStakeholder<S>[] = [];
  for (const s of stakeholders) {
    if (s.deletedAt) continue;
    if (query.type && s.type !== query.type) continue;
    if (language && !s.languages.some((l) => speaks(l, language))) continue;
    const textScore = textTokens.length > 0 ? scoreDocument(indexDocument(textFields(s)), textTokens) : 0;
    if (textTokens.length > 0 && textScore === 0) continue;
    const matchedTopics = topics.filter((t) => s.topics.includes(t));
    const linked = (involvedIn.get(s.id) ?? []).sort(
      (a, b) => cmp(b.clippedAt, a.clippedAt) || cmp(a.id, b.id),
    );
    if (topics.length > 0 && matchedTopics.length === 0 && linked.length === 0) continue;
    const involvement = linked.reduce((sum, p) => sum + recency(p.clippedAt, options.now, halfLife), 0);
    const topicShare = topics.length > 0 ? matchedTopics.length / topics.length : 0;
    const score =
      rankWeights.topics * topicShare + rankWeights.involvement * involvement + rankWeights.text * textScore;
    results.push({
      stakeholder: s,
      score: round(score),
      explanation: {
        matchedTopics,
        practiceCount: linked.length,
        practiceIds: linked.map((p) => p.id),
        involvement: round(involvement),
        textScore,
      },
    });
  }
  return results.sort(
    (a, b) =>
      b.score - a.score ||
      cmp(a.stakeholder.name.toLocaleLowerCase('en'), b.stakeholder.name.toLocaleLowerCase('en')) ||
      cmp(a.stakeholder.id, b.stakeholder.id),
  );
}

/** Live practices per linked stakeholder, only those of the asked areas when areas were asked. */
function practicesByStakeholder(practices: readonly RankablePractice[], topics: readonly string[]) {
  const byStakeholder = new Map<string, RankablePractice[]>();
  for (const p of practices) {
    if (p.deletedAt) continue;
    if (topics.length > 0 && !p.areas.some((a) => topics.includes(a))) continue;
    for (const id of new Set(p.stakeholderIds)) {
      const list = byStakeholder.get(id) ?? [];
      list.push(p);
      byStakeholder.set(id, list);
    }
  }
  return byStakeholder;
}

function textFields(s: RankableStakeholder) {
  return {
    id: s.id,
    fields: [
      { text: s.name, weight: 3 },
      { text: s.organisation, weight: 2 },
      { text: `${s.role} ${s.department}`, weight: 1 },
      { text: `${(s.emails ?? []).join(' ')} ${s.notes ?? ''}`, weight: 1 },
    ],
  };
}

/** 1 for a practice clipped now, halving every `halfLife`; a date in the future counts as now. */
function recency(clippedAt: string, now: number, halfLife: number): number {
  const at = Date.parse(clippedAt);
  if (Number.isNaN(at)) return 0;
  return 0.5 ** (Math.max(0, now - at) / halfLife);
}

function speaks(tag: string, wanted: string): boolean {
  const t = tag.toLocaleLowerCase();
  return t === wanted || t.startsWith(`${wanted}-`);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
