// The Glossary view's logic against the real server app (fetch routed to Hono, a fresh libSQL file): the
// city's Italian label for a built-in ICC concept created, replaced and cleared through the background's
// 'glossary-put' / 'glossary-delete' requests; the city's own terms; the hints of an EN → IT translation
// using the stored label; a viewer refused in words; problems named by field before the server is asked.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localLabelChange, ownTermChange, ownTermForm } from '../../extension/features/glossary-edit.ts';
import { glossaryFailureText, glossaryProblemText } from '../../extension/features/glossary-failure-text.ts';
import {
  filterGlossaryRows,
  glossaryRows,
  withStoredChange,
} from '../../extension/features/glossary-rows.ts';
import { routeRequest } from '../../extension/features/message-router.ts';
import { useLibraryDatabase } from '../../extension/store/db.ts';
import { type Connection, saveConnection } from '../../extension/sync/connection.ts';
import { createApp } from '../../server/app.ts';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import type { GlossaryTerm } from '../../shared/api/glossary.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { findGlossaryMatches, iccGlossary, mergeGlossary } from '../../shared/translate/glossary.ts';
import { freshFileDb } from '../server/support/fresh-db.ts';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en: Catalogue = JSON.parse(readFileSync('extension/public/_locales/en/messages.json', 'utf8'));

function speakEnglish() {
  fakeBrowser.i18n.getUILanguage = () => 'en-GB';
  // Chrome's getMessage: named placeholders resolved through their $n content.
  fakeBrowser.i18n.getMessage = ((key: string, subs: string[] = []) => {
    const entry = en[key];
    if (!entry) return '';
    return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  }) as typeof fakeBrowser.i18n.getMessage;
}
beforeAll(speakEnglish);

const server = 'http://library.test';
let up = true;

async function world(role: 'coordinator' | 'contributor' | 'viewer' = 'coordinator') {
  const { db } = await freshFileDb();
  const app = createApp({ db, rateLimit: false, log: () => {} });
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    if (!up) throw new TypeError('fetch failed');
    return app.fetch(new Request(input, init));
  });
  const now = Date.now();
  const city = await createCity(db, { name: 'Bari', country: 'IT', lang: 'it' }, now);
  const m = await addMember(db, city.id, { name: 'Carla', role }, now);
  const { secret } = await issueToken(db, { cityId: city.id, memberId: m.id }, now);
  const connection: Connection = {
    server,
    token: secret,
    memberId: m.id,
    memberName: 'Carla',
    role,
    cityId: city.id,
    cityName: city.name,
    cityCountry: city.country,
    connectedAt: new Date(now).toISOString(),
  };
  await saveConnection(connection);
  return { app, secret };
}

/** A request from the side panel, through the background's router as the extension sends it. */
const fromPanel = (message: unknown) =>
  routeRequest(message, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });

async function cityTerms(): Promise<GlossaryTerm[]> {
  const reply = (await fromPanel({ type: 'city-glossary' })) as { ok: true; value: GlossaryTerm[] };
  expect(reply.ok).toBe(true);
  return reply.value;
}

const rowOf = (terms: GlossaryTerm[], conceptId: string, lang = 'it') =>
  glossaryRows(iccGlossary, terms, lang).concepts.find((r) => r.conceptId === conceptId)!;

beforeEach(async () => {
  up = true;
  fakeBrowser.reset();
  speakEnglish();
  await useLibraryDatabase(`test-${uuidv7()}`);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the city’s label for a built-in ICC concept', () => {
  it('is created, used by the EN → IT hints, replaced keeping other languages, and removed when cleared', async () => {
    await world('coordinator');
    const source = 'The city opened a welcome desk for newcomers.';
    const hintFor = (terms: GlossaryTerm[]) =>
      findGlossaryMatches(source, 'en', 'it', mergeGlossary(iccGlossary, terms)).map((m) => [
        m.conceptId,
        m.targetTerm,
      ]);
    // No Italian label anywhere yet: nothing to hint for an Italian translation.
    expect(hintFor(await cityTerms())).toEqual([]);

    const row = rowOf([], 'area:welcoming_newcomers');
    expect(row).toMatchObject({ group: 'index_area', term: null, local: '' });
    const created = localLabelChange(row, 'it', '  nuovi   arrivati ', 'term-1');
    expect(created).toEqual({
      ok: true,
      request: {
        type: 'glossary-put',
        id: 'term-1',
        conceptId: 'area:welcoming_newcomers',
        labels: { it: 'nuovi arrivati' },
      },
    });
    const stored = (await fromPanel(created.ok && created.request)) as { ok: true; value: GlossaryTerm };
    expect(stored.ok).toBe(true);
    let terms = await cityTerms();
    expect(terms).toEqual([stored.value]);
    expect(withStoredChange([], { stored: stored.value })).toEqual(terms);
    expect(rowOf(terms, 'area:welcoming_newcomers').local).toBe('nuovi arrivati');
    expect(hintFor(terms)).toEqual([['area:welcoming_newcomers', 'nuovi arrivati']]);

    // Another language on the same term (e.g. from an earlier edit) survives a change of the Italian one.
    await fromPanel({
      ...stored.value,
      type: 'glossary-put',
      updatedAt: undefined,
      labels: { it: 'nuovi arrivati', es: 'recién llegados' },
    });
    terms = await cityTerms();
    const replaced = localLabelChange(
      rowOf(terms, 'area:welcoming_newcomers'),
      'it',
      'neoarrivati',
      'unused',
    );
    expect(replaced.ok && replaced.request).toMatchObject({
      id: 'term-1',
      labels: { es: 'recién llegados', it: 'neoarrivati' },
    });
    await fromPanel(replaced.ok && replaced.request);
    terms = await cityTerms();
    expect(terms.map((x) => x.labels)).toEqual([{ es: 'recién llegados', it: 'neoarrivati' }]);

    // Unchanged: nothing to send. Cleared: the Italian label goes, the Spanish stays.
    expect(localLabelChange(rowOf(terms, 'area:welcoming_newcomers'), 'it', ' neoarrivati ', 'x')).toEqual({
      ok: true,
      request: null,
    });
    const cleared = localLabelChange(rowOf(terms, 'area:welcoming_newcomers'), 'it', '', 'x');
    await fromPanel(cleared.ok && cleared.request);
    terms = await cityTerms();
    expect(terms.map((x) => x.labels)).toEqual([{ es: 'recién llegados' }]);
    expect(hintFor(terms)).toEqual([]);

    // The last label cleared: the term itself is deleted.
    const last = localLabelChange(rowOf(terms, 'area:welcoming_newcomers', 'es'), 'es', '', 'x');
    expect(last).toEqual({ ok: true, request: { type: 'glossary-delete', id: 'term-1' } });
    expect(await fromPanel(last.ok && last.request)).toEqual({ ok: true, value: { deleted: 'term-1' } });
    expect(await cityTerms()).toEqual([]);
  });

  it('names the field and keeps the server out of it when a label is too long', () => {
    const change = localLabelChange(rowOf([], 'term:intercultural_city'), 'it', 'x'.repeat(201), 'id');
    expect(change.ok).toBe(false);
    expect(!change.ok && glossaryProblemText(change.problem)).toBe(
      '“Italian label” is too long: at most 200 characters.',
    );
  });
});

describe('the city’s own terms', () => {
  it('are added with EN/FR/IT labels and a note, edited, found by the search, and deleted', async () => {
    await world('contributor');
    const form = {
      en: 'youth council',
      fr: 'conseil des jeunes',
      local: 'consulta giovanile',
      note: 'Since 2019',
    };
    const added = ownTermChange(form, 'it', null, 'own-1');
    expect(added).toEqual({
      ok: true,
      request: {
        type: 'glossary-put',
        id: 'own-1',
        conceptId: null,
        labels: { en: 'youth council', fr: 'conseil des jeunes', it: 'consulta giovanile' },
        note: 'Since 2019',
      },
    });
    await fromPanel(added.ok && added.request);
    let terms = await cityTerms();
    const rows = glossaryRows(iccGlossary, terms, 'it');
    expect(rows.own.map((x) => x.id)).toEqual(['own-1']);
    // Search-as-you-type: accent- and case-insensitive, over every language and the note.
    expect(filterGlossaryRows(rows, 'CONSULTA').own).toHaveLength(1);
    expect(filterGlossaryRows(rows, 'consulta').concepts).toEqual([]);
    expect(filterGlossaryRows(rows, 'médiation interculturelle').concepts.map((r) => r.conceptId)).toEqual([
      'term:intercultural_mediation',
    ]);
    expect(filterGlossaryRows(rows, 'mediation').own).toEqual([]);

    // The hint of an EN → IT translation uses it as the city's own concept.
    const glossary = mergeGlossary(iccGlossary, terms);
    expect(
      findGlossaryMatches('Our youth council met.', 'en', 'it', glossary).map((m) => m.targetTerm),
    ).toEqual(['consulta giovanile']);

    const edited = ownTermChange({ ...ownTermForm(terms[0]!, 'it'), fr: '' }, 'it', terms[0]!, 'unused');
    await fromPanel(edited.ok && edited.request);
    terms = await cityTerms();
    expect(terms).toMatchObject([{ id: 'own-1', labels: { en: 'youth council', it: 'consulta giovanile' } }]);
    expect(terms[0]!.labels).not.toHaveProperty('fr');

    expect(await fromPanel({ type: 'glossary-delete', id: 'own-1' })).toEqual({
      ok: true,
      value: { deleted: 'own-1' },
    });
    // Deleted meanwhile: said in words.
    const gone = (await fromPanel({ type: 'glossary-delete', id: 'own-1' })) as { ok: false; failure: never };
    expect(glossaryFailureText(gone.failure)).toContain('was deleted meanwhile');
  });

  it('needs a label: the form says so before asking the server', () => {
    const change = ownTermChange({ en: ' ', fr: '', local: '', note: 'x' }, 'it', null, 'id');
    expect(!change.ok && glossaryProblemText(change.problem)).toBe(
      'Give the term a label in at least one language.',
    );
  });

  it('a server validation error names the field in words', async () => {
    await world('coordinator');
    const reply = (await fromPanel({
      type: 'glossary-put',
      id: 'x',
      conceptId: null,
      labels: { it: ' ' },
    })) as {
      ok: false;
      failure: never;
    };
    expect(reply.ok).toBe(false);
    expect(glossaryFailureText(reply.failure)).toBe(
      '“Italian label” was refused by the server: must not be empty',
    );
  });
});

describe('failures in words', () => {
  it('a viewer is told the role does not allow it, and nothing is stored', async () => {
    await world('viewer');
    const change = localLabelChange(rowOf([], 'area:mediation'), 'it', 'mediazione', 'v1');
    const reply = (await fromPanel(change.ok && change.request)) as { ok: false; failure: never };
    expect(reply.ok).toBe(false);
    expect(glossaryFailureText(reply.failure)).toContain('only coordinators and contributors');
    expect(await cityTerms()).toEqual([]);
  });

  it('offline and not connected are said as such', async () => {
    await world('coordinator');
    up = false;
    const offline = (await fromPanel({ type: 'glossary-delete', id: 'x' })) as { ok: false; failure: never };
    expect(glossaryFailureText(offline.failure)).toContain('cannot be reached');
    fakeBrowser.reset();
    await useLibraryDatabase(`test-${uuidv7()}`);
    const unconnected = (await fromPanel({ type: 'glossary-delete', id: 'x' })) as {
      ok: false;
      failure: never;
    };
    expect(glossaryFailureText(unconnected.failure)).toContain('connect first');
  });
});
