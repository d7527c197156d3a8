// GET /api/stakeholders/search: "who is best placed", ranked by shared/contacts/ranking.ts over the city's
// live stakeholders and the practices that link them. Computed on each request from the live rows: the
// server keeps no search index, so an erased contact cannot linger in one. A viewer's stakeholders are
// redacted before ranking, so hidden e-mails and notes can neither show nor be searched.
import type { z } from 'zod';
import type { stakeholderSearchQuerySchema } from '../../shared/api/stakeholders.ts';
import { rankStakeholders } from '../../shared/contacts/ranking.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { stakeholderFor } from './contact-visibility.ts';
import { liveStakeholders, practiceLinks } from './stakeholder-rows.ts';

type Query = z.output<typeof stakeholderSearchQuerySchema>;

export async function searchStakeholders(db: Db, caller: Caller, query: Query, nowMs: number) {
  const cityId = caller.city.id;
  const [stakeholders, practices] = await Promise.all([
    liveStakeholders(db, cityId),
    practiceLinks(db, cityId),
  ]);
  const visible = stakeholders.map((s) => stakeholderFor(caller, s));
  const ranked = rankStakeholders(
    visible,
    practices,
    { text: query.q, topics: query.topic, type: query.type, language: query.lang },
    { now: nowMs },
  );
  return { results: ranked.slice(0, query.limit) };
}
