// Crash safety of a push (issue 15, Tests): the server process is killed with SIGKILL while pushes of 50
// new practices are in flight, restarted on the same embedded file, and the same batches are sent again
// with the same mutation ids. Each batch is in the library whole or not at all (no partial batch), a batch
// that had committed is answered `duplicate` on the retry without a new version (no duplicate), one that
// had not is applied once. The kill lands at several points of the pushes (a warm-up push measures how
// long one takes); the rounds and what each found are printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FuzzFixture, seedFuzzDatabase } from './support/fuzz/seed.ts';
import { createPractice } from './support/mutations.ts';
import { type ServerProcess, startServerProcess } from './support/server-process.ts';

let dir = '';
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Batch {
  clientId: string;
  objectIds: string[];
  body: string;
}

const batch = (name: string): Batch => {
  const mutations = Array.from({ length: 50 }, (_, i) =>
    createPractice(undefined, {
      title: `${name} ${i}`,
      contentMarkdown: `# ${name} ${i}\n\n${'Text. '.repeat(300)}`,
    }),
  );
  return {
    clientId: name,
    objectIds: mutations.map((m) => m.objectId),
    body: JSON.stringify({ clientId: name, mutations }),
  };
};

async function push(origin: string, token: string, b: Batch) {
  const res = await fetch(`${origin}/api/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: b.body,
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      version: number;
      results: { duplicate: boolean; status: string; objectVersion: number }[];
    },
  };
}

async function libraryVersion(origin: string, token: string): Promise<number> {
  const res = await fetch(`${origin}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { libraryVersion: number }).libraryVersion;
}

/** Every live object id of the library with its version, read page by page as a first sync does. */
async function library(
  origin: string,
  token: string,
): Promise<{ version: number; objects: Map<string, number[]> }> {
  const objects = new Map<string, number[]>();
  let since = 0;
  for (;;) {
    const res = await fetch(`${origin}/api/sync/pull?since=${since}&omit=contentMarkdown`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      version: number;
      hasMore: boolean;
      changes: { id: string; version: number; deleted: boolean }[];
    };
    for (const c of page.changes)
      if (!c.deleted) objects.set(c.id, [...(objects.get(c.id) ?? []), c.version]);
    since = page.version;
    if (!page.hasMore) return { version: page.version, objects };
  }
}

describe('kill -9 mid-push', () => {
  it('leaves no partial batch, and retrying the same ids applies each batch once', async () => {
    const started = performance.now();
    dir = mkdtempSync(join(tmpdir(), 'icc-crash-'));
    const fixture: FuzzFixture = await seedFuzzDatabase(`file:${join(dir, 'icc-clipper.db')}`);
    const token = fixture.tokens.contributor;
    server = await startServerProcess({ dataDir: dir });

    // How long one push of 50 practices (~100 KB) takes here once warm, to spread the kills over the pushes.
    const warm = [0, 1, 2].map((k) => batch(`warm-up ${k}`));
    const times: number[] = [];
    for (const b of warm) {
      const t0 = performance.now();
      expect((await push(server.origin, token, b)).status).toBe(200);
      times.push(performance.now() - t0);
    }
    const pushMs = Math.min(...times);

    const rounds: string[] = [];
    const all: Batch[] = [];
    for (const [round, factor] of [0.3, 0.8, 1.4].entries()) {
      const batches = [0, 1, 2].map((k) => batch(`round ${round} client ${k}`));
      all.push(...batches);
      const sent = batches.map((b) =>
        push(server!.origin, token, b).then(
          (r) => r.status,
          () => 'no answer',
        ),
      );
      await new Promise((r) => setTimeout(r, pushMs * factor));
      await server.kill9();
      const answers = await Promise.all(sent);
      server = await startServerProcess({ dataDir: dir });

      // Whole or nothing: each batch's 50 practices are all there or none is.
      const before = await library(server.origin, token);
      const committed = batches.map((b) => {
        const present = b.objectIds.filter((id) => before.objects.has(id)).length;
        expect([0, 50], `${b.clientId}: ${present} of 50 stored`).toContain(present);
        return present === 50;
      });
      rounds.push(
        `kill at ${(pushMs * factor).toFixed(0)} ms: answers ${answers.join('/')}, committed ${committed.map((c) => (c ? 'yes' : 'no')).join('/')}`,
      );

      // The same ids again: a committed batch is all `duplicate` and bumps nothing; the others apply once.
      for (const [k, b] of batches.entries()) {
        const retry = await push(server.origin, token, b);
        expect(retry.status).toBe(200);
        expect(retry.body.results.map((r) => r.duplicate)).toEqual(Array(50).fill(committed[k]));
        expect(retry.body.results.every((r) => r.status === 'applied')).toBe(true);
      }
      const versionAfterRetries = await libraryVersion(server.origin, token);
      for (const b of batches) {
        const again = await push(server.origin, token, b);
        expect(again.body.results.every((r) => r.duplicate)).toBe(true);
      }
      expect(await libraryVersion(server.origin, token)).toBe(versionAfterRetries);
    }

    // Every practice of every batch is there exactly once, at one version.
    const after = await library(server.origin, token);
    for (const b of [...warm, ...all])
      for (const id of b.objectIds) expect(after.objects.get(id)).toHaveLength(1);
    console.log(
      `kill -9 mid-push, ${((performance.now() - started) / 1000).toFixed(1)} s (one push of 50 practices: ${pushMs.toFixed(0)} ms):\n  ${rounds.join('\n  ')}`,
    );
  }, 120_000);
});
