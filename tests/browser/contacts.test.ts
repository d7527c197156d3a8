// Contacts in the side panel, in real Chromium: capture by hand with invalid details reported (not dropped),
// a duplicate offered as a merge, a contact linked to a practice from the popup, then erased (told which
// practices still name them).
import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium.ts';
import { controlPage, openPopupFor, openSidePanel, tabIdFor } from './harness/extension-pages.ts';
import { type PageServer, servePages } from './harness/page-server.ts';

const shots = '.tmp/screenshots';
mkdirSync(shots, { recursive: true });

let site: PageServer;
let ext: ExtensionBrowser;
let panel: Page;

beforeAll(async () => {
  site = await servePages();
  ext = await launchWithExtension({ lang: 'en' });
  panel = await openSidePanel(ext);
  await panel.getByRole('tab', { name: 'Contacts' }).click();
});

afterAll(async () => {
  await ext?.close();
  await site?.close();
});

const contactRows = () => panel.locator('[data-testid="contact-list"] li');

async function fillContact(fields: Record<string, string>) {
  await panel.getByRole('button', { name: 'New contact' }).click();
  for (const [name, value] of Object.entries(fields)) await panel.locator(`[name="${name}"]`).fill(value);
}

describe('contacts', () => {
  it('reports an invalid e-mail by value, keeps what was typed, and saves once corrected', async () => {
    await fillContact({
      name: 'Giulia Rossi',
      role: 'President',
      organisation: 'Associazione Mondinsieme',
      emails: 'giulia.rossi@',
      phones: '+39 0522 456 789',
    });
    await panel.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => panel.locator('[data-tone="error"]').textContent()).toContain('giulia.rossi@');
    expect(await panel.locator('[name="emails"]').inputValue()).toBe('giulia.rossi@');
    await panel.screenshot({ path: `${shots}/contact-invalid.png`, fullPage: true });
    await panel.locator('[name="emails"]').fill('giulia.rossi@mondinsieme.example');
    await panel.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => panel.locator('[data-tone="ok"]').textContent()).toBe('Contact saved.');
    await expect.poll(() => contactRows().allInnerTexts()).toEqual([expect.stringContaining('Giulia Rossi')]);
  });

  it('offers a merge instead of saving the same person twice', async () => {
    await fillContact({
      name: 'G. Rossi',
      emails: 'Giulia.Rossi@mondinsieme.example',
      phones: '+39 333 123 4567',
    });
    await panel.getByRole('button', { name: 'Save contact' }).click();
    await expect
      .poll(() => panel.locator('[data-tone="warn"]').textContent())
      .toContain('Giulia Rossi is already in your contacts');
    await panel.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => contactRows().count()).toBe(1);
    await contactRows().first().locator('button').click();
    expect((await panel.locator('[name="phones"]').inputValue()).split('\n')).toEqual([
      '+390522456789',
      '+393331234567',
    ]);
    await panel
      .getByRole('button', { name: /Contacts/ })
      .first()
      .click();
  });

  it('links a contact to a practice while clipping, and shows the practice on the contact', async () => {
    const control = await controlPage(ext);
    const page = await ext.context.newPage();
    await page.goto(site.url('/mediation-fr.html'));
    const popup = await openPopupFor(ext, await tabIdFor(control, page.url()));
    await expect.poll(() => popup.locator('input[name="title"]').inputValue()).toContain('médiation');
    await popup.locator('#stakeholder-input').fill('Giulia Rossi (Associazione Mondinsieme)');
    await popup.locator('textarea[name="note"]').fill('Ask giulia rossi for the trainers’ schedule.');
    await expect
      .poll(() => popup.locator('[data-testid="linked-stakeholders"]').textContent())
      .toContain('Giulia Rossi');
    await popup.getByRole('button', { name: 'Save to library' }).click();
    await expect
      .poll(() => popup.locator('[data-tone="ok"]').first().textContent())
      .toBe('Saved to your library.');

    await panel.getByRole('tab', { name: 'Contacts' }).click();
    await contactRows().first().locator('button').click();
    await expect
      .poll(() => panel.locator('[data-testid="contact-practices"]').textContent())
      .toContain('La médiation interculturelle dans les écoles');
    await panel.screenshot({ path: `${shots}/contact-view.png`, fullPage: true });
  });

  it('filters contacts by topic and language', async () => {
    await panel
      .getByRole('button', { name: /Contacts/ })
      .first()
      .click();
    await panel.getByLabel('Language (e.g. fr)').fill('no');
    await expect.poll(() => panel.getByText('No contact matches your search.').count()).toBe(1);
    await panel.getByLabel('Language (e.g. fr)').fill('');
    await panel.getByLabel('Topics (ICC Index areas)').selectOption('education');
    await expect.poll(() => contactRows().count()).toBe(0);
    await panel.getByLabel('Topics (ICC Index areas)').selectOption('');
    await expect.poll(() => contactRows().count()).toBe(1);
    await contactRows().first().locator('button').click();
  });

  it('erases a contact after confirmation, naming the practices whose note still mentions them', async () => {
    await panel.getByRole('button', { name: 'Erase this contact' }).click();
    await expect
      .poll(() => panel.locator('[data-testid="contact-mentions"]').textContent())
      .toContain('La médiation interculturelle dans les écoles');
    await panel.screenshot({ path: `${shots}/contact-erase-mentions.png`, fullPage: true });
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect
      .poll(() => panel.locator('[data-tone="ok"]').textContent())
      .toBe('Contact erased everywhere it was held.');
    // The list follows the store's change event, which may land just after the notice.
    await expect.poll(() => contactRows().count()).toBe(0);
  });

  it('captures a selected contact block from a page: the form arrives filled in, Ctrl+Enter saves', async () => {
    const control = await controlPage(ext);
    const page = await ext.context.newPage();
    await page.goto(site.url('/contacts-it.html'));
    await page.evaluate("window.getSelection().selectAllChildren(document.getElementById('referente'))");
    const reply = await control.evaluate(
      "chrome.tabs.query({}).then((tabs) => chrome.runtime.sendMessage({ type: 'capture-contact', tabId: tabs.filter((t) => t.url.endsWith('/contacts-it.html')).pop().id }))",
    );
    expect(reply).toMatchObject({ ok: true });
    await expect.poll(() => panel.locator('[name="name"]').inputValue()).toBe('Giulia Rossi');
    expect(await panel.locator('[name="role"]').inputValue()).toBe('Responsabile Ufficio Intercultura');
    expect(await panel.locator('[name="organisation"]').inputValue()).toBe('Comune di Reggio Emilia');
    expect(await panel.locator('[name="emails"]').inputValue()).toBe('giulia.rossi@comune.re.it');
    expect(await panel.locator('[name="phones"]').inputValue()).toBe('+390522456789');
    expect(await panel.locator('[name="sourceUrl"]').inputValue()).toBe(site.url('/contacts-it.html'));
    await panel.screenshot({ path: `${shots}/contact-prefilled.png`, fullPage: true });
    await panel.locator('[name="name"]').focus();
    await panel.keyboard.press('Control+Enter');
    await expect.poll(() => panel.locator('[data-tone="ok"]').textContent()).toBe('Contact saved.');
    await expect.poll(() => contactRows().allInnerTexts()).toEqual([expect.stringContaining('Giulia Rossi')]);
  });

  it('exports the contacts as a vCard file an address book can read', async () => {
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export as vCard' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^icc-contacts-\d{4}-\d{2}-\d{2}\.vcf$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const card = new ICAL.Component(ICAL.parse(text));
    expect(card.getFirstPropertyValue('fn')).toBe('Giulia Rossi');
    expect(card.getFirstPropertyValue('email')).toBe('giulia.rossi@comune.re.it');
  });
});
