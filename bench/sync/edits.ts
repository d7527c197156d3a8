// Fresh changes after a known cursor: members editing the notes of practices spread over the library,
// pushed through the real API one push each, as members' browsers would.

import type { Db } from '../../server/db/client.ts';
import { pushRequestSchema } from '../../shared/api/sync.ts';
import { noteEdit } from './practices.ts';

/** `count` practice ids spread evenly over the city's library, with their versions. */
export async function spreadPractices(db: Db, cityId: string, count: number) {
  const total = Number(
    (
      await db.$client.execute({
        sql: 'SELECT count(*) AS n FROM library_objects WHERE city_id = ?',
        args: [cityId],
      })
    ).rows[0]!.n,
  );
  const step = Math.max(1, Math.floor(total / count));
  const picked: { id: string; version: number }[] = [];
  for (let i = 0; i < count; i++) {
    const row = (
      await db.$client.execute({
        sql: 'SELECT id, version FROM library_objects WHERE city_id = ? ORDER BY id LIMIT 1 OFFSET ?',
        args: [cityId, Math.min(total - 1, i * step)],
      })
    ).rows[0]!;
    picked.push({ id: String(row.id), version: Number(row.version) });
  }
  return picked;
}

/** One push per edit, through the server at `origin`; returns the library version after the last. */
export async function pushNoteEdits(
  origin: string,
  token: string,
  targets: { id: string; version: number }[],
  perPush = 1,
): Promise<number> {
  let version = 0;
  const ms = Date.now();
  for (let at = 0; at < targets.length; at += perPush) {
    const mutations = targets
      .slice(at, at + perPush)
      .map((t, i) => noteEdit(t.id, t.version, `Edited after the cursor (${at + i})`, ms + at + i));
    const body = pushRequestSchema.parse({ clientId: 'bench-editor', mutations });
    const response = await fetch(`${origin}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`push answered ${response.status}: ${await response.text()}`);
    version = ((await response.json()) as { version: number }).version;
  }
  return version;
}
