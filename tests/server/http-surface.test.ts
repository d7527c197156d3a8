// CORS, the generated API reference and the connect page: the parts of the HTTP surface without a city.
import { describe, expect, it } from 'vitest';
import { parseExtensionOrigins } from '../../server/cors.ts';
import { catalogue } from '../../server/openapi/catalogue.ts';
import { connectLink, encodeConnectCode, parseConnectInput } from '../../shared/api/connect.ts';
import { fileBackend } from './support/backend.ts';
import { makeWorld, type World } from './support/world.ts';

const chromeExtension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const firefoxInstall = 'moz-extension://0b5c0c8e-1b1d-4a4e-9c43-2f1f3b1f0a11';

describe('CORS', () => {
  it('answers preflights from the listed extension origins and the own origin, and nobody else', async () => {
    const w = await makeWorld(fileBackend, { extensionOrigins: [chromeExtension, firefoxInstall] });
    const preflight = (origin: string) =>
      w.app.request('http://127.0.0.1:8787/api/sync/pull', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    for (const origin of [chromeExtension, firefoxInstall, 'http://127.0.0.1:8787']) {
      const res = await preflight(origin);
      expect(res.headers.get('Access-Control-Allow-Origin'), origin).toBe(origin);
      expect(res.headers.get('Access-Control-Allow-Headers')).toMatch(/Authorization/i);
    }
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1:9999',
      'chrome-extension://x.evil.example/',
      // Another extension, in either browser.
      'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
      'moz-extension://11111111-2222-4333-8444-555555555555',
    ]) {
      expect((await preflight(origin)).headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
    }
  });

  it('lists no extension by default (the extension reads with its host permission), or any with *', async () => {
    const preflight = async (w: World, origin: string) =>
      (
        await w.app.request('http://127.0.0.1:8787/api/me', {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
        })
      ).headers.get('Access-Control-Allow-Origin');
    const byDefault = await makeWorld(fileBackend);
    for (const origin of [chromeExtension, firefoxInstall])
      expect(await preflight(byDefault, origin), origin).toBeNull();
    expect(await preflight(byDefault, 'http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    const any = await makeWorld(fileBackend, { extensionOrigins: parseExtensionOrigins('*') });
    for (const origin of [chromeExtension, firefoxInstall])
      expect(await preflight(any, origin), origin).toBe(origin);
    expect(await preflight(any, 'https://evil.example')).toBeNull();
  });

  it('reads EXTENSION_ORIGINS: origins, bare Chrome ids, *; refuses anything else at start', () => {
    expect(parseExtensionOrigins(undefined)).toEqual([]);
    expect(parseExtensionOrigins(` abcdefghijklmnopabcdefghijklmnop , ${firefoxInstall}/`)).toEqual([
      chromeExtension,
      firefoxInstall,
    ]);
    expect(parseExtensionOrigins('*')).toBe('any');
    for (const bad of ['https://evil.example', 'chrome-extension://', 'abc', '*,x'])
      expect(() => parseExtensionOrigins(bad), bad).toThrow(/EXTENSION_ORIGINS/);
  });

  it('lets an extension read answers and refusals, tells caches they vary by origin, and nobody else reads', async () => {
    const w = await makeWorld(fileBackend, { extensionOrigins: [chromeExtension] });
    const extension = chromeExtension;
    const get = (headers: Record<string, string>) =>
      w.app.request('http://127.0.0.1:8787/api/sync/pull?since=0', { headers });
    const token = { authorization: `Bearer ${w.a.contributor.token}` };

    const answered = await get({ ...token, origin: extension });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('Access-Control-Allow-Origin')).toBe(extension);
    expect(answered.headers.get('Access-Control-Expose-Headers')).toMatch(/Retry-After/);
    expect(answered.headers.get('Vary')).toMatch(/\bOrigin\b/);
    expect(answered.headers.get('Content-Type')).toMatch(/application\/json/);

    // A refusal is readable too, so the extension can say why (token revoked, no token).
    const refused = await get({ origin: extension, authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(extension);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBeTruthy();

    for (const headers of [{ ...token, origin: 'https://evil.example' }, token]) {
      const res = await get(headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(res.headers.get('Access-Control-Expose-Headers')).toBeNull();
      expect(res.headers.get('Vary')).toMatch(/\bOrigin\b/);
    }
  });
});

describe('every API answer', () => {
  it('says X-Content-Type-Options: nosniff, errors and refusals included', async () => {
    const w = await makeWorld(fileBackend, { rateLimit: { burst: 1, perSecond: 0.001 }, maxBodyBytes: 100 });
    const token = w.a.contributor.token;
    const answers: [string, Response | Promise<Response>][] = [
      ['200', w.app.request('/api/me', { headers: { Authorization: `Bearer ${token}` } })],
      ['public', w.app.request('/api/health')],
      ['openapi', w.app.request('/api/openapi.json')],
      ['401', w.app.request('/api/me')],
      ['404', w.app.request('/api/no-such-route')],
      [
        'preflight',
        w.app.request('/api/me', { method: 'OPTIONS', headers: { Origin: 'https://x.example' } }),
      ],
      [
        '400',
        w.app.request('/api/sync/push', {
          method: 'POST',
          headers: { Authorization: `Bearer ${w.a.coordinator.token}`, 'Content-Type': 'application/json' },
          body: '{"clientId":',
        }),
      ],
      [
        '413',
        w.app.request('/api/sync/push', {
          method: 'POST',
          headers: { Authorization: `Bearer ${w.a.viewer.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ padding: 'x'.repeat(200) }),
        }),
      ],
    ];
    const statuses: string[] = [];
    for (const [label, pending] of answers) {
      const res = await pending;
      statuses.push(`${label}:${res.status}`);
      expect(res.headers.get('X-Content-Type-Options'), label).toBe('nosniff');
    }
    // The rate limit's 429 (the contributor's one request of the burst was spent above).
    const limited = await w.app.request('/api/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(statuses).toEqual([
      '200:200',
      'public:200',
      'openapi:200',
      '401:401',
      '404:404',
      'preflight:204',
      '400:400',
      '413:413',
    ]);
  });
});

describe('API reference', () => {
  it('every route the app serves is in the catalogue, and every catalogued route is served', async () => {
    const w = await makeWorld(fileBackend);
    const served = new Set(
      w.app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`),
    );
    const documented = new Set(catalogue.map((r) => `${r.method} ${r.path}`));
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('GET /api/openapi.json is an OpenAPI 3.1 document with schemas from the shared zod schemas', async () => {
    const w = await makeWorld(fileBackend);
    const res = await w.app.request('/api/openapi.json');
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const push = doc.paths['/api/sync/push'].post;
    const body = push.requestBody.content['application/json'].schema;
    expect(body.properties.mutations.maxItems).toBe(50);
    expect(JSON.stringify(body)).toContain('contentMarkdown');
    expect(push.responses['413'].description).toMatch(/batch_too_large/);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/sync/pull'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'since',
      'limit',
      'until',
      'omit',
    ]);
    const search = doc.paths['/api/stakeholders/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual([
      'q',
      'topic',
      'type',
      'lang',
      'limit',
    ]);
    expect(search.description).toContain('any member');
    expect(doc.paths['/api/stakeholders/{id}/erase'].post.description).toBe('Access: coordinator.');
    expect(JSON.stringify(doc.paths['/api/city'].patch.requestBody)).toContain('viewersSeeContacts');
  });

  it('GET /api/docs is a plain HTML page listing every route, without scripts', async () => {
    const w = await makeWorld(fileBackend);
    const res = await w.app.request('/api/docs');
    const html = await res.text();
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(html).not.toMatch(/<script/i);
    for (const r of catalogue) expect(html).toContain(`${r.method.toUpperCase()} ${r.path}`);
  });
});

describe('connect link and page', () => {
  it('a link or a bare code both give back the server and token; anything else gives null', () => {
    const token = `icc_${'a'.repeat(43)}`;
    expect(parseConnectInput(connectLink('https://icc.lyon.fr/', token))).toEqual({
      server: 'https://icc.lyon.fr',
      token,
    });
    expect(parseConnectInput(`  ${encodeConnectCode('http://127.0.0.1:8787', token)}\n`)).toEqual({
      server: 'http://127.0.0.1:8787',
      token,
    });
    for (const bad of ['', 'hello', 'https://icc.lyon.fr/connect#', `#${btoa('{"v":2}')}`])
      expect(parseConnectInput(bad)).toBeNull();
  });

  it('GET /connect serves a page whose only script carries the response nonce', async () => {
    const w = await makeWorld(fileBackend);
    const res = await w.app.request('/connect');
    const html = await res.text();
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });
});
