// GET /api/stakeholders/review: contacts whose review-by date has come (GDPR storage limitation: the city
// decides again whether to keep them), oldest due first.
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { liveStakeholders } from './stakeholder-rows.ts';

export async function stakeholdersDue(db: Db, caller: Caller, before: string) {
  const limit = Date.parse(before);
  const due = (await liveStakeholders(db, caller.city.id))
    .filter((s) => s.reviewBy !== null && Date.parse(s.reviewBy) <= limit)
    .sort(
      (a, b) =>
        Date.parse(a.reviewBy!) - Date.parse(b.reviewBy!) ||
        a.name.localeCompare(b.name) ||
        (a.id < b.id ? -1 : 1),
    );
  return { before, stakeholders: due };
}
