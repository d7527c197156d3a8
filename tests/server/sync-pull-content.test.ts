// The pull's metadata-first options through the real app on a fresh libSQL file: `omit=contentMarkdown`
// leaves the page text out of practices (and says so), `until` bounds a pull to a range the client already
// walked (the content backfill), bad values answer 400 naming the parameter, and an edit made without the
// content never touches the content on the server.
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../shared/api/sync.ts';
import { fileBackend } from './support/backend.ts';
import {
  createHighlight,
  createPractice,
  createStakeholder,
  deleteObject,
  editPractice,
} from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

const push = (w: World, token: string, mutations: unknown[]) =>
  w.call('POST', '/api/sync/push', { token, json: { clientId: 'client-1', mutations } });
const get = (w: World, token: string, query: string) => w.call('GET', `/api/sync/pull?${query}`, { token });

type Data = Record<string, unknown>;
const byId = (changes: { id: string }[]) => new Map(changes.map((c) => [c.id, c as Data]));

describe('pull with omit=contentMarkdown', () => {
  it('sends every practice without its page text, marked as such, and everything else as a full pull does', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const p1 = createPractice(undefined, { contentMarkdown: '# One\n\nLong text with "quotes" and é' });
    const p2 = createPractice(undefined, { contentMarkdown: '# Two' });
    const gone = createPractice();
    await push(w, token, [p1, p2, gone, createHighlight(p1.objectId), createStakeholder()]);
    await push(w, token, [deleteObject('practice', gone.objectId, 1)]);

    // Both answers as sent (objects as stored; parsing would add defaults to one side only).
    const fullBody = (await get(w, token, 'since=0')).body;
    const full = pullResponseSchema.parse(structuredClone(fullBody));
    const light = await get(w, token, 'since=0&omit=contentMarkdown');
    expect(light.status).toBe(200);
    const parsed = pullResponseSchema.parse(light.body);
    expect(parsed.version).toBe(full.version);
    expect(parsed.changes.map((c) => c.id)).toEqual(full.changes.map((c) => c.id));

    const fullById = byId(fullBody.changes);
    for (const change of light.body.changes as Data[]) {
      const whole = fullById.get(change.id as string)!;
      if (change.deleted) {
        expect(change).toEqual(whole);
      } else if (change.kind === 'practice') {
        const object = change.object as Data;
        expect(object).not.toHaveProperty('contentMarkdown');
        expect(change.omitted).toEqual(['contentMarkdown']);
        const { contentMarkdown: _content, ...rest } = whole.object as Data;
        expect(object).toEqual(rest);
      } else {
        expect(change).not.toHaveProperty('omitted');
        expect(change).toEqual(whole);
      }
    }
    // The full pull still carries the text.
    const first = fullById.get(p1.objectId)!.object as Data;
    expect(first.contentMarkdown).toBe('# One\n\nLong text with "quotes" and é');
  });

  it('an edit pushed by a client that never had the text leaves the text on the server', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const p = createPractice(undefined, { contentMarkdown: '# Kept', note: 'before' });
    await push(w, token, [p]);
    const light = pullResponseSchema.parse((await get(w, token, 'since=0&omit=contentMarkdown')).body);
    const version = light.changes[0]!.version;
    await push(w, w.a.coordinator.token, [
      editPractice(p.objectId, version, { fields: { note: 'after' }, add: { tags: ['youth'] } }),
    ]);
    const after = pullResponseSchema.parse((await get(w, token, 'since=0')).body);
    const change = after.changes[0]!;
    expect(change.deleted).toBe(false);
    expect(!change.deleted && change.object).toMatchObject({
      contentMarkdown: '# Kept',
      note: 'after',
      tags: ['youth'],
    });
  });
});

describe('pull with until', () => {
  it('stops at the bound, in pages that end on version boundaries, and ignores later changes', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const early: string[] = [];
    for (let i = 0; i < 3; i++) {
      const batch = [createPractice(), createPractice()];
      early.push(...batch.map((m) => m.objectId));
      await push(w, token, batch);
    }
    const bound = 3;
    // Later: a new practice and an edit of an early one (which leaves the range).
    await push(w, token, [createPractice()]);
    await push(w, token, [editPractice(early[0]!, 1, { fields: { note: 'moved on' } })]);

    const seen: string[] = [];
    const versions: number[] = [];
    let since = 0;
    for (;;) {
      const res = await get(w, token, `since=${since}&until=${bound}&limit=3&omit=contentMarkdown`);
      expect(res.status).toBe(200);
      const page = pullResponseSchema.parse(res.body);
      for (const c of page.changes) expect(c.version).toBeLessThanOrEqual(bound);
      seen.push(...page.changes.map((c) => c.id));
      versions.push(page.version);
      since = page.version;
      if (!page.hasMore) break;
    }
    expect(versions.at(-1)).toBe(bound);
    expect(new Set(seen)).toEqual(new Set(early.slice(1)));
    expect(seen).toHaveLength(early.length - 1);
  });

  it('answers a pull at its bound, or with a bound beyond the library, as an ordinary pull would', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    await push(w, token, [createPractice()]);
    await push(w, token, [createPractice()]);
    expect((await get(w, token, 'since=1&until=1')).body).toEqual({
      version: 1,
      changes: [],
      hasMore: false,
    });
    const beyond = pullResponseSchema.parse((await get(w, token, 'since=0&until=99')).body);
    expect(beyond.version).toBe(2);
    expect(beyond.changes).toHaveLength(2);
  });
});

describe('pull parameters are validated', () => {
  it.each([
    ['since=0&omit=note', 'omit'],
    ['since=0&omit=', 'omit'],
    ['since=3&until=2', 'until'],
    ['since=0&until=soon', 'until'],
    ['since=0&until=-1', 'until'],
  ])('%s answers 400 naming %s', async (query, field) => {
    const w = await makeWorld(fileBackend);
    const res = await get(w, w.a.viewer.token, query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message.startsWith(`${field}:`)).toBe(true);
  });
});
