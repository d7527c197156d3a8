// The foundation, end to end: the built extension in Debian's Chromium, clipping real pages served from
// 127.0.0.1 — popup clip, selection clip, side panel, "already clipped", toolbar mark, persistence.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium.ts';
import {
  badgeText,
  controlPage,
  openPopupFor,
  openSidePanel,
  requestClipSelection,
  selectText,
  tabIdFor,
} from './harness/extension-pages.ts';
import { type PageServer, servePages } from './harness/page-server.ts';

const shots = '.tmp/screenshots';
mkdirSync(shots, { recursive: true });

let site: PageServer;
let ext: ExtensionBrowser;
let control: Page;

beforeAll(async () => {
  site = await servePages();
  ext = await launchWithExtension({ lang: 'en' });
  control = await controlPage(ext);
});

afterAll(async () => {
  await ext?.close();
  await site?.close();
});

async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(site.url(path));
  return { page, tabId: await tabIdFor(control, page.url()) };
}

describe('clipping in Chromium', () => {
  it('opens the popup pre-filled from the page and saves the practice with areas, tags and a note', async () => {
    const { tabId } = await openTab('/welcome-desk.html');
    const popup = await openPopupFor(ext, tabId);
    const title = popup.locator('input[name="title"]');
    await expect.poll(() => title.inputValue()).toBe('A multilingual welcome desk for newcomers');
    await expect.poll(() => popup.locator('.meta').innerText()).toContain('Marta Sousa');
    expect(await popup.locator('.meta').innerText()).toContain('City of Lisbon');
    expect(await popup.locator('textarea[name="excerpt"]').inputValue()).toContain('twelve languages');

    await popup.screenshot({ path: `${shots}/popup-en-opened.png`, fullPage: true });
    await popup.getByLabel('Welcoming newcomers').check();
    await popup.locator('input[name="area"][value="language"]').check();
    await popup.locator('#tag-input').fill('welcome desk');
    await popup.keyboard.press('Enter');
    await popup.locator('#tag-input').fill('volunteers');
    await popup.locator('textarea[name="note"]').fill('Ask Lisbon for the mediator training plan');
    await popup.screenshot({ path: `${shots}/popup-en-filled.png`, fullPage: true });
    await popup.keyboard.press('Control+Enter');
    await expect.poll(() => popup.locator('[data-tone="ok"]').textContent()).toBe('Saved to your library.');
    await popup.screenshot({ path: `${shots}/popup-en-saved.png`, fullPage: true });
    await popup.close();
  });

  it('clips a selected passage as a highlight of the page practice, creating the practice if needed', async () => {
    const { page, tabId } = await openTab('/mediation-fr.html');
    await selectText(page, 'Les médiateurs animent aussi des ateliers');
    const reply = await requestClipSelection(control, tabId);
    expect(reply).toMatchObject({
      ok: true,
      createdPractice: true,
      title: 'La médiation interculturelle dans les écoles',
    });

    const desk = await openTab('/welcome-desk.html');
    await selectText(desk.page, 'waiting times for residence appointments fell by a third');
    expect(await requestClipSelection(control, desk.tabId)).toMatchObject({
      ok: true,
      createdPractice: false,
    });
  });

  it('says so when there is no selection to clip', async () => {
    const { tabId } = await openTab('/other.html');
    expect(await requestClipSelection(control, tabId)).toMatchObject({ ok: false, reason: 'no-selection' });
  });

  it('shows both clips in the side panel, searchable, filterable, with their highlights', async () => {
    const panel = await openSidePanel(ext);
    const rows = panel.locator('[data-testid="practice-list"] li');
    await expect.poll(() => rows.count()).toBe(2);
    await panel.locator('#library-search').fill('ateliers mediation');
    await expect.poll(() => rows.count()).toBe(1);
    await panel.locator('#library-search').fill('');
    await panel.getByLabel('Index area').selectOption('welcoming_newcomers');
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual([expect.stringContaining('multilingual welcome desk')]);
    await panel.screenshot({ path: `${shots}/sidepanel-en-list.png`, fullPage: true });
    await rows.first().locator('button').click();
    await expect
      .poll(() => panel.locator('[data-testid="highlight-list"]').innerText())
      .toContain('waiting times for residence appointments fell by a third');
    expect(await panel.locator('textarea[name="note"]').inputValue()).toBe(
      'Ask Lisbon for the mediator training plan',
    );
    await panel.screenshot({ path: `${shots}/sidepanel-en-practice.png`, fullPage: true });

    // An edit left unsaved (back to the list, panel closed) is still there when the practice is reopened.
    await panel.locator('textarea[name="note"]').fill('Unsaved idea: invite them to the network meeting');
    await panel.waitForTimeout(300);
    await panel.close();
    const again = await openSidePanel(ext);
    await again
      .locator('[data-testid="practice-list"] li button', { hasText: 'multilingual welcome desk' })
      .click();
    await expect
      .poll(() => again.locator('textarea[name="note"]').inputValue())
      .toBe('Unsaved idea: invite them to the network meeting');
    await again.locator('textarea[name="note"]').fill('Ask Lisbon for the mediator training plan');
    await again.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => again.locator('[data-tone="ok"]').textContent()).toBe('Changes saved.');
    await again.close();
  });

  it('re-opening the popup on a clipped page opens that practice instead of a duplicate, also via its canonical address', async () => {
    let note = 'Ask Lisbon for the mediator training plan';
    for (const path of ['/welcome-desk.html', '/practices/welcome-desk.html?utm_source=newsletter']) {
      const { tabId } = await openTab(path);
      const popup = await openPopupFor(ext, tabId);
      await expect
        .poll(() => popup.locator('[data-tone="info"]').first().textContent())
        .toContain('Already in your library');
      expect(await popup.locator('textarea[name="note"]').inputValue()).toBe(note);
      note = `Updated from ${path}`;
      await popup.locator('textarea[name="note"]').fill(note);
      await popup.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => popup.locator('[data-tone="ok"]').textContent()).toBe('Changes saved.');
      await popup.close();
    }
    const panel = await openSidePanel(ext);
    await expect.poll(() => panel.locator('[data-testid="practice-list"] li').count()).toBe(2);
    await panel.close();
  });

  it('marks the toolbar icon on tabs showing a clipped page, and not on others', async () => {
    const clipped = await openTab('/welcome-desk.html');
    const other = await openTab('/other.html');
    await expect.poll(() => badgeText(control, clipped.tabId)).toBe('✓');
    expect(await badgeText(control, other.tabId)).toBe('');
  });

  it('says plainly that a browser page is not a page to save, and offers no form', async () => {
    const page = await ext.context.newPage();
    await page.goto('chrome://version');
    const tabId = await tabIdFor(control, 'chrome://version/');
    const popup = await openPopupFor(ext, tabId);
    await expect
      .poll(() => popup.locator('[data-tone="warn"]').textContent())
      .toContain('one of the browser’s own pages');
    expect(await popup.getByRole('button', { name: 'Save to library' }).count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Open library' }).count()).toBe(1);
    await popup.screenshot({ path: `${shots}/popup-en-browser-page.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('says plainly when a page has no article, and still saves its title and address', async () => {
    const { tabId } = await openTab('/links.html');
    const popup = await openPopupFor(ext, tabId);
    await expect
      .poll(() => popup.locator('[data-tone="warn"]').textContent())
      .toContain('No article text was found');
    expect(await popup.locator('input[name="title"]').inputValue()).toBe('Useful links');
    await popup.getByRole('button', { name: 'Save to library' }).click();
    await expect.poll(() => popup.locator('[data-tone="ok"]').textContent()).toBe('Saved to your library.');
    await popup.close();
  });

  it('keeps what the member typed when the popup closes before saving', async () => {
    const { tabId } = await openTab('/other.html');
    const popup = await openPopupFor(ext, tabId);
    await expect
      .poll(() => popup.locator('input[name="title"]').inputValue())
      .toBe('Opening hours of the city library');
    await popup.locator('textarea[name="note"]').fill('Half-written thought about the library');
    await popup.waitForTimeout(300);
    await popup.close();
    const again = await openPopupFor(ext, tabId);
    await expect
      .poll(() => again.locator('textarea[name="note"]').inputValue())
      .toBe('Half-written thought about the library');
    expect(await again.locator('[data-tone="info"]').allTextContents()).toContain(
      'Your unsaved text from last time was restored.',
    );
    await again.close();
  });
});

describe('persistence', () => {
  it('keeps the library when the service worker is stopped, and the restarted worker still clips', async () => {
    const cdp = await ext.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const { page, tabId } = await openTab('/other.html');
    await selectText(page, 'Membership is free for every resident');
    expect(await requestClipSelection(control, tabId)).toMatchObject({ ok: true, createdPractice: true });
    const panel = await openSidePanel(ext);
    await expect.poll(() => panel.locator('[data-testid="practice-list"] li').count()).toBe(4);
    await panel.close();
  });

  it('keeps the library across a browser restart', async () => {
    const profileDir = ext.profileDir;
    await ext.close();
    ext = await launchWithExtension({ lang: 'en', profileDir });
    control = await controlPage(ext);
    const panel = await openSidePanel(ext);
    const rows = panel.locator('[data-testid="practice-list"] li');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('La médiation interculturelle dans les écoles')]),
    );
  });
});
