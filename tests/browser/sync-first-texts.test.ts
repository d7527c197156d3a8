// A first sync is metadata first, end to end: the real extension in Chromium against the real server app,
// whose answers to the page-text backfill (pulls with `until=`) are held back until the test lets them
// through. Meanwhile the library is listed and can be opened: the practice says in words that its text is
// still downloading, and a word only its text holds finds nothing; once the texts pass, the open practice
// shows its text by itself and offline search finds that word.
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDatabaseFromEnv } from '../../server/node-database.ts';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import { encodeConnectCode } from '../../shared/api/connect.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium.ts';
import { openSidePanel } from './harness/extension-pages.ts';

const shots = '.tmp/screenshots';
mkdirSync(shots, { recursive: true });

const titles = ['Welcome desk in twelve languages', 'Neighbourhood storytelling evenings', 'Bus of rights'];
const onlyInText = 'zanzibarite';

let server: Server;
let ext: ExtensionBrowser;
let panel: Page;
let release: () => void = () => {};
const backfillRequests: string[] = [];

beforeAll(async () => {
  const { db } = await openDatabaseFromEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'icc-first-texts-')) });
  const app = createApp({ db, rateLimit: false, log: () => {} });
  const texts = new Promise<void>((open) => {
    release = open;
  });
  server = await new Promise<Server>((ready) => {
    const s = serve(
      {
        fetch: async (request: Request) => {
          if (request.url.includes('/api/sync/pull') && request.url.includes('until=')) {
            backfillRequests.push(request.url);
            await texts;
          }
          return app.fetch(request);
        },
        port: 0,
        hostname: '127.0.0.1',
      },
      () => ready(s as Server),
    ) as Server;
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const now = Date.now();
  const city = await createCity(db, { name: 'Lisbon', country: 'PT', lang: 'en' }, now);
  const member = async (name: string) => {
    const m = await addMember(db, city.id, { name, role: 'contributor' }, now);
    return (await issueToken(db, { cityId: city.id, memberId: m.id }, now)).secret;
  };
  // Bruno's library, pushed as his browser would.
  const bruno = await member('Bruno');
  const res = await app.request('/api/sync/push', {
    method: 'POST',
    headers: { authorization: `Bearer ${bruno}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: 'bruno-browser',
      mutations: titles.map((title, n) => ({
        id: uuidv7(),
        kind: 'practice',
        objectId: uuidv7(),
        baseVersion: 0,
        hlc: `${new Date(now + n).toISOString()}-0000`,
        op: 'put',
        createdAt: new Date(now + n).toISOString(),
        fields: {
          url: `https://lisboa.example/${n}`,
          canonicalUrl: null,
          title,
          excerpt: `${title}, as the city runs it.`,
          siteName: 'Lisboa',
          byline: null,
          publishedTime: null,
          lang: 'en',
          dir: 'ltr',
          image: null,
          contentMarkdown: `# ${title}\n\nThe full page text. ${n === 0 ? `Only here: ${onlyInText}.` : ''}`,
          extraction: 'full',
          note: '',
          visibility: 'city',
          clippedAt: new Date(now + n).toISOString(),
        },
        add: { areas: ['welcoming_newcomers'] },
      })),
    }),
  });
  expect(res.status).toBe(200);

  // Ana connects an empty browser: connecting syncs, metadata first.
  const ana = await member('Ana');
  ext = await launchWithExtension();
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.locator('input[name="connect"]').fill(encodeConnectCode(origin, ana));
  await options.getByRole('button', { name: 'Connect', exact: true }).click();
  await options.locator('[data-tone="ok"]', { hasText: 'as Ana (contributor)' }).waitFor();
  await options.close();
  panel = await openSidePanel(ext);
});

afterAll(async () => {
  release();
  await ext?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

const rows = () => panel.locator('[data-testid="practice-list"] li');

/** Runs in the side panel: how many practices and pull pages the extension's IndexedDB holds. */
const storedCounts = `(async () => {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open('icc-library');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const count = (store) => new Promise((ok, fail) => {
    const r = db.transaction(store).objectStore(store).count();
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const counts = { practices: await count('practices'), pages: await count('pulledPages') };
  db.close();
  return counts;
})()`;
const search = (text: string) => panel.locator('#library-search').fill(text);

describe('a first sync, metadata first', () => {
  it('lists the library before the texts arrive, says a text is downloading, then shows and searches it', async () => {
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(titles.length);
    await expect.poll(() => backfillRequests.length, { timeout: 15_000 }).toBeGreaterThan(0);
    // The pull kept its page whole (store/pulled-pages.ts) and spread it into the practices store before the
    // texts were asked for.
    expect(await panel.evaluate(storedCounts)).toEqual({ practices: titles.length, pages: 0 });

    // Searching a word of the text finds nothing yet; the title's words do.
    await search(onlyInText);
    await expect.poll(() => panel.getByText('No practice matches your search.').count()).toBe(1);
    await search('welcome desk');
    await expect.poll(() => rows().count()).toBe(1);

    await rows().first().locator('button').click();
    await expect.poll(() => panel.locator('#practice-title').textContent()).toBe(titles[0]);
    await panel.getByText('Readable content').click();
    const downloading = panel.getByTestId('content-downloading');
    await expect
      .poll(() => downloading.textContent())
      .toContain('The full text of this page is still downloading');
    await panel.screenshot({ path: `${shots}/sync-first-texts-downloading.png` });

    release();
    // The open practice shows its text once it has arrived, without being opened again.
    await expect
      .poll(() => panel.locator('.markdown').textContent(), { timeout: 15_000 })
      .toContain(`Only here: ${onlyInText}.`);
    expect(await downloading.count()).toBe(0);

    await panel.getByRole('button', { name: /Back to the library/ }).click();
    await search(onlyInText);
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining(titles[0]!)]);
  });
});
