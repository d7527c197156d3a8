// The data the fuzz suite's server starts with: two cities (Lyon, Bergen) with a coordinator, a contributor
// and a viewer each, a few objects of every kind in Lyon (practices, a highlight, a stakeholder, a snippet,
// a conflict, a glossary term), and spare members and tokens for the fuzz to disable and revoke without
// locking its own callers out. Written through the server's own functions and the real app in this
// process, then the database is closed and handed to the server process.
import { createApp } from '../../../../server/app.ts';
import { openDb } from '../../../../server/db/client.ts';
import { applyMigrations } from '../../../../server/db/migrate.ts';
import { addMember, createCity, issueToken } from '../../../../server/tenancy/tenancy.ts';
import type { Role } from '../../../../shared/schemas/member.ts';
import {
  createHighlight,
  createPractice,
  createSnippet,
  createStakeholder,
  editPractice,
} from '../mutations.ts';

export type FuzzRole = Role;

export interface FuzzFixture {
  /** Lyon's callers: what the fuzz sends as each role. */
  tokens: Record<Role, string>;
  /** A coordinator of Lyon whose token the fuzz never sends: the liveness check's caller (the fuzz may
   *  sign its own callers out everywhere). */
  watcher: string;
  /** Ids that exist (objects, members, tokens, conflicts, terms; some in Bergen), for path parameters. */
  knownIds: string[];
  /** A practice of Lyon, for the liveness check's dashboard page. */
  practiceId: string;
  /** The OpenAPI document and the served routes, read from the app through app.request. */
  openapi: unknown;
  routes: { method: string; path: string }[];
}

export async function seedFuzzDatabase(url: string): Promise<FuzzFixture> {
  const db = await openDb({ url });
  try {
    await applyMigrations(db);
    const now = Date.now();
    const app = createApp({ db, rateLimit: false, log: () => {} });
    const city = async (name: string, country: string) => {
      const c = await createCity(db, { name, country, lang: 'en' }, now);
      const tokens = {} as Record<Role, string>;
      const memberIds: string[] = [];
      for (const role of ['coordinator', 'contributor', 'viewer'] as const) {
        const member = await addMember(db, c.id, { name: `${name} ${role}`, role }, now);
        tokens[role] = (await issueToken(db, { cityId: c.id, memberId: member.id }, now)).secret;
      }
      // Spares: the fuzz may disable these members and revoke these tokens.
      for (const role of ['coordinator', 'contributor'] as const) {
        const member = await addMember(db, c.id, { name: `${name} spare ${role}`, role }, now);
        const { token } = await issueToken(db, { cityId: c.id, memberId: member.id }, now);
        memberIds.push(member.id);
        memberIds.push(token.id);
      }
      return { id: c.id, tokens, ids: [c.id, ...memberIds] };
    };
    const lyon = await city('Lyon', 'FR');
    const watcherMember = await addMember(db, lyon.id, { name: 'Lyon watcher', role: 'coordinator' }, now);
    const watcher = (await issueToken(db, { cityId: lyon.id, memberId: watcherMember.id }, now)).secret;
    const bergen = await city('Bergen', 'NO');

    const push = async (token: string, mutations: unknown[]) => {
      const res = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: 'seed', mutations }),
      });
      if (res.status !== 200) throw new Error(`seed push answered ${res.status}: ${await res.text()}`);
    };
    const practice = createPractice(undefined, {}, { tags: ['welcome', 'languages'], areas: ['education'] });
    const shared = createPractice(undefined, { title: 'Shared with the network', visibility: 'network' });
    const highlight = createHighlight(practice.objectId);
    const stakeholder = createStakeholder();
    const snippet = createSnippet();
    await push(lyon.tokens.contributor, [practice, shared, highlight, stakeholder, snippet]);
    // A same-field race from version 1: the loser is a conflict to restore or dismiss.
    await push(lyon.tokens.contributor, [editPractice(practice.objectId, 1, { fields: { note: 'a' } })]);
    await push(lyon.tokens.coordinator, [editPractice(practice.objectId, 1, { fields: { note: 'b' } })]);
    const bergenPractice = createPractice();
    await push(bergen.tokens.contributor, [bergenPractice]);
    await app.request('/api/glossary/youth-council', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${lyon.tokens.coordinator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ labels: { en: 'youth council', fr: 'conseil des jeunes' } }),
    });
    const conflicts = (await (
      await app.request('/api/conflicts', { headers: { Authorization: `Bearer ${lyon.tokens.viewer}` } })
    ).json()) as { conflicts: { id: string }[] };

    const openapi = await (await app.request('/api/openapi.json')).json();
    return {
      tokens: lyon.tokens,
      watcher,
      knownIds: [
        ...lyon.ids,
        ...bergen.ids,
        ...[practice, shared, highlight, stakeholder, snippet, bergenPractice].map((m) => m.objectId),
        ...conflicts.conflicts.map((c) => c.id),
        'youth-council',
      ],
      practiceId: practice.objectId,
      openapi,
      routes: app.routes.map((r) => ({ method: r.method, path: r.path })),
    };
  } finally {
    db.$client.close();
  }
}
