// Erasure reaches the database files too: the embedded database zeroes freed content (secure_delete) and an
// erasure truncates the write-ahead log, so the erased strings are in no file of the data folder, not even
// in free pages or old log frames.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personal, tracedContact } from './scenarios/stakeholder-erasure.ts';
import { freshFileDb } from './support/fresh-db.ts';
import { makeWorld } from './support/world.ts';

describe('erasure in the database files', () => {
  it('no file of the embedded database holds the erased strings afterwards', async () => {
    let dir = '';
    const w = await makeWorld({
      name: 'embedded file',
      freshDb: async () => {
        const t = await freshFileDb();
        dir = t.dir;
        return t.db;
      },
    });
    const c = await tracedContact(w);
    const files = () => readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1'));
    const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    expect(files().some((f) => f.includes(bytes(personal.email)))).toBe(true);

    const res = await w.call('POST', `/api/stakeholders/${c.id}/erase`, { token: w.a.coordinator.token });
    expect(res.status).toBe(200);
    for (const [what, value] of Object.entries(personal)) {
      for (const content of files()) expect(content.includes(bytes(value)), what).toBe(false);
    }
  });
});
