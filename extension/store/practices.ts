// Practices in the local library: create, edit, delete (as a tombstone), look up by page address.
// Every write validates against the shared schema and queues an outbox entry in the same transaction.
// Lists read practices without their page texts (kept apart, db.ts); one practice is read with its text.
import { uniqueTags } from '../../shared/schemas/common.ts';
import {
  type PageMetadata,
  type Practice,
  type PracticeEdit,
  practiceEditSchema,
  practiceSchema,
} from '../../shared/schemas/practice.ts';
import { urlKeys } from '../../shared/url.ts';
import { wellFormedDeep } from '../../shared/well-formed.ts';
import { openLibrary, type PracticeText, type StoredPractice, storedPractice } from './db.ts';
import { announceLibraryChange } from './library-events.ts';
import { creationMutation, deletionMutation, updateMutation } from './mutations.ts';
import { newEnvelope } from './new-envelope.ts';
import { enqueue } from './outbox.ts';
import { type PagedCopy, type PagedPractice, pagedCopies, spreadPulledPages } from './pulled-pages.ts';
import { type ListedPractice, newerFirst } from './pulled-practices.ts';

export interface NewPractice extends PageMetadata {
  contentMarkdown: string;
  extraction: Practice['extraction'];
  areas: string[];
  tags: string[];
  note: string;
  stakeholderIds?: string[];
  visibility?: Practice['visibility'];
}

/**
 * A practice as the library lists it: everything but its page text, which lists never read (a city library of
 * thousands lists in a fraction of the bytes); `practiceText(id)` reads it.
 */
export type { ListedPractice };

/** A practice with its page text; `contentPending` when the text has not arrived yet (it is then empty). */
export type PracticeWithText = Practice & { contentPending?: true };

function toStored({ contentMarkdown: _text, ...practice }: Practice): StoredPractice {
  return storedPractice(practice);
}

/** A practice as stored, or as a first sync's page still holds it (without URL keys: pulled-pages.ts). */
type KeptPractice = PagedPractice & { urlKeys?: string[] };

function listed({ urlKeys: _keys, ...practice }: KeptPractice): ListedPractice {
  return { ...practice, contentMarkdown: '' };
}

function withText(stored: KeptPractice, text: PracticeText | undefined): PracticeWithText {
  const { urlKeys: _keys, ...practice } = stored;
  if (typeof text?.contentMarkdown === 'string')
    return { ...practice, contentMarkdown: text.contentMarkdown };
  return { ...practice, contentMarkdown: '', contentPending: true };
}

export async function createPractice(input: NewPractice, now = new Date()): Promise<Practice> {
  const practice = practiceSchema.parse({
    ...input,
    tags: uniqueTags(input.tags),
    areas: [...new Set(input.areas)],
    stakeholderIds: input.stakeholderIds ?? [],
    visibility: input.visibility ?? 'city',
    ...newEnvelope(now),
    clippedAt: now.toISOString(),
  });

  const db = await openLibrary();
  const tx = db.transaction(['practices', 'practiceTexts', 'outbox', 'meta'], 'readwrite');
  await tx.objectStore('practices').add(toStored(practice));
  await tx.objectStore('practiceTexts').put({ id: practice.id, contentMarkdown: practice.contentMarkdown });
  await enqueue(tx, (hlc) => creationMutation('practice', practice, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'practice', ids: [practice.id] });
  return practice;
}

export async function updatePractice(
  id: string,
  edit: PracticeEdit,
  now = new Date(),
): Promise<PracticeWithText> {
  const changes = practiceEditSchema.parse(edit);
  if (changes.tags) changes.tags = uniqueTags(changes.tags);
  if (changes.areas) changes.areas = [...new Set(changes.areas)];
  await spreadPulledPages();
  const db = await openLibrary();
  const tx = db.transaction(['practices', 'practiceTexts', 'outbox', 'meta'], 'readwrite');
  const stored = await tx.objectStore('practices').get(id);
  if (!stored || stored.deletedAt) throw new Error(`practice ${id} not found`);
  // The text is not editable: before and after carry the same one (empty while it has not arrived), so the
  // mutation never carries it — an edit made before the text arrived cannot wipe it on the server.
  const before = withText(stored, await tx.objectStore('practiceTexts').get(id));
  const { contentPending, ...current } = before;
  // A copy stored before the extractor repaired lone surrogates may hold one, which the schema now refuses:
  // repaired to U+FFFD here, so it can still be edited (and the repair syncs with the edit).
  const updated = practiceSchema.parse(
    wellFormedDeep({ ...current, ...changes, updatedAt: now.toISOString() }),
  );
  await tx.objectStore('practices').put(toStored(updated));
  await enqueue(tx, (hlc) => updateMutation('practice', current, updated, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'practice', ids: [id] });
  return contentPending ? { ...updated, contentPending } : updated;
}

/** Deletes a practice and its highlights as tombstones, so the deletion reaches every copy through sync. */
export async function deletePractice(id: string, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await spreadPulledPages();
  const db = await openLibrary();
  const tx = db.transaction(['practices', 'practiceTexts', 'highlights', 'outbox', 'meta'], 'readwrite');
  const stored = await tx.objectStore('practices').get(id);
  if (!stored || stored.deletedAt) return;
  await tx.objectStore('practices').put({ ...stored, deletedAt: at, updatedAt: at });
  await tx.objectStore('practiceTexts').put({ id, contentMarkdown: null });
  await enqueue(tx, (hlc) => deletionMutation('practice', stored, hlc), now.getTime());
  const highlights = await tx.objectStore('highlights').index('byPractice').getAll(id);
  for (const h of highlights.filter((h) => !h.deletedAt)) {
    await tx.objectStore('highlights').put({ ...h, deletedAt: at, updatedAt: at });
    await enqueue(tx, (hlc) => deletionMutation('highlight', h, hlc), now.getTime());
  }
  await tx.done;
  announceLibraryChange({ kind: 'practice', ids: [id] });
}

/** The current copy of a practice: a first sync's page's if one holds it, else the store's. */
function currentCopy(
  stored: StoredPractice | undefined,
  paged: PagedCopy | undefined,
): KeptPractice | undefined {
  if (!paged) return stored;
  return 'live' in paged ? paged.live : undefined;
}

/** A live practice with its page text (or `contentPending` while it has not arrived). */
export async function getPractice(id: string): Promise<PracticeWithText | undefined> {
  const tx = (await openLibrary()).transaction(['practices', 'practiceTexts', 'pulledPages']);
  const [stored, text, copies] = await Promise.all([
    tx.objectStore('practices').get(id),
    tx.objectStore('practiceTexts').get(id),
    pagedCopies(tx),
  ]);
  const current = currentCopy(stored, copies?.get(id));
  return current && !current.deletedAt ? withText(current, text) : undefined;
}

/** A practice's page text; undefined while it has not arrived (or if there is no such practice). */
export async function practiceText(id: string): Promise<string | undefined> {
  return (await (await openLibrary()).get('practiceTexts', id))?.contentMarkdown ?? undefined;
}

/** Every page text that has arrived, by practice id (offline search reads them; lists do not). */
export async function practiceTexts(): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const { id, contentMarkdown } of await (await openLibrary()).getAll('practiceTexts')) {
    if (contentMarkdown) texts.set(id, contentMarkdown);
  }
  return texts;
}

/** The live practice clipped from any of these addresses (page URL, canonical URL), if there is one. */
export async function findPracticeByUrl(
  ...urls: (string | null | undefined)[]
): Promise<Practice | undefined> {
  // A first sync's pages are spread first: looked up by address, a page would have to normalise the address
  // of every practice it holds, at each lookup (the toolbar mark looks up every open tab after a sync).
  await spreadPulledPages();
  const db = await openLibrary();
  for (const key of urlKeys(...urls)) {
    const matches = await db.getAllFromIndex('practices', 'byUrlKey', key);
    const live = matches.find((p) => !p.deletedAt);
    if (live) return withText(live, await db.get('practiceTexts', live.id));
  }
  return undefined;
}

/**
 * Live practices without their page texts, in newerFirst's order (the order mergePulled keeps): most recently
 * changed first, ties the larger id first. Sorted here rather than read through an index: every practice is
 * read anyway, and an index would cost every write (db.ts, version 5).
 */
export async function listPractices(): Promise<ListedPractice[]> {
  const tx = (await openLibrary()).transaction(['practices', 'pulledPages']);
  const [stored, copies] = await Promise.all([tx.objectStore('practices').getAll(), pagedCopies(tx)]);
  let all: KeptPractice[] = stored;
  if (copies) {
    const byId = new Map<string, KeptPractice>(stored.map((p) => [p.id, p]));
    for (const [id, copy] of copies) {
      if ('live' in copy) byId.set(id, copy.live);
      else byId.delete(id);
    }
    all = [...byId.values()];
  }
  return all
    .filter((p) => !p.deletedAt)
    .sort(newerFirst)
    .map(listed);
}

/** Every tag used in the library, most used first: the autocomplete list. */
export async function listTags(): Promise<string[]> {
  return tagsOf(await listPractices());
}

/** The tags of these practices, most used first, each once whatever its case. */
export function tagsOf(practices: readonly Pick<Practice, 'tags'>[]): string[] {
  const counts = new Map<string, { tag: string; n: number }>();
  for (const p of practices) {
    for (const tag of p.tags) {
      const key = tag.toLocaleLowerCase();
      const entry = counts.get(key) ?? { tag, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.tag.localeCompare(b.tag)).map((e) => e.tag);
}
