// A practice's page on the dashboard: the practice with its author's name, its highlights, the snippets
// (and their translations) taken from it, and the stakeholders it names — redacted for viewers exactly as
// a pull redacts them (server/stakeholders/contact-visibility.ts). Another city's id is simply not found.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Highlight } from '../../shared/schemas/highlight.ts';
import type { Role } from '../../shared/schemas/member.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import type { Snippet } from '../../shared/schemas/snippet.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import type { Db } from '../db/client.ts';
import { cities, libraryObjects } from '../db/schema/index.ts';
import { stakeholderFor } from '../stakeholders/contact-visibility.ts';
import { liveObjects, memberNames } from './objects.ts';

export type DetailCaller =
  | {
      cityId: string;
      memberId: string;
      role: Role;
      /** The city's setting; read from the database when not given. */
      viewersSeeContacts?: boolean;
    }
  /** The authenticated caller as the routes hold it (server/app-env.ts). */
  | { member: { id: string; role: Role }; city: { id: string; viewersSeeContacts: boolean } };

const flatCaller = (c: DetailCaller) =>
  'member' in c
    ? {
        cityId: c.city.id,
        memberId: c.member.id,
        role: c.member.role,
        viewersSeeContacts: c.city.viewersSeeContacts,
      }
    : c;

export interface PracticeDetail {
  practice: Practice;
  createdByName: string | null;
  highlights: Highlight[];
  snippets: Snippet[];
  /** With `redacted` naming the emptied contact details when the caller may not see them. */
  stakeholders: (Stakeholder & { redacted?: string[] })[];
}

export async function getPracticeDetail(
  db: Db,
  who: DetailCaller,
  id: string,
): Promise<PracticeDetail | null> {
  const caller = flatCaller(who);
  const { cityId } = caller;
  const [practice] = await liveObjects<Practice>(db, cityId, 'practice', eq(libraryObjects.id, id));
  if (!practice) return null;
  const [highlights, snippets, stakeholders, names, viewersSeeContacts] = await Promise.all([
    liveObjects<Highlight>(db, cityId, 'highlight', eq(libraryObjects.parentId, id)),
    liveObjects<Snippet>(
      db,
      cityId,
      'snippet',
      sql`json_extract(${libraryObjects.data}, '$.practiceId') = ${id}`,
    ),
    practice.stakeholderIds.length
      ? liveObjects<Stakeholder>(
          db,
          cityId,
          'stakeholder',
          inArray(libraryObjects.id, practice.stakeholderIds),
        )
      : Promise.resolve([]),
    memberNames(db, cityId, practice.createdBy ? [practice.createdBy] : []),
    caller.viewersSeeContacts ?? readViewersSeeContacts(db, cityId),
  ]);
  const seer = { member: { role: caller.role }, city: { viewersSeeContacts } };
  const order = new Map(practice.stakeholderIds.map((s, i) => [s, i]));
  return {
    practice,
    createdByName: practice.createdBy ? (names.get(practice.createdBy) ?? null) : null,
    highlights: highlights.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    snippets: snippets.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    stakeholders: stakeholders
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((s) => stakeholderFor(seer as never, s)),
  };
}

async function readViewersSeeContacts(db: Db, cityId: string): Promise<boolean> {
  const [row] = await db.select({ v: cities.viewersSeeContacts }).from(cities).where(eq(cities.id, cityId));
  return row?.v ?? false;
}
