// Helpers for the dashboard-data tests (issue 6): pushing practices through the real sync route and reading
// the library routes' answers.
import { expect } from 'vitest';
import { createPractice } from './mutations.ts';
import type { World } from './world.ts';

export const push = async (w: World, token: string, mutations: unknown[], clientId = 'c') => {
  for (let at = 0; at < mutations.length; at += 50) {
    const answer = await w.call('POST', '/api/sync/push', {
      token,
      json: { clientId, mutations: mutations.slice(at, at + 50) },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
};

export interface PracticeSpec {
  title: string;
  excerpt?: string;
  note?: string;
  contentMarkdown?: string;
  siteName?: string | null;
  lang?: string | null;
  visibility?: 'city' | 'network';
  clippedAt?: string;
  areas?: string[];
  tags?: string[];
  stakeholderIds?: string[];
}

/** A creation mutation for the spec; returns the mutation and the new practice's id. */
export function practice(spec: PracticeSpec) {
  const { areas = [], tags = [], stakeholderIds = [], ...fields } = spec;
  const m = createPractice(
    undefined,
    { excerpt: '', note: '', contentMarkdown: '', ...fields },
    {
      areas,
      tags,
      stakeholderIds,
    },
  );
  return m;
}

/** GET with a token and query parameters (repeated for arrays). */
export function get(
  w: World,
  token: string,
  path: string,
  params: Record<string, string | string[] | number> = {},
) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, String(one));
  }
  const qs = search.toString();
  return w.call('GET', qs ? `${path}?${qs}` : path, { token });
}

/** The object's current version on the server (the base of the next edit or delete). */
export async function versionOf(w: World, id: string): Promise<number> {
  const r = await w.db.$client.execute({
    sql: 'SELECT version FROM library_objects WHERE id = ?',
    args: [id],
  });
  return Number(r.rows[0]!.version);
}
