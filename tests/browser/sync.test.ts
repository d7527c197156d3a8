// The shared city library end to end: three Chromium profiles against the real sync server — two members
// of Lisbon and one of Oslo. A clips while the server is down and it arrives once it is back; concurrent
// edits to different fields both survive; the other city sees nothing; a revoked token is said plainly and
// the local library stays.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectInput } from '../../shared/api/connect.ts';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium.ts';
import { controlPage, openPopupFor, openSidePanel, tabIdFor } from './harness/extension-pages.ts';
import { type PageServer, servePages } from './harness/page-server.ts';
import { startSyncServer, type TestMember } from './harness/sync-server.ts';

const shots = '.tmp/screenshots';
mkdirSync(shots, { recursive: true });

interface Member {
  ext: ExtensionBrowser;
  panel: Page;
  account: TestMember;
}

let site: PageServer;
let server: Awaited<ReturnType<typeof startSyncServer>>;
let ana: Member;
let bruno: Member;
let carla: Member;
let lisbonId: string;

async function connect(account: TestMember): Promise<Member> {
  const ext = await launchWithExtension();
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.locator('input[name="connect"]').fill(account.connectCode);
  await options.getByRole('button', { name: 'Connect', exact: true }).click();
  await options.locator('[data-tone="ok"]', { hasText: `as ${account.name} (contributor)` }).waitFor();
  await options.close();
  return { ext, account, panel: await openSidePanel(ext) };
}

const status = (m: Member) => m.panel.locator('[data-testid="sync-status"]');
const rows = (m: Member) => m.panel.locator('[data-testid="practice-list"] li');

/** Clicks "Sync now" and waits for a sync that finished after the click. */
async function syncNow(m: Member) {
  const before = await status(m).getAttribute('data-synced-at');
  await m.panel.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(
      async () =>
        (await status(m).getAttribute('data-synced-at')) !== before &&
        (await status(m).getAttribute('data-phase')) === 'idle',
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** Back to the list from wherever the panel is (a practice, the conflicts). */
async function toLibrary(m: Member) {
  while ((await m.panel.locator('#practice-title, #conflicts-title').count()) > 0) {
    await m.panel.getByRole('button', { name: /Back to the library/ }).click();
  }
}

async function openPractice(m: Member, title: string) {
  await toLibrary(m);
  await m.panel.locator('[data-testid="practice-list"] li button', { hasText: title }).click();
  await expect.poll(() => m.panel.locator('#practice-title').textContent()).toBe(title);
}

beforeAll(async () => {
  site = await servePages();
  server = await startSyncServer();
  const lisbon = await server.city('Lisbon', 'PT');
  lisbonId = lisbon.id;
  const oslo = await server.city('Oslo', 'NO');
  ana = await connect(await server.member(lisbon.id, 'Ana', 'contributor'));
  bruno = await connect(await server.member(lisbon.id, 'Bruno', 'contributor'));
  carla = await connect(await server.member(oslo.id, 'Carla', 'contributor'));
});

afterAll(async () => {
  for (const m of [ana, bruno, carla]) await m?.ext.close();
  await server?.close();
  await site?.close();
});

describe('the shared city library', () => {
  it('keeps a clip made while the server is down and delivers it when it is back', async () => {
    await server.stop();
    const control = await controlPage(ana.ext);
    const page = await ana.ext.context.newPage();
    await page.goto(site.url('/welcome-desk.html'));
    const popup = await openPopupFor(ana.ext, await tabIdFor(control, page.url()));
    await expect.poll(() => popup.locator('input[name="title"]').inputValue()).toContain('welcome desk');
    await popup.locator('input[name="area"][value="welcoming_newcomers"]').check();
    await popup.getByRole('button', { name: 'Save to library' }).click();
    await expect.poll(() => popup.locator('[data-tone="ok"]').textContent()).toBe('Saved to your library.');
    await popup.close();

    await expect.poll(() => status(ana).getAttribute('data-phase'), { timeout: 15_000 }).toBe('offline');
    expect(await status(ana).textContent()).toContain('cannot be reached');
    expect(await rows(ana).count()).toBe(1);
    await ana.panel.screenshot({ path: `${shots}/sync-offline.png` });

    await server.restart();
    await syncNow(ana);
    expect(await status(ana).textContent()).toContain('Synced with Lisbon');

    await syncNow(bruno);
    await expect.poll(() => rows(bruno).allInnerTexts()).toEqual([expect.stringContaining('welcome desk')]);
    expect(await rows(bruno).first().innerText()).toContain('Ana');
  });

  it('merges concurrent edits to different fields: both survive on both browsers', async () => {
    const title = 'A multilingual welcome desk for newcomers';
    await server.stop();
    await openPractice(bruno, title);
    await bruno.panel.locator('textarea[name="note"]').fill('Bruno: call the mediators’ association');
    await bruno.panel.getByRole('button', { name: 'Save changes' }).click();
    await openPractice(ana, title);
    await ana.panel.locator('input[name="area"][value="language"]').check();
    await ana.panel.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => ana.panel.locator('[data-tone="ok"]').last().textContent())
      .toBe('Changes saved.');

    await server.restart();
    for (const m of [bruno, ana, bruno]) await syncNow(m);
    for (const m of [ana, bruno]) {
      await openPractice(m, title);
      await expect
        .poll(() => m.panel.locator('textarea[name="note"]').inputValue())
        .toBe('Bruno: call the mediators’ association');
      expect(await m.panel.locator('input[name="area"][value="language"]').isChecked()).toBe(true);
      expect(await m.panel.locator('input[name="area"][value="welcoming_newcomers"]').isChecked()).toBe(true);
    }
    await bruno.panel.screenshot({ path: `${shots}/sync-merged.png`, fullPage: true });
  });

  it('opens a synced practice on the web dashboard, signed in, from the side panel', async () => {
    const title = 'A multilingual welcome desk for newcomers';
    await openPractice(bruno, title);
    const opened = bruno.ext.context.waitForEvent('page');
    await bruno.panel.getByRole('button', { name: 'Open on the web' }).click();
    const web = await opened;
    await web.waitForURL(/\/web\/practices\//);
    expect(new URL(web.url()).origin).toBe(server.origin());
    await expect.poll(() => web.locator('h1').textContent()).toBe(title);
    // Signed in as Bruno, by a one-time link: the page's header names him.
    expect(await web.locator('header').innerText()).toContain('Bruno');
    await web.close();
    // Bruno stays on the practice: the next test edits it there.
  });

  it('lists a same-field collision as a conflict the member can restore', async () => {
    const title = 'A multilingual welcome desk for newcomers';
    await server.stop();
    await bruno.panel.locator('textarea[name="note"]').fill('Bruno: they want a partner city');
    await bruno.panel.getByRole('button', { name: 'Save changes' }).click();
    await ana.panel.locator('textarea[name="note"]').fill('Ana: budget is 40k per year');
    await ana.panel.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => ana.panel.locator('[data-tone="ok"]').last().textContent())
      .toBe('Changes saved.');
    await server.restart();
    for (const m of [bruno, ana, bruno]) await syncNow(m);

    // Ana's later edit won; Bruno's note is kept as a conflict, shown to both, restorable.
    await bruno.panel.getByTestId('conflicts-link').click();
    const conflict = bruno.panel.locator('[data-testid="conflict-list"] li');
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.innerText()).toContain('Bruno: they want a partner city');
    expect(await conflict.innerText()).toContain('Ana: budget is 40k per year');
    await bruno.panel.screenshot({ path: `${shots}/sync-conflict.png`, fullPage: true });
    await conflict.getByRole('button', { name: 'Restore this value' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    await syncNow(bruno);
    await syncNow(ana);
    for (const m of [ana, bruno]) {
      await openPractice(m, title);
      await expect
        .poll(() => m.panel.locator('textarea[name="note"]').inputValue())
        .toBe('Bruno: they want a partner city');
    }
  });

  it('shows nothing of Lisbon to a member of Oslo', async () => {
    await syncNow(carla);
    expect(await status(carla).textContent()).toContain('Synced with Oslo');
    expect(await rows(carla).count()).toBe(0);
    expect(await carla.panel.getByText('Your library is empty').count()).toBe(1);
  });

  it('shares a captured contact with the city and not beyond, and erases it everywhere', async () => {
    const control = await controlPage(ana.ext);
    const page = await ana.ext.context.newPage();
    await page.goto(site.url('/contacts-it.html'));
    await page.evaluate("window.getSelection().selectAllChildren(document.getElementById('referente'))");
    const tabId = await tabIdFor(control, page.url());
    expect(
      await control.evaluate(`chrome.runtime.sendMessage({ type: 'capture-contact', tabId: ${tabId} })`),
    ).toMatchObject({
      ok: true,
    });
    await expect.poll(() => ana.panel.locator('[name="name"]').inputValue()).toBe('Giulia Rossi');
    await ana.panel.getByRole('button', { name: 'Save contact' }).click();
    await expect
      .poll(() => ana.panel.locator('[data-tone="ok"]').last().textContent())
      .toBe('Contact saved.');
    // Ana names her on the welcome-desk practice.
    await ana.panel.getByRole('tab', { name: 'Library' }).click();
    await openPractice(ana, 'A multilingual welcome desk for newcomers');
    await ana.panel.locator('#stakeholder-input').fill('Giulia Rossi (Comune di Reggio Emilia)');
    await expect
      .poll(() => ana.panel.locator('[data-testid="linked-stakeholders"]').textContent())
      .toContain('Giulia Rossi');
    await ana.panel.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => ana.panel.locator('[data-tone="ok"]').last().textContent())
      .toBe('Changes saved.');
    await syncNow(ana);

    const contactsOf = async (m: Member) => {
      await m.panel.getByRole('tab', { name: 'Contacts' }).click();
      return m.panel.locator('[data-testid="contact-list"] li').allInnerTexts();
    };
    await syncNow(bruno);
    await openPractice(bruno, 'A multilingual welcome desk for newcomers');
    await expect
      .poll(() => bruno.panel.locator('[data-testid="linked-stakeholders"]').textContent())
      .toContain('Giulia Rossi');
    await expect.poll(() => contactsOf(bruno)).toEqual([expect.stringContaining('Giulia Rossi')]);
    await syncNow(carla);
    expect(await contactsOf(carla)).toEqual([]);

    await ana.panel.getByRole('tab', { name: 'Contacts' }).click();
    await ana.panel.locator('[data-testid="contact-list"] li button', { hasText: 'Giulia Rossi' }).click();
    // Ana is a contributor: her delete reaches every copy, and the server sets the contact aside for a
    // coordinator to restore or erase (server/stakeholders/set-aside.ts).
    await ana.panel.getByRole('button', { name: 'Delete this contact' }).click();
    await ana.panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect
      .poll(() => ana.panel.locator('[data-tone="ok"]').last().textContent())
      .toBe('Contact deleted. A coordinator can restore it or erase it for good.');
    await syncNow(ana);
    await syncNow(bruno);
    await expect.poll(() => contactsOf(bruno)).toEqual([]);
    expect(await contactsOf(ana)).toEqual([]);
    const token = parseConnectInput(bruno.account.connectCode)!.token;
    const search = await fetch(`${server.origin()}/api/stakeholders/search?q=Rossi`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(search.status).toBe(200);
    expect(JSON.stringify(await search.json())).not.toContain('Rossi');
    const lead = await server.member(lisbonId, 'Lisbon coordinator', 'coordinator');
    const setAside = await fetch(`${server.origin()}/api/stakeholders/set-aside`, {
      headers: { authorization: `Bearer ${parseConnectInput(lead.connectCode)!.token}` },
    });
    const kept = (await setAside.json()) as { setAside: { stakeholder: { name: string } }[] };
    expect(kept.setAside.map((s) => s.stakeholder.name)).toEqual(['Giulia Rossi']);
    for (const m of [ana, bruno, carla]) await m.panel.getByRole('tab', { name: 'Library' }).click();
    // The practice no longer names her, on both browsers.
    for (const m of [ana, bruno]) {
      await openPractice(m, 'A multilingual welcome desk for newcomers');
      expect(await m.panel.locator('[data-testid="linked-stakeholders"]').count()).toBe(0);
    }
    await toLibrary(ana);
  });

  it('says plainly when the token is revoked, and keeps the local library', async () => {
    await toLibrary(ana);
    await server.revoke(ana.account);
    await ana.panel.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(ana).getAttribute('data-phase'), { timeout: 15_000 }).toBe('error');
    expect(await status(ana).textContent()).toContain('access to the city library was revoked');
    expect(await rows(ana).count()).toBe(1);
    await ana.panel.screenshot({ path: `${shots}/sync-revoked.png` });
  });

  it('connects from the server’s connect page through the popup, and a viewer reads the library', async () => {
    const dora = await server.member(lisbonId, 'Dora', 'viewer');
    const ext = await launchWithExtension();
    try {
      const control = await controlPage(ext);
      const page = await ext.context.newPage();
      await page.goto(`${server.origin()}/connect#${dora.connectCode}`);
      await expect.poll(() => page.locator('#code').textContent()).toBe(dora.connectCode);
      await page.screenshot({ path: `${shots}/connect-page.png`, fullPage: true });
      const popup = await openPopupFor(ext, await tabIdFor(control, page.url()));
      await popup.getByRole('button', { name: 'Connect ICC Clipper to it' }).click();
      await expect
        .poll(() => popup.locator('[data-tone="ok"]').first().textContent())
        .toBe('Connected to Lisbon as Dora (viewer).');
      const panel = await openSidePanel(ext);
      await expect
        .poll(() => panel.locator('[data-testid="practice-list"] li').allInnerTexts(), { timeout: 15_000 })
        .toEqual([expect.stringContaining('A multilingual welcome desk for newcomers')]);
      // A viewer reads: saving and deleting are not offered.
      await panel.locator('[data-testid="practice-list"] li button').first().click();
      await expect.poll(() => panel.locator('#practice-title').count()).toBe(1);
      expect(await panel.locator('form button[type="submit"]').isDisabled()).toBe(true);
      expect(await panel.getByRole('button', { name: 'Delete practice' }).count()).toBe(0);
    } finally {
      await ext.close();
    }
  });
});
