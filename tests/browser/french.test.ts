// The UI follows the browser's language: a French Chromium gets the popup and side panel in French,
// Index areas labelled in French with English beside them.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium.ts';
import { controlPage, openPopupFor, openSidePanel, tabIdFor } from './harness/extension-pages.ts';
import { type PageServer, servePages } from './harness/page-server.ts';

const shots = '.tmp/screenshots';
mkdirSync(shots, { recursive: true });

let site: PageServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  site = await servePages();
  ext = await launchWithExtension({ lang: 'fr' });
});

afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('in French', () => {
  it('clips from a French popup and lists the practice in a French side panel', async () => {
    const control = await controlPage(ext);
    const page = await ext.context.newPage();
    await page.goto(site.url('/mediation-fr.html'));
    const popup = await openPopupFor(ext, await tabIdFor(control, page.url()));
    await expect
      .poll(() => popup.locator('input[name="title"]').inputValue())
      .toBe('La médiation interculturelle dans les écoles');
    expect(await popup.getByRole('button', { name: 'Enregistrer dans la bibliothèque' }).count()).toBe(1);
    expect(await popup.locator('legend').innerText()).toBe("Domaines de l'Index ICC");
    // Education is in the second group, folded until the member opens it.
    await popup.locator('summary', { hasText: 'La ville à travers le prisme interculturel' }).click();
    await popup.getByLabel('Éducation').check();
    await popup.getByRole('button', { name: 'Enregistrer dans la bibliothèque' }).click();
    await expect
      .poll(() => popup.locator('[data-tone="ok"]').textContent())
      .toBe('Enregistré dans votre bibliothèque.');
    await popup.screenshot({ path: `${shots}/popup-fr-saved.png`, fullPage: true });

    const panel = await openSidePanel(ext);
    await expect
      .poll(() => panel.locator('#library-search').getAttribute('placeholder'))
      .toBe('Rechercher dans la bibliothèque');
    await expect.poll(() => panel.locator('.count-line').innerText()).toBe('Pratiques : 1');
    expect(await panel.locator('[data-testid="practice-list"]').innerText()).toContain('Éducation');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('fr');
    await panel.screenshot({ path: `${shots}/sidepanel-fr-list.png`, fullPage: true });
  });

  it('captures a contact in French: the form, its checks and its choices speak French', async () => {
    const panel = await openSidePanel(ext);
    await panel.getByRole('tab', { name: 'Contacts' }).click();
    await panel.getByRole('button', { name: 'Nouveau contact' }).click();
    await panel.locator('[name="name"]').fill('Camille Martin');
    await panel.locator('[name="emails"]').fill('camille.martin@');
    await panel.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await expect
      .poll(() => panel.locator('[data-tone="error"]').textContent())
      .toBe(
        'Ces adresses e-mail ne sont pas valides : camille.martin@. Corrigez-les ou retirez-les pour enregistrer.',
      );
    expect(await panel.locator('[name="lawfulBasis"] option:checked').textContent()).toBe(
      "Mission d'intérêt public",
    );
    await panel.locator('[name="emails"]').fill('camille.martin@strasbourg.eu');
    await panel.locator('[name="type"]').selectOption('city_department');
    await panel.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await expect.poll(() => panel.locator('[data-tone="ok"]').textContent()).toBe('Contact enregistré.');
    expect(await panel.locator('[data-testid="contact-list"]').innerText()).toContain('Service municipal');
    await panel.screenshot({ path: `${shots}/contacts-fr.png`, fullPage: true });
  });
});
