import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveSummary } from '../../extension/features/translate-summary.ts';
import { useLibraryDatabase } from '../../extension/store/db.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import { createPractice, getPractice } from '../../extension/store/practices.ts';
import {
  createSnippet,
  deleteSnippet,
  getSnippet,
  listSnippets,
  listSnippetsOfPractice,
  type SnippetFields,
  translationMemory,
  updateSnippet,
  withTranslation,
} from '../../extension/store/snippets.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Translation } from '../../shared/schemas/snippet.ts';
import { newPractice } from '../support/new-practice.ts';

const reviewed = (lang: string, text: string): Translation => ({
  lang,
  text,
  engine: 'libretranslate',
  status: 'reviewed',
  reviewedBy: 'Ana',
  reviewedAt: '2026-11-03T10:00:00.000Z',
});

const snippet = (over: Partial<SnippetFields> = {}): SnippetFields => ({
  sourceText: 'Lo sportello di accoglienza è aperto a tutti i nuovi arrivati.',
  sourceLang: 'it',
  translations: [reviewed('en', 'The welcome desk is open to all newcomers.')],
  sourceUrl: 'https://comune.bari.it/servizi/welcome-desk',
  practiceId: null,
  ...over,
});

beforeEach(async () => {
  await useLibraryDatabase(`test-${uuidv7()}`);
});

describe('snippet store', () => {
  it('saves a snippet with its creation queued for sync in the same write', async () => {
    const saved = await createSnippet(snippet());
    expect(await getSnippet(saved.id)).toEqual(saved);
    const queued = await pendingChanges();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.mutation).toMatchObject({
      kind: 'snippet',
      objectId: saved.id,
      op: 'put',
      baseVersion: 0,
    });
    expect(queued[0]!.mutation.fields?.translations).toEqual(saved.translations);
  });

  it('refuses an invalid snippet and queues nothing', async () => {
    await expect(createSnippet(snippet({ sourceText: '' }))).rejects.toThrow();
    await expect(createSnippet(snippet({ sourceLang: 'Italian' }))).rejects.toThrow(/language code/);
    expect(await listSnippets()).toEqual([]);
    expect(await pendingChanges()).toEqual([]);
  });

  it('queues only the changed translations on update, and replaces a language rather than adding it twice', async () => {
    const saved = await createSnippet(snippet());
    const french = reviewed('fr', 'Le guichet d’accueil est ouvert à tous les nouveaux arrivants.');
    const once = await updateSnippet(saved.id, { translations: withTranslation(saved.translations, french) });
    const fixed = {
      ...french,
      text: 'Le guichet d’accueil est ouvert à toutes les personnes nouvellement arrivées.',
    };
    const twice = await updateSnippet(saved.id, { translations: withTranslation(once.translations, fixed) });
    expect(twice.translations.map((t) => t.lang)).toEqual(['en', 'fr']);
    expect(twice.translations[1]!.text).toBe(fixed.text);
    const queued = await pendingChanges();
    expect(queued).toHaveLength(3);
    expect(Object.keys(queued[2]!.mutation.fields ?? {})).toEqual(['translations']);
  });

  it('lists recent first, by practice, and deletes as a tombstone that syncs', async () => {
    const practiceId = uuidv7();
    const first = await createSnippet(snippet({ practiceId }), new Date('2026-11-01T10:00:00Z'));
    const second = await createSnippet(
      snippet({ sourceText: 'Mediatori culturali' }),
      new Date('2026-11-02T10:00:00Z'),
    );
    const third = await createSnippet(
      snippet({ practiceId, sourceText: 'Consulta' }),
      new Date('2026-11-03T10:00:00Z'),
    );
    expect((await listSnippets()).map((s) => s.id)).toEqual([third.id, second.id, first.id]);
    expect((await listSnippetsOfPractice(practiceId)).map((s) => s.id)).toEqual([third.id, first.id]);
    await deleteSnippet(third.id);
    expect(await getSnippet(third.id)).toBeUndefined();
    expect((await listSnippetsOfPractice(practiceId)).map((s) => s.id)).toEqual([first.id]);
    expect((await pendingChanges()).at(-1)!.mutation).toMatchObject({ objectId: third.id, op: 'delete' });
  });

  it('offers only snippets with a reviewed translation as memory', async () => {
    const kept = await createSnippet(snippet());
    await createSnippet(
      snippet({
        translations: [{ ...reviewed('en', 'Raw'), status: 'machine', reviewedBy: null, reviewedAt: null }],
      }),
    );
    expect((await translationMemory()).map((s) => s.id)).toEqual([kept.id]);
  });
});

describe('practice summaries in other languages', () => {
  it('start empty and are saved through the practice update, queued for sync as one whole field', async () => {
    const practice = await createPractice(
      newPractice({
        url: 'https://comune.bari.it/welcome-desk',
        title: 'Sportello di accoglienza',
        excerpt: 'Un servizio per i nuovi arrivati.',
        lang: 'it',
      }),
    );
    expect(practice.summaries).toEqual([]);
    await saveSummary(practice.id, reviewed('en', 'A service for newcomers.'));
    await saveSummary(practice.id, reviewed('fr', 'Un service pour les nouveaux arrivants.'));
    await saveSummary(practice.id, reviewed('en', 'A desk for newcomers.'));
    const stored = await getPractice(practice.id);
    expect(stored!.summaries.map((s) => [s.lang, s.text])).toEqual([
      ['en', 'A desk for newcomers.'],
      ['fr', 'Un service pour les nouveaux arrivants.'],
    ]);
    const last = (await pendingChanges()).at(-1)!.mutation;
    expect(last).toMatchObject({ kind: 'practice', objectId: practice.id });
    expect(Object.keys(last.fields ?? {})).toEqual(['summaries']);
    expect(last.fields!.summaries).toEqual(stored!.summaries);
  });
});
