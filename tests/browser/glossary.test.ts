// The city glossary end to end, in real Chromium against the real server (a LibreTranslate-compatible fake
// behind it): Carla, coordinator in Bari, opens the Glossary from the Translate tab, gives a built-in ICC
// concept its Italian label and adds a city term; back on the Translate tab, an English → Italian text gets
// the Italian label as its hint, and the day's usage is shown. Vera, a viewer, reads the glossary but cannot
// edit it, and is told why. Then the same view in French. Screenshots at the side panel's width.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeEngine, startFakeLibreTranslate } from '../support/fake-libretranslate.ts';
import { type ExtensionBrowser, e2eExtensionDir, launchWithExtension } from './harness/chromium.ts';
import { openSidePanel } from './harness/extension-pages.ts';
import { startSyncServer, type TestMember } from './harness/sync-server.ts';

const shots = '.tmp';
mkdirSync(shots, { recursive: true });

interface Member {
  ext: ExtensionBrowser;
  panel: Page;
}

let extensionDir: string;
let engine: FakeEngine;
let server: Awaited<ReturnType<typeof startSyncServer>>;
let bariId: string;
const opened: ExtensionBrowser[] = [];

async function connect(account: TestMember, lang: 'en' | 'fr' = 'en'): Promise<Member> {
  const ext = await launchWithExtension({ extensionDir, lang });
  opened.push(ext);
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.locator('input[name="connect"]').fill(account.connectCode);
  await options
    .getByRole('button', { name: lang === 'fr' ? 'Se connecter' : 'Connect', exact: true })
    .click();
  await options.locator('[data-tone="ok"]', { hasText: account.name }).waitFor();
  await options.close();
  const panel = await openSidePanel(ext);
  await panel.setViewportSize({ width: 360, height: 800 });
  return { ext, panel };
}

const conceptRow = (panel: Page, conceptId: string) => panel.locator(`li[data-concept="${conceptId}"]`);

beforeAll(async () => {
  extensionDir = mkdtempSync(join(tmpdir(), 'icc-glossary-ext-'));
  cpSync(e2eExtensionDir, extensionDir, { recursive: true });
  engine = await startFakeLibreTranslate();
  server = await startSyncServer({ translationEnv: { LIBRETRANSLATE_URL: engine.url } });
  bariId = (await server.city('Bari', 'IT', 'it')).id;
});

afterAll(async () => {
  for (const ext of opened) await ext.close();
  await server?.close();
  await engine?.stop();
});

describe('a coordinator extends the ICC glossary in Italian', () => {
  let carla: Member;

  it('gives a built-in concept its Italian label and adds a city term', async () => {
    carla = await connect(await server.member(bariId, 'Carla', 'coordinator'));
    const { panel } = carla;
    await panel.getByRole('tab', { name: 'Translate' }).click();
    // The server's limits: nothing used yet today.
    await expect
      .poll(() => panel.locator('[data-testid="translate-usage"]').textContent())
      .toMatch(/^Used today: 0 of [\d,]+ characters$/);
    await panel.getByRole('button', { name: 'Glossary' }).click();
    await panel.getByRole('heading', { name: 'City glossary' }).waitFor();
    expect(await panel.locator('li[data-concept^="area:"]').count()).toBe(18);

    await panel.getByLabel('Search the glossary').fill('newcomers');
    await expect.poll(() => panel.locator('li[data-concept]').count()).toBe(1);
    const row = conceptRow(panel, 'area:welcoming_newcomers');
    const input = row.getByLabel('Italian for “Welcoming newcomers”');
    await input.fill('accoglienza dei nuovi arrivati');
    await row.getByRole('button', { name: 'Save' }).click();
    await panel.locator('[data-tone="ok"]', { hasText: 'Glossary saved.' }).waitFor();
    expect(await row.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await panel.screenshot({ path: `${shots}/glossary-en.png` });

    // A label longer than the glossary allows: said with the field's name, the text stays.
    const tooLong = 'nuovi arrivati '.repeat(15);
    await conceptRow(panel, 'area:welcoming_newcomers')
      .getByLabel(/^Italian for/)
      .fill(tooLong);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => row.locator('.field-error').textContent())
      .toBe('“Italian label” is too long: at most 200 characters.');
    expect(await row.getByLabel(/^Italian for/).inputValue()).toBe(tooLong);
    await row.getByLabel(/^Italian for/).fill('accoglienza dei nuovi arrivati');

    await panel.getByLabel('Search the glossary').fill('');
    await panel.getByRole('button', { name: 'Add a term' }).click();
    const form = panel.locator('[data-testid="glossary-term-form"]');
    await form.getByLabel('English label').fill('youth council');
    await form.getByLabel('French label').fill('conseil des jeunes');
    await form.getByLabel('Italian label').fill('consulta giovanile');
    await form.getByLabel('Note (optional)').fill('The municipal youth council, since 2019.');
    await form.getByRole('button', { name: 'Save the term' }).click();
    await expect.poll(() => panel.locator('[data-testid="glossary-own"] li').count()).toBe(1);
    expect(await panel.locator('[data-testid="glossary-own"] li').textContent()).toContain(
      'consulta giovanile',
    );

    // Delete asks first; cancelling keeps the term.
    await panel.locator('[data-testid="glossary-own"] li').getByRole('button', { name: 'Delete' }).click();
    expect(await panel.getByText('Delete “consulta giovanile” from the city glossary?').count()).toBe(1);
    await panel.screenshot({ path: `${shots}/glossary-en-full.png`, fullPage: true });
    await panel.locator('[data-testid="glossary-own"]').screenshot({ path: `${shots}/glossary-en-own.png` });
    await panel.getByRole('button', { name: 'Cancel' }).click();
    expect(await panel.locator('[data-testid="glossary-own"] li').count()).toBe(1);

    await panel.getByLabel('Search the glossary').fill('accoglienza');
    await expect.poll(() => panel.locator('li[data-concept]').count()).toBe(1);
    await panel.screenshot({ path: `${shots}/glossary-en-search.png` });
  });

  it('the Translate tab then hints the Italian label for an English → Italian translation', async () => {
    const { panel } = carla;
    await panel.getByRole('button', { name: '← Back to translation' }).click();
    await panel
      .getByLabel('Text to translate')
      .fill('Bari opened a desk for welcoming newcomers and a youth council.');
    await panel.locator('select[name="sourceLang"]').selectOption('en');
    await panel.locator('select[name="targetLang"]').selectOption('it');
    const hints = panel.locator('[data-testid="glossary-hints"] li strong');
    await expect
      .poll(() => hints.allTextContents())
      .toEqual(['accoglienza dei nuovi arrivati', 'consulta giovanile']);
    await panel.screenshot({ path: `${shots}/glossary-translate-hints.png`, fullPage: true });

    // A label typed and not saved survives leaving the glossary (and the panel: it is in the drafts store).
    await panel.getByRole('button', { name: 'Glossary' }).click();
    await conceptRow(panel, 'area:mediation')
      .getByLabel(/^Italian for/)
      .fill('mediazione');
    await panel.getByRole('button', { name: '← Back to translation' }).click();
    await panel.reload();
    await panel.getByRole('tab', { name: 'Translate' }).click();
    await panel.getByRole('button', { name: 'Glossary' }).click();
    await expect
      .poll(() =>
        conceptRow(panel, 'area:mediation')
          .getByLabel(/^Italian for/)
          .inputValue(),
      )
      .toBe('mediazione');
    expect(await conceptRow(panel, 'area:mediation').getByRole('button', { name: 'Save' }).count()).toBe(1);
  });
});

describe('a viewer', () => {
  it('reads the city’s labels but cannot edit, and is told why', async () => {
    const { panel } = await connect(await server.member(bariId, 'Vera', 'viewer'));
    await panel.getByRole('tab', { name: 'Translate' }).click();
    await panel.getByRole('button', { name: 'Glossary' }).click();
    await panel.getByRole('heading', { name: 'City glossary' }).waitFor();
    await expect
      .poll(() => conceptRow(panel, 'area:welcoming_newcomers').locator('.glossary-local-read').textContent())
      .toContain('accoglienza dei nuovi arrivati');
    expect(
      await panel.getByText('editing it is for coordinators and contributors (your role is viewer)').count(),
    ).toBe(1);
    expect(await panel.locator('[data-testid="glossary-view"] input[type="text"]').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Add a term' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await panel.screenshot({ path: `${shots}/glossary-viewer.png` });
  });
});

describe('the glossary in French', () => {
  it('speaks French', async () => {
    const { panel } = await connect(await server.member(bariId, 'Chiara', 'contributor'), 'fr');
    await panel.getByRole('tab', { name: 'Traduire' }).click();
    await expect
      .poll(() => panel.locator('[data-testid="translate-usage"]').textContent())
      .toMatch(/^Utilisés aujourd’hui : 0 caractères sur /);
    await panel.getByRole('button', { name: 'Glossaire' }).click();
    await panel.getByRole('heading', { name: 'Glossaire de la ville' }).waitFor();
    const row = conceptRow(panel, 'area:welcoming_newcomers');
    await expect
      .poll(() => row.getByLabel(/^En italien pour/).inputValue())
      .toBe('accoglienza dei nuovi arrivati');
    await panel.screenshot({ path: `${shots}/glossary-fr.png` });
    await panel.getByRole('button', { name: 'Ajouter un terme' }).click();
    await panel.getByRole('button', { name: 'Enregistrer le terme' }).click();
    await panel.getByText('Donnez au terme un libellé dans au moins une langue.').waitFor();
    await panel.locator('[data-testid="glossary-own"]').screenshot({ path: `${shots}/glossary-fr-form.png` });
  });
});
