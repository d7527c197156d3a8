// What reaches the server through a real port and no well-behaved client: raw bytes on a socket to the
// server process (server/main.ts behind @hono/node-server). Bad and missing content types, bodies cut short
// or abandoned, bodies over the limit (with a length and chunked), malformed UTF-8 in bodies, addresses and
// headers, request lines past Node's limits. Each answer is below 500 (or Node's own parser refusal), and
// the server still answers health, a search and a pull after each.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FuzzFixture, seedFuzzDatabase } from './support/fuzz/seed.ts';
import { createPractice } from './support/mutations.ts';
import { type ServerProcess, startServerProcess } from './support/server-process.ts';

let server: ServerProcess;
let fixture: FuzzFixture;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'icc-node-adapter-'));
  fixture = await seedFuzzDatabase(`file:${join(dir, 'icc-clipper.db')}`);
  server = await startServerProcess({ dataDir: dir });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface RawAnswer {
  /** The status of the first response line, or null when the server closed without answering. */
  status: number | null;
  text: string;
}

/**
 * Writes `parts` to a new connection (pausing `pauseMs` between them), then ends or destroys the socket
 * (`end: 'destroy'` abandons a request mid-body), and reads until the server closes or `waitMs` passes.
 */
function raw(
  parts: (string | Uint8Array)[],
  {
    end = 'keep',
    waitMs = 5_000,
    pauseMs = 0,
  }: { end?: 'half-close' | 'destroy' | 'keep'; waitMs?: number; pauseMs?: number } = {},
): Promise<RawAnswer> {
  const { port } = new URL(server.origin);
  return new Promise((done) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      done({ status: m ? Number(m[1]) : null, text });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) break;
        socket.write(part);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
      if (end === 'destroy') {
        socket.destroy();
        done({ status: null, text: '' });
      } else if (end === 'half-close') socket.end();
    });
  });
}

const head = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\nHost: ${new URL(server.origin).host}\r\nConnection: close\r\n${Object.entries(
    headers,
  )
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

const auth = () => ({ Authorization: `Bearer ${fixture.tokens.contributor}` });
const pushBody = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ clientId: 'raw', mutations: [createPractice(undefined, fields)] });

/** After each case: the process runs and answers what members do next. */
async function expectAlive() {
  expect(server.alive(), server.stderr()).toBe(true);
  const headers = { Authorization: `Bearer ${fixture.watcher}` };
  for (const path of ['/api/health', '/api/library/search?q=welcome', '/api/sync/pull?since=0']) {
    const res = await fetch(server.origin + path, { headers });
    await res.arrayBuffer();
    expect(res.status, path).toBe(200);
  }
}

/** An answer a client may get: the app's below 500, or none or 400/431 from Node's parser on broken HTTP. */
const expectRefusedOrAnswered = (answer: RawAnswer, what: string) => {
  if (answer.status !== null)
    expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
};

describe('the server behind a real port', () => {
  it('answers a push under any content type, or none, below 500', async () => {
    const body = pushBody();
    for (const type of [
      null,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'multipart/form-data',
      'application/json; charset=iso-8859-1',
      'application/json; boundary="',
      ';;;',
    ]) {
      const headers: Record<string, string | number> = {
        ...auth(),
        'Content-Length': Buffer.byteLength(body),
      };
      if (type) headers['Content-Type'] = type;
      const answer = await raw([head('POST', '/api/sync/push', headers), body]);
      expect(answer.status, `${type}: ${answer.text.slice(0, 300)}`).not.toBeNull();
      expectRefusedOrAnswered(answer, String(type));
    }
    // The dashboard's sign-in form under the same content types (multipart with a non-multipart body too).
    const form = `token=${fixture.tokens.viewer}&next=%2Fweb`;
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/json',
      'multipart/form-data; boundary=x',
    ]) {
      const answer = await raw([
        head('POST', '/web/sign-in', {
          Origin: server.origin,
          'Content-Type': type,
          'Content-Length': form.length,
        }),
        form,
      ]);
      expectRefusedOrAnswered(answer, `sign-in as ${type}`);
    }
    await expectAlive();
  });

  it('survives bodies cut short, abandoned mid-way or sent a byte at a time', async () => {
    const body = pushBody();
    const headers = {
      ...auth(),
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
    };
    // Half the body, then the client says it is done writing: the body never completes.
    expectRefusedOrAnswered(
      await raw([head('POST', '/api/sync/push', headers), body.slice(0, 40)], {
        end: 'half-close',
        waitMs: 1_000,
      }),
      'half a body',
    );
    // Half the body, then the connection is gone.
    await raw([head('POST', '/api/sync/push', headers), body.slice(0, 40)], { end: 'destroy' });
    // A chunked body whose last chunk never comes.
    await raw(
      [
        head('POST', '/api/sync/push', {
          ...auth(),
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        }),
        '10\r\n{"clientId":"a",\r\n',
      ],
      { end: 'destroy' },
    );
    // A malformed chunk size: Node's parser refuses it (400) without the app.
    expectRefusedOrAnswered(
      await raw([
        head('POST', '/api/sync/push', { ...auth(), 'Transfer-Encoding': 'chunked' }),
        'zz\r\n{}\r\n0\r\n\r\n',
      ]),
      'bad chunk',
    );
    // A body a few bytes at a time, slowly: still a normal answer.
    const slow = await raw(
      [head('POST', '/api/sync/push', headers), ...(body.match(/[\s\S]{1,300}/g) ?? [])],
      {
        pauseMs: 5,
      },
    );
    expect(slow.status, slow.text.slice(0, 300)).toBe(200);
    await expectAlive();
  });

  it('refuses a body over the limit with 413, with a length or chunked, and stays up', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 'x');
    const stated = await raw(
      [
        head('POST', '/api/sync/push', {
          ...auth(),
          'Content-Type': 'application/json',
          'Content-Length': big.length,
        }),
        big,
      ],
      { waitMs: 20_000 },
    );
    // The app answers 413 on the stated length, before the body; @hono/node-server then drains what
    // still comes for 500 ms and closes the socket, and a client still writing may get a reset in place of
    // the answer (TCP drops what it had not read). Either way nothing is stored and the server stays up.
    expect([413, null], stated.text.slice(0, 300)).toContain(stated.status);
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const chunked = await raw(
      [
        head('POST', '/api/sync/push', {
          ...auth(),
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        }),
        ...Array.from({ length: 11 }, () =>
          Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
        ),
        '0\r\n\r\n',
      ],
      { waitMs: 20_000 },
    );
    expect([413, null], chunked.text.slice(0, 300)).toContain(chunked.status);
    // A length that claims more than the limit is refused before the body arrives.
    const claimed = await raw(
      [
        head('POST', '/api/sync/push', {
          ...auth(),
          'Content-Type': 'application/json',
          'Content-Length': 50 * 1024 * 1024,
        }),
      ],
      { end: 'keep', waitMs: 5_000 },
    );
    expect(claimed.status, claimed.text.slice(0, 300)).toBe(413);
    await expectAlive();
  }, 60_000);

  it('takes malformed UTF-8 in a body, an address or a header without a 5xx, and reads what it stored', async () => {
    const enc = new TextEncoder();
    const withBytes = (text: string, bad: number[]) => {
      const [before, after] = text.split('@@');
      return Buffer.concat([
        Buffer.from(enc.encode(before)),
        Buffer.from(bad),
        Buffer.from(enc.encode(after)),
      ]);
    };
    const template = pushBody({ title: 'Bad @@ bytes', excerpt: 'x' });
    for (const bad of [
      [0xff, 0xfe],
      [0xc3, 0x28],
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded as if it were a character (CESU-8)
      [0xf0, 0x9f, 0x98],
      [0xe0, 0x80, 0x80], // an overlong encoding
      [0x00],
    ]) {
      const body = withBytes(template, bad);
      const answer = await raw([
        head('POST', '/api/sync/push', {
          ...auth(),
          'Content-Type': 'application/json',
          'Content-Length': body.length,
        }),
        body,
      ]);
      expect(answer.status, `${bad}: ${answer.text.slice(0, 300)}`).not.toBeNull();
      expectRefusedOrAnswered(answer, String(bad));
    }
    await expectAlive();
    const search = await fetch(`${server.origin}/api/library/search?q=bad`, { headers: auth() });
    expect(search.status).toBe(200);

    // Raw bytes above 0x7f in the request line and in headers; a lone `%` and an encoded surrogate.
    const requestLines: (string | Uint8Array)[][] = [
      [
        Buffer.concat([
          Buffer.from('GET /api/library/search?q='),
          Buffer.from([0xff, 0xed, 0xa0, 0x80]),
          Buffer.from(
            ` HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${fixture.tokens.viewer}\r\n\r\n`,
          ),
        ]),
      ],
      [head('GET', '/api/library/search?q=%ED%A0%80&tags=%', auth())],
      [head('GET', '/api/library/practices/%ED%A0%80', auth())],
      [head('GET', '/web/practices/%ff%fe', { Cookie: 'icc_session=%ED%A0%80' })],
      [
        Buffer.concat([
          Buffer.from('GET /api/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer '),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('\r\n\r\n'),
        ]),
      ],
      [
        Buffer.concat([
          Buffer.from('GET /web HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: icc_session='),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from('\r\nAccept-Language: '),
          Buffer.from([0xff]),
          Buffer.from('\r\n\r\n'),
        ]),
      ],
    ];
    for (const parts of requestLines)
      expectRefusedOrAnswered(await raw(parts), Buffer.from(parts[0]!).toString('latin1').slice(0, 80));
    await expectAlive();
  });

  it("leaves request lines and headers past Node's limits to Node (431), and stays up", async () => {
    const long = await raw([head('GET', `/api/library/search?q=${'a'.repeat(20_000)}`, auth())]);
    expect(long.status).toBe(431);
    const header = await raw([head('GET', '/api/me', { ...auth(), 'X-Big': 'b'.repeat(20_000) })]);
    expect(header.status).toBe(431);
    const many = await raw([
      head('GET', '/api/me', {
        ...auth(),
        ...Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`X-H${i}`, 'v'])),
      }),
    ]);
    expectRefusedOrAnswered(many, 'many headers');
    await expectAlive();
  });
});
