// The web dashboard's pages through the real app, signed in with a session: every page answers for a member
// and sends a stranger to sign in; matches are marked and markup escaped; another city's practice is a 404;
// the network page is for network coordinators only; bad filters are a 400 page saying what is wrong; the
// coverage numbers are the test's own counts; viewers see no contact details; French pages are in French.
import { describe, expect, it } from 'vitest';
import { networkCoordinators } from '../../server/db/schema/index.ts';
import { indexAreaIds, indexAreaLabel } from '../../shared/taxonomy/index.ts';
import { fileBackend } from './support/backend.ts';
import { practice, push } from './support/library-data.ts';
import { createHighlight, createStakeholder, id } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';
import { origin, page, signIn } from './web-helpers.ts';

async function library(w: World) {
  const stakeholderId = id();
  const welcome = practice({
    title: 'Welcome desk for newcomers',
    excerpt: 'A desk that welcomes newcomers in twelve languages.',
    contentMarkdown:
      '## How it works\n\nThe desk is **open** daily.\n\n- French\n- Arabic\n\n<script>alert(1)</script> [bad](javascript:alert(1))',
    lang: 'en',
    areas: ['welcoming_newcomers', 'language'],
    tags: ['desk'],
    stakeholderIds: [stakeholderId],
    clippedAt: '2025-02-10T10:00:00.000Z',
  });
  const school = practice({
    title: 'École des parents <b>bold</b>',
    excerpt: 'Cours du soir.',
    lang: 'fr',
    areas: ['education'],
    visibility: 'network',
    clippedAt: '2025-01-05T10:00:00.000Z',
  });
  await push(w, w.a.contributor.token, [
    createStakeholder(stakeholderId, { name: 'Amina Diallo' }),
    welcome,
    school,
    createHighlight(welcome.objectId),
  ]);
  const elsewhere = practice({
    title: 'Bergen library',
    areas: ['education'],
    clippedAt: '2025-01-01T10:00:00.000Z',
  });
  await push(w, w.b.contributor.token, [elsewhere]);
  return { welcome: welcome.objectId, school: school.objectId, elsewhere: elsewhere.objectId };
}

const pages = (ids: { welcome: string }) => [
  '/web',
  '/web?q=welcome',
  `/web/practices/${ids.welcome}`,
  '/web/coverage',
  '/web/activity',
  '/web/activity?from=2025-01-01&to=2025-12-31',
  '/web/report?from=2025-01-01&to=2025-03-31&lang=fr',
];

describe('pages for a signed-in member', () => {
  it('every page answers 200 with the nav, the city and the member; without a session each redirects to sign in', async () => {
    const w = await makeWorld(fileBackend);
    const ids = await library(w);
    const cookie = await signIn(w, w.a.viewer.token);
    for (const path of pages(ids)) {
      const answer = await page(w, path, cookie);
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).toContain('<html lang="en">');
      expect(answer.text, path).toContain('aria-label="Main"');
      expect(answer.text, path).toContain('City: Lyon');
      expect(answer.text, path).toContain('Lyon Viewer');
      const csp = answer.headers.get('Content-Security-Policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'self'");
      expect(answer.text).not.toMatch(/<script/i);

      const stranger = await page(w, path);
      expect(stranger.status, path).toBe(302);
      expect(new URL(stranger.headers.get('Location')!, origin).searchParams.get('next')).toBe(path);
    }
    const css = await page(w, '/web/styles.css');
    expect(css.headers.get('Content-Type')).toMatch(/text\/css/);
  });

  it('search marks the matches and escapes the titles', async () => {
    const w = await makeWorld(fileBackend);
    await library(w);
    const cookie = await signIn(w, w.a.viewer.token);
    const found = await page(w, '/web?q=newcomer', cookie);
    expect(found.text).toContain('<mark>newcomers</mark>');
    expect(found.text).toContain('1 practice');
    expect(found.text).not.toContain('Bergen library');
    const all = await page(w, '/web', cookie);
    expect(all.text).toContain('2 practices');
    expect(all.text).toContain('&lt;b>bold&lt;/b>');
    expect(all.text).not.toContain('<b>bold</b>');
    const filtered = await page(w, '/web?areas=education', cookie);
    expect(filtered.text).toContain('École des parents');
    expect(filtered.text).not.toContain('Welcome desk for newcomers');
    const none = await page(w, '/web?q=zzzzqqq', cookie);
    expect(none.status).toBe(200);
    expect(none.text).toContain('No practice matches this search');
    expect(all.text).toContain('/web/export/practices?format=csv');
  });

  it('the practice page shows content as safe HTML, highlights and stakeholders', async () => {
    const w = await makeWorld(fileBackend);
    const ids = await library(w);
    const cookie = await signIn(w, w.a.coordinator.token);
    const answer = await page(w, `/web/practices/${ids.welcome}`, cookie);
    expect(answer.text).toContain('<h4>How it works</h4>');
    expect(answer.text).toContain('<strong>open</strong>');
    expect(answer.text).toContain('<li>Arabic</li>');
    expect(answer.text).toContain('&lt;script>alert(1)&lt;/script>');
    expect(answer.text).not.toContain('href="javascript:');
    expect(answer.text).toContain('twelve languages');
    expect(answer.text).toContain('Amina Diallo');
    expect(answer.text).toContain('amina@example.org');
    expect(answer.text).toContain(indexAreaLabel('welcoming_newcomers', 'en'));
  });

  it('hides contact details from viewers and refuses them the contacts export', async () => {
    const w = await makeWorld(fileBackend);
    const ids = await library(w);
    const cookie = await signIn(w, w.a.viewer.token);
    const answer = await page(w, `/web/practices/${ids.welcome}`, cookie);
    expect(answer.text).toContain('Amina Diallo');
    expect(answer.text).not.toContain('amina@example.org');
    expect(answer.text).toContain('Contact details are hidden');
    expect((await page(w, '/web', cookie)).text).not.toContain('/web/export/contacts');
    expect((await page(w, '/web/export/contacts?format=vcard', cookie)).status).toBe(403);
    const coordinator = await signIn(w, w.a.coordinator.token);
    const vcard = await page(w, '/web/export/contacts?format=vcard', coordinator);
    expect(vcard.status).toBe(200);
    expect(vcard.text).toContain('BEGIN:VCARD');
    expect(vcard.headers.get('Content-Disposition')).toMatch(/attachment/);
  });

  it("another city's practice, or an unknown one, is a 404 page", async () => {
    const w = await makeWorld(fileBackend);
    const ids = await library(w);
    const cookie = await signIn(w, w.a.coordinator.token);
    for (const path of [`/web/practices/${ids.elsewhere}`, `/web/practices/${id()}`, '/web/nothing-here']) {
      const answer = await page(w, path, cookie);
      expect(answer.status, path).toBe(404);
      expect(answer.text).toContain('There is no such page or practice');
    }
    expect((await page(w, `/web/practices/${ids.elsewhere}`)).status).toBe(302);
  });

  it('exports the filtered view with the session', async () => {
    const w = await makeWorld(fileBackend);
    await library(w);
    const cookie = await signIn(w, w.a.viewer.token);
    const csv = await page(w, '/web/export/practices?format=csv&areas=education', cookie);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('École des parents');
    expect(csv.text).not.toContain('Welcome desk');
    const json = await page(w, '/web/export/practices?format=json', cookie);
    expect(JSON.parse(json.text).practices).toHaveLength(2);
    const md = await page(w, '/web/report.md?from=2025-01-01&to=2025-12-31&lang=fr', cookie);
    expect(md.status).toBe(200);
    expect(md.text).toContain('Rapport');
  });
});

describe('bad input', () => {
  it('a bad filter is a 400 page naming the parameter, never a server error', async () => {
    const w = await makeWorld(fileBackend);
    await library(w);
    const cookie = await signIn(w, w.a.viewer.token);
    const cases: [string, string][] = [
      ['/web?areas=not-an-area', 'areas'],
      ['/web?colour=blue', 'colour'],
      ['/web?from=2025-13-45', 'from'],
      ['/web?from=2025-05-01&to=2025-01-01', 'from'],
      ['/web?page=zero', 'page'],
      ['/web?q=a&q=b', 'q'],
      ['/web/activity?from=yesterday', 'from'],
      ['/web/report?from=2025-02-30', 'from'],
      ['/web/export/practices?format=pdf', 'format'],
    ];
    for (const [path, param] of cases) {
      const answer = await page(w, path, cookie);
      expect(answer.status, path).toBe(400);
      expect(answer.text, path).toContain(`“${param}”`);
      expect(answer.text, path).toContain('role="alert"');
    }
  });
});

describe('coverage', () => {
  it("lists all 18 areas with the test's own counts, and the areas without evidence", async () => {
    const w = await makeWorld(fileBackend);
    await library(w);
    const cookie = await signIn(w, w.a.viewer.token);
    const answer = await page(w, '/web/coverage', cookie);
    const counts = new Map(indexAreaIds.map((a) => [a, 0]));
    for (const a of ['welcoming_newcomers', 'language', 'education']) counts.set(a, 1);
    for (const areaId of indexAreaIds) {
      const label = indexAreaLabel(areaId, 'en').replace(/&/g, '&amp;');
      const row = new RegExp(`areas=${areaId}">${label}</a></th><td class="num">(\\d+)</td>`).exec(
        answer.text,
      );
      expect(row, areaId).not.toBeNull();
      expect(Number(row![1]), areaId).toBe(counts.get(areaId));
    }
    expect(answer.text).toContain('15 of 18 areas have no practice yet');
    expect(answer.text).toContain('role="img"');
    expect(answer.text).toMatch(/<svg[^>]*aria-labelledby="coverage-chart-title coverage-chart-desc"/);
  });
});

describe('network', () => {
  it('is a 403 page for members who do not coordinate a network, and shows shared practices to those who do', async () => {
    const w = await makeWorld(fileBackend);
    await library(w);
    const member = await signIn(w, w.a.coordinator.token);
    const refused = await page(w, '/web/network', member);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Network coordinators only');

    await w.db.$client.execute({
      sql: "UPDATE cities SET network_id = 'fr-network' WHERE id = ?",
      args: [w.a.city.id],
    });
    await w.db.insert(networkCoordinators).values({
      memberId: w.b.viewer.member.id,
      networkId: 'fr-network',
      grantedAt: new Date().toISOString(),
    });
    const coordinator = await signIn(w, w.b.viewer.token);
    const answer = await page(w, '/web/network', coordinator);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Lyon');
    expect(answer.text).toContain('École des parents');
    expect(answer.text).not.toContain('Welcome desk for newcomers');
    expect(answer.text).not.toContain('Amina');
    expect((await page(w, '/web', coordinator)).text).toContain('href="/web/network"');
    expect((await page(w, '/web', member)).text).not.toContain('href="/web/network"');
  });
});

describe('French', () => {
  it('follows Accept-Language, then the language switch, and sets <html lang>', async () => {
    const w = await makeWorld(fileBackend);
    const ids = await library(w);
    const cookie = await signIn(w, w.a.viewer.token);
    const fr = { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' };
    for (const path of pages(ids)) {
      const answer = await page(w, path, cookie, fr);
      expect(answer.text, path).toContain('<html lang="fr">');
      expect(answer.text, path).toContain('Ville : Lyon');
      expect(answer.text, path).toContain('Se déconnecter');
    }
    expect((await page(w, '/web/coverage', cookie, fr)).text).toContain('Couverture de l’Index ICC');
    expect((await page(w, '/web?areas=nope', cookie, fr)).text).toContain('la valeur de « areas »');

    const signInPage = await page(w, '/web/sign-in', undefined, fr);
    expect(signInPage.text).toContain('Jeton d’accès personnel');

    const toEnglish = await page(w, '/web/lang?set=en&next=%2Fweb%2Fcoverage', cookie, fr);
    expect(toEnglish.status).toBe(303);
    expect(toEnglish.headers.get('Location')).toBe('/web/coverage');
    const langCookie = toEnglish.headers
      .getSetCookie()
      .find((c) => c.startsWith('lang='))!
      .split(';')[0]!;
    const english = await page(w, '/web/coverage', `${cookie}; ${langCookie}`, fr);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('ICC Index coverage');
  });
});
