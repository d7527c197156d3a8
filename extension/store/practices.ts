// Practices in the local library: create, edit, delete (as a tombstone), look up by page address.
// Every write validates against the shared schema and queues an outbox entry in the same transaction.
import { uniqueTags } from '../../shared/schemas/common.ts';
import {
  type PageMetadata,
  type Practice,
  type PracticeEdit,
  practiceEditSchema,
  practiceSchema,
} from '../../shared/schemas/practice.ts';
import { urlKeys } from '../../shared/url.ts';
import { type LibraryDb, openLibrary, type StoredPractice } from './db.ts';
import { announceLibraryChange } from './library-events.ts';
import { creationMutation, deletionMutation, updateMutation } from './mutations.ts';
import { newEnvelope } from './new-envelope.ts';
import { enqueue } from './outbox.ts';

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
 * A practice as the library lists it: `contentPending` when its page text has not arrived yet (a first sync
 * lists the library before fetching the texts); its `contentMarkdown` is then empty, not the real text.
 */
export type ListedPractice = Practice & { contentPending?: true };

function toStored(practice: Practice, contentPending?: true): StoredPractice {
  const stored: StoredPractice = { ...practice, urlKeys: urlKeys(practice.url, practice.canonicalUrl) };
  if (contentPending) stored.contentPending = true;
  return stored;
}

function fromStored({ urlKeys: _keys, ...practice }: StoredPractice): ListedPractice {
  return practice;
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
  const tx = db.transaction(['practices', 'outbox', 'meta'], 'readwrite');
  await tx.objectStore('practices').add(toStored(practice));
  await enqueue(tx, (hlc) => creationMutation('practice', practice, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'practice', ids: [practice.id] });
  return practice;
}

export async function updatePractice(id: string, edit: PracticeEdit, now = new Date()): Promise<Practice> {
  const changes = practiceEditSchema.parse(edit);
  if (changes.tags) changes.tags = uniqueTags(changes.tags);
  if (changes.areas) changes.areas = [...new Set(changes.areas)];
  const db = await openLibrary();
  const tx = db.transaction(['practices', 'outbox', 'meta'], 'readwrite');
  const stored = await tx.objectStore('practices').get(id);
  if (!stored || stored.deletedAt) throw new Error(`practice ${id} not found`);
  const before = fromStored(stored);
  const updated = practiceSchema.parse({ ...before, ...changes, updatedAt: now.toISOString() });
  // A text not arrived yet stays awaited: the edit cannot change it, so the mutation never carries it.
  await tx.objectStore('practices').put(toStored(updated, stored.contentPending));
  await enqueue(tx, (hlc) => updateMutation('practice', before, updated, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'practice', ids: [id] });
  return updated;
}

/** Deletes a practice and its highlights as tombstones, so the deletion reaches every copy through sync. */
export async function deletePractice(id: string, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const db = await openLibrary();
  const tx = db.transaction(['practices', 'highlights', 'outbox', 'meta'], 'readwrite');
  const stored = await tx.objectStore('practices').get(id);
  if (!stored || stored.deletedAt) return;
  await tx.objectStore('practices').put({ ...stored, deletedAt: at, updatedAt: at });
  await enqueue(tx, (hlc) => deletionMutation('practice', stored, hlc), now.getTime());
  const highlights = await tx.objectStore('highlights').index('byPractice').getAll(id);
  for (const h of highlights.filter((h) => !h.deletedAt)) {
    await tx.objectStore('highlights').put({ ...h, deletedAt: at, updatedAt: at });
    await enqueue(tx, (hlc) => deletionMutation('highlight', h, hlc), now.getTime());
  }
  await tx.done;
  announceLibraryChange({ kind: 'practice', ids: [id] });
}

export async function getPractice(id: string): Promise<ListedPractice | undefined> {
  const stored = await (await openLibrary()).get('practices', id);
  return stored && !stored.deletedAt ? fromStored(stored) : undefined;
}

/** The live practice clipped from any of these addresses (page URL, canonical URL), if there is one. */
export async function findPracticeByUrl(
  ...urls: (string | null | undefined)[]
): Promise<Practice | undefined> {
  const db: LibraryDb = await openLibrary();
  for (const key of urlKeys(...urls)) {
    const matches = await db.getAllFromIndex('practices', 'byUrlKey', key);
    const live = matches.find((p) => !p.deletedAt);
    if (live) return fromStored(live);
  }
  return undefined;
}

/** Live practices, most recently changed first. */
export async function listPractices(): Promise<ListedPractice[]> {
  const all = await (await openLibrary()).getAllFromIndex('practices', 'byUpdatedAt');
  return all
    .filter((p) => !p.deletedAt)
    .reverse()
    .map(fromStored);
}

/** Every tag used in the library, most used first: the autocomplete list. */
export async function listTags(): Promise<string[]> {
  return tagsOf(await listPractices());
}

/** The tags of these practices, most used first, each once whatever its case. */
export function tagsOf(practices: readonly Practice[]): string[] {
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
