// The web dashboard in Debian's Chromium against the real sync server: sign in with a token (and come back
// to the page asked for), search and filter, open a practice, the Index coverage, contributions, the network
// and a period report, in English and in French. axe-core checks every page (no serious or critical
// violation); screenshots go to .tmp/dashboard-*.png to be looked at.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/client.ts';
import { networkCoordinators } from '../../server/db/schema/index.ts';
import { openDatabaseFromEnv } from '../../server/node-database.ts';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import { createHighlight, createPractice, createStakeholder, id } from '../server/support/mutations.ts';
import { chromiumPath } from './harness/chromium.ts';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
mkdirSync('.tmp', { recursive: true });

// The real server on a fresh database, as tests/browser/harness/sync-server.ts starts it, with the database
// at hand to grant the network role.
let db: Db;
let http: Server;
let origin = '';
let browser: Browser;
let token = '';
let practiceId = '';

async function push(mutations: unknown[], as = token) {
  const res = await fetch(`${origin}/api/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${as}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: 'seed', mutations }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

beforeAll(async () => {
  ({ db } = await openDatabaseFromEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'icc-dashboard-')) }));
  const app = createApp({ db, rateLimit: false, log: () => {} });
  await new Promise<void>((ready) => {
    http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      ready();
    }) as Server;
  });
  const now = Date.now();
  const city = await createCity(db, { name: 'Lyon', country: 'FR', lang: 'fr', networkId: 'it-rcd' }, now);
  const neighbour = await createCity(
    db,
    { name: 'Bologna', country: 'IT', lang: 'it', networkId: 'it-rcd' },
    now,
  );
  const neighbourMember = await addMember(
    db,
    neighbour.id,
    { name: 'Giulia Rossi', role: 'contributor' },
    now,
  );
  const neighbourToken = (await issueToken(db, { cityId: neighbour.id, memberId: neighbourMember.id }, now))
    .secret;
  const coordinator = await addMember(db, city.id, { name: 'Camille Martin', role: 'coordinator' }, now);
  token = (await issueToken(db, { cityId: city.id, memberId: coordinator.id }, now)).secret;
  await db
    .insert(networkCoordinators)
    .values({ memberId: coordinator.id, networkId: 'it-rcd', grantedAt: new Date().toISOString() });
  const stakeholderId = id();
  const welcome = createPractice(
    undefined,
    {
      title: 'Welcome desk for newcomers',
      excerpt: 'A desk that welcomes newcomers in twelve languages, run with local associations.',
      contentMarkdown:
        '## How it works\n\nThe desk is **open** every weekday. Volunteers speak:\n\n- French\n- Arabic\n- Tigrinya\n\nRead the [city page](https://www.lyon.fr/welcome-desk).',
      clippedAt: '2025-02-10T10:00:00.000Z',
      summaries: [
        {
          lang: 'fr',
          text: 'Un guichet qui accueille les nouveaux arrivants en douze langues.',
          engine: 'person',
          status: 'reviewed',
          reviewedBy: 'Camille Martin',
          reviewedAt: '2025-02-11T10:00:00.000Z',
        },
      ],
    },
    {
      areas: ['welcoming_newcomers', 'language'],
      tags: ['desk', 'volunteers'],
      stakeholderIds: [stakeholderId],
    },
  );
  practiceId = welcome.objectId;
  await push([
    createStakeholder(stakeholderId, { name: 'Amina Diallo' }),
    welcome,
    createHighlight(welcome.objectId),
    createPractice(
      undefined,
      {
        title: 'École des parents',
        excerpt: 'Cours du soir pour les familles nouvellement arrivées.',
        lang: 'fr',
        visibility: 'network',
        clippedAt: '2025-01-05T10:00:00.000Z',
      },
      { areas: ['education'], tags: ['familles'] },
    ),
    createPractice(
      undefined,
      {
        title: 'Intercultural mediation in schools',
        excerpt: 'Mediators trained with the education department.',
        clippedAt: '2025-03-20T10:00:00.000Z',
      },
      { areas: ['mediation', 'education'] },
    ),
  ]);
  await push(
    [
      createPractice(
        undefined,
        {
          title: 'Quartieri interculturali',
          excerpt: 'Laboratori di quartiere.',
          lang: 'it',
          visibility: 'network',
          clippedAt: '2025-02-01T10:00:00.000Z',
        },
        { areas: ['neighbourhoods'] },
      ),
      createPractice(
        undefined,
        { title: 'Unshared Bologna plan', clippedAt: '2025-02-02T10:00:00.000Z' },
        { areas: ['commitment'] },
      ),
    ],
    neighbourToken,
  );
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

afterAll(async () => {
  await browser?.close();
  http?.closeAllConnections();
  await new Promise((done) => (http ? http.close(done) : done(undefined)));
  db?.$client.close();
});

async function checkAccessibility(page: Page, name: string) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const serious = violations.filter(
    (v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
}

async function visit(page: Page, path: string, shot: string) {
  const res = await page.goto(`${origin}${path}`);
  expect(res?.status(), path).toBeLessThan(400);
  await checkAccessibility(page, path);
  await page.screenshot({ path: `.tmp/dashboard-${shot}.png`, fullPage: true });
}

for (const lang of ['en', 'fr'] as const) {
  describe(`the dashboard in ${lang === 'en' ? 'English' : 'French'}`, () => {
    const words =
      lang === 'en'
        ? {
            token: 'Personal access token',
            signIn: 'Sign in',
            search: 'Search the library',
            area: 'Index area',
            apply: 'Apply',
            count: '3 practices',
            coverage: 'ICC Index coverage',
          }
        : {
            token: 'Jeton d’accès personnel',
            signIn: 'Se connecter',
            search: 'Rechercher dans la bibliothèque',
            area: 'Domaine de l’Index',
            apply: 'Appliquer',
            count: '3 pratiques',
            coverage: 'Couverture de l’Index ICC',
          };

    it('signs in, searches, filters, opens a practice, shows coverage, contributions, network and a report', async () => {
      const context = await browser.newContext({
        locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
        bypassCSP: true, // only so axe can be injected; the pages themselves run no script
        viewport: { width: 1100, height: 800 },
      });
      const page = await context.newPage();

      // A stranger asking for the coverage is sent to sign in, then brought back there.
      await page.goto(`${origin}/web/coverage`);
      expect(new URL(page.url()).pathname).toBe('/web/sign-in');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await checkAccessibility(page, 'sign-in');
      await page.screenshot({ path: `.tmp/dashboard-${lang}-sign-in.png`, fullPage: true });
      await page.getByLabel(words.token).fill(token);
      await page.getByRole('button', { name: words.signIn }).click();
      await page.waitForURL(/\/web\/coverage$/);
      expect(await page.locator('h1').innerText()).toBe(words.coverage);
      await checkAccessibility(page, 'coverage');
      await page.screenshot({ path: `.tmp/dashboard-${lang}-coverage.png`, fullPage: true });

      await visit(page, '/web', `${lang}-library`);
      expect(await page.getByRole('status').first().innerText()).toContain(words.count);

      await page.getByLabel(words.search).fill('newcomer');
      await page.getByLabel(words.search).press('Enter');
      await page.waitForURL(/q=newcomer/);
      expect(await page.locator('ul.results mark').first().innerText()).toMatch(/^newcomers$/i);
      await checkAccessibility(page, 'search');
      await page.screenshot({ path: `.tmp/dashboard-${lang}-search.png`, fullPage: true });

      await page.getByLabel(words.search).fill('');
      await page.getByLabel(words.area, { exact: true }).selectOption('education');
      await page.getByRole('button', { name: words.apply }).click();
      await page.waitForURL(/areas=education/);
      const titles = await page.locator('ul.results h2').allInnerTexts();
      expect(titles.sort()).toEqual(['Intercultural mediation in schools', 'École des parents'].sort());

      await page.goto(`${origin}/web`);
      await page.getByRole('link', { name: 'Welcome desk for newcomers' }).click();
      await page.waitForURL(new RegExp(`/web/practices/${practiceId}$`));
      expect(await page.locator('h1').innerText()).toBe('Welcome desk for newcomers');
      expect(await page.locator('.content h4').innerText()).toBe('How it works');
      expect(await page.locator('body').innerText()).toContain('Amina Diallo');
      expect(await page.locator('body').innerText()).toContain('Un guichet qui accueille');
      await checkAccessibility(page, 'practice');
      await page.screenshot({ path: `.tmp/dashboard-${lang}-practice.png`, fullPage: true });

      await visit(page, '/web/activity?from=2025-01-01&to=2025-03-31', `${lang}-activity`);
      await visit(page, '/web/network', `${lang}-network`);
      const network = await page.locator('body').innerText();
      expect(network).toContain('École des parents');
      expect(network).toContain('Quartieri interculturali');
      expect(network).toContain('Bologna');
      expect(network).not.toContain('Unshared Bologna plan');
      expect(network).not.toContain('Amina');

      await visit(
        page,
        `/web/report?from=2025-01-01&to=2025-03-31&lang=${lang === 'en' ? 'fr' : 'en'}`,
        `${lang}-report`,
      );
      expect(await page.locator('article.report').getAttribute('lang')).toBe(lang === 'en' ? 'fr' : 'en');
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `.tmp/dashboard-${lang}-report-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      const bad = await page.goto(`${origin}/web?areas=nowhere`);
      expect(bad?.status()).toBe(400);
      await checkAccessibility(page, 'bad filter');
      await page.screenshot({ path: `.tmp/dashboard-${lang}-bad-filter.png`, fullPage: true });
      await context.close();
    }, 240_000);
  });
}
