// A push body above server/json-body.ts's threshold is parsed in pieces. Through the real app: such a push
// stores exactly the text it sent (non-ASCII, quotes, commas and brackets inside strings), a damaged large
// body is refused as `invalid_json`, a body read in many chunks parses the same, a field refused deep in
// the batch is named, and nothing is written.
import { describe, expect, it } from 'vitest';
import { splitBodiesAbove } from '../../server/json-body.ts';
import { fileBackend } from './support/backend.ts';
import { createPractice } from './support/mutations.ts';
import { makeWorld } from './support/world.ts';

const markdown = (i: number) =>
  `# Pratique ${i} — café, "quotes", [brackets], {braces}, \\ backslash, 😀\n\n${'Texte réel, ligne. '.repeat(100)}`;

describe('push of a large body', () => {
  it('stores what was sent, refuses damaged JSON and names a refused field, writing nothing', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const mutations = Array.from({ length: 50 }, (_, i) =>
      createPractice(undefined, { contentMarkdown: markdown(i) }),
    );
    const body = JSON.stringify({ clientId: 'client-1', mutations });
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(splitBodiesAbove);
    const send = (text: string) =>
      w.app.request('/api/sync/push', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: text,
      });

    // A trailing comma after the last mutation: JSON.parse refuses it, so must the server.
    const damaged = await send(body.replace(/\]\}$/, ',]}'));
    expect(damaged.status).toBe(400);
    expect(((await damaged.json()) as { error: { code: string } }).error.code).toBe('invalid_json');

    const refused = structuredClone(mutations);
    (refused[37]!.fields as Record<string, unknown>).title = '';
    const invalid = await send(JSON.stringify({ clientId: 'client-1', mutations: refused }));
    expect(invalid.status).toBe(400);
    const error = ((await invalid.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^mutations\.37\.fields\.title: /);

    const empty = await w.call('GET', '/api/sync/pull?since=0', { token });
    expect(empty.body).toMatchObject({ version: 0, changes: [] });

    // The body arriving in many chunks (as from a socket), with its Content-Length.
    const bytes = new TextEncoder().encode(body);
    const ok = await w.app.request('/api/sync/push', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Content-Length': String(bytes.length),
      },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 7000) controller.enqueue(bytes.slice(at, at + 7000));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(ok.status).toBe(200);
    const pulled = await w.call('GET', '/api/sync/pull?since=0&limit=100', { token });
    const stored = new Map(
      (pulled.body.changes as { id: string; object: { contentMarkdown: string } }[]).map((c) => [
        c.id,
        c.object.contentMarkdown,
      ]),
    );
    expect(stored.size).toBe(50);
    for (const m of mutations) expect(stored.get(m.objectId)).toBe(m.fields.contentMarkdown);
  });
});
