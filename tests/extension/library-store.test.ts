import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, useLibraryDatabase } from '../../extension/store/db.ts';
import { clearDraft, loadDraft, saveDraft } from '../../extension/store/drafts.ts';
import { addHighlight, deleteHighlight, listHighlights } from '../../extension/store/highlights.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import {
  createPractice,
  deletePractice,
  findPracticeByUrl,
  getPractice,
  listPractices,
  listTags,
  type NewPractice,
  updatePractice,
} from '../../extension/store/practices.ts';
import { uuidv7 } from '../../shared/ids.ts';

const page = (over: Partial<NewPractice> = {}): NewPractice => ({
  url: 'https://www.comune.bari.it/welcome-desk?utm_source=mail',
  canonicalUrl: 'https://comune.bari.it/servizi/welcome-desk',
  title: 'Sportello di accoglienza multilingue',
  excerpt: 'Un servizio per i nuovi arrivati.',
  siteName: 'Comune di Bari',
  byline: null,
  publishedTime: '2026-03-01',
  lang: 'it',
  dir: 'ltr',
  image: null,
  contentMarkdown: 'Testo',
  extraction: 'full',
  areas: ['welcoming_newcomers'],
  tags: ['accoglienza', 'Accoglienza ', 'lingue'],
  note: 'Ask for their annual report',
  ...over,
});

const quote = (exact: string) => ({
  pageUrl: 'https://comune.bari.it/servizi/welcome-desk',
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: 'Il ', suffix: ' è aperto' },
  position: { type: 'TextPositionSelector' as const, start: 3, end: 3 + exact.length },
});

beforeEach(async () => {
  await useLibraryDatabase(`test-${uuidv7()}`);
});

describe('local library', () => {
  it('saves a practice with de-duplicated tags and finds it by page or canonical address', async () => {
    const saved = await createPractice(page());
    expect(saved.tags).toEqual(['accoglienza', 'lingue']);
    expect(saved.version).toBe(0);
    expect((await findPracticeByUrl('http://comune.bari.it/welcome-desk'))?.id).toBe(saved.id);
    expect((await findPracticeByUrl('https://comune.bari.it/servizi/welcome-desk/#top'))?.id).toBe(saved.id);
    expect(await findPracticeByUrl('https://comune.bari.it/other')).toBeUndefined();
  });

  it('refuses an invalid practice and writes nothing', async () => {
    await expect(createPractice(page({ areas: ['no_such_area'] }))).rejects.toThrow(/Index area/);
    expect(await listPractices()).toEqual([]);
    expect(await pendingChanges()).toEqual([]);
  });

  it('queues every change in the outbox as a push mutation: changed fields, set elements, ordered clocks', async () => {
    const saved = await createPractice(page());
    await updatePractice(saved.id, { note: 'Visited in March', areas: ['language'], title: saved.title });
    const [created, edited] = (await pendingChanges()).map((e) => e.mutation);
    expect(created).toMatchObject({ op: 'put', kind: 'practice', objectId: saved.id, baseVersion: 0 });
    expect(created?.fields?.title).toBe('Sportello di accoglienza multilingue');
    expect(created?.add).toEqual({ areas: ['welcoming_newcomers'], tags: ['accoglienza', 'lingue'] });
    expect(edited?.fields).toEqual({ note: 'Visited in March' });
    expect(edited?.add).toEqual({ areas: ['language'] });
    expect(edited?.remove).toEqual({ areas: ['welcoming_newcomers'] });
    expect(edited!.hlc > created!.hlc).toBe(true);
    expect((await getPractice(saved.id))?.note).toBe('Visited in March');
  });

  it('keeps a practice in the city unless the member shares it with the network, and syncs the choice', async () => {
    const kept = await createPractice(page());
    expect(kept.visibility).toBe('city');
    const shared = await createPractice({
      ...page(),
      url: 'https://example.org/shared',
      visibility: 'network',
    });
    expect(shared.visibility).toBe('network');
    await updatePractice(kept.id, { visibility: 'network' });
    const [, createdShared, edited] = (await pendingChanges()).map((e) => e.mutation);
    expect(createdShared?.fields?.visibility).toBe('network');
    expect(edited?.fields).toEqual({ visibility: 'network' });
    expect((await getPractice(kept.id))?.visibility).toBe('network');
  });

  it('queues nothing for an edit that changes nothing', async () => {
    const saved = await createPractice(page());
    await updatePractice(saved.id, { note: saved.note, tags: [...saved.tags] });
    expect(await pendingChanges()).toHaveLength(1);
  });

  it('deletes as a tombstone: gone from lists and lookups, highlights too, and queued for sync', async () => {
    const saved = await createPractice(page());
    await addHighlight(saved.id, quote('sportello'));
    await deletePractice(saved.id);
    expect(await getPractice(saved.id)).toBeUndefined();
    expect(await findPracticeByUrl(saved.url)).toBeUndefined();
    expect(await listHighlights(saved.id)).toEqual([]);
    const raw = await (await openLibrary()).get('practices', saved.id);
    expect(raw?.deletedAt).not.toBeNull();
    expect(
      (await pendingChanges()).filter((e) => e.mutation.op === 'delete').map((e) => e.mutation.kind),
    ).toEqual(['practice', 'highlight']);
  });

  it('keeps several highlights per practice, once each', async () => {
    const saved = await createPractice(page());
    const a = await addHighlight(saved.id, quote('sportello'));
    const again = await addHighlight(saved.id, quote('sportello'));
    await addHighlight(saved.id, quote('servizio gratuito'));
    expect(again.id).toBe(a.id);
    expect((await listHighlights(saved.id)).map((h) => h.quote.exact)).toEqual([
      'sportello',
      'servizio gratuito',
    ]);
    await deleteHighlight(a.id);
    expect((await listHighlights(saved.id)).map((h) => h.quote.exact)).toEqual(['servizio gratuito']);
  });

  it('refuses a highlight for a practice that does not exist', async () => {
    await expect(addHighlight(uuidv7(), quote('x'))).rejects.toThrow(/not found/);
  });

  it('lists practices most recently changed first and tags most used first', async () => {
    const first = await createPractice(page(), new Date('2026-01-01T00:00:00Z'));
    await createPractice(
      page({ url: 'https://city.example/b', canonicalUrl: null, tags: ['lingue'] }),
      new Date('2026-02-01T00:00:00Z'),
    );
    await updatePractice(first.id, { title: 'Renamed' }, new Date('2026-03-01T00:00:00Z'));
    expect((await listPractices()).map((p) => p.title)).toEqual([
      'Renamed',
      'Sportello di accoglienza multilingue',
    ]);
    expect(await listTags()).toEqual(['lingue', 'accoglienza']);
  });

  it('keeps a draft until it is cleared', async () => {
    await saveDraft('clip:city.example/a', { note: 'half-written' });
    expect(await loadDraft('clip:city.example/a')).toEqual({ note: 'half-written' });
    await clearDraft('clip:city.example/a');
    expect(await loadDraft('clip:city.example/a')).toBeUndefined();
  });
});
