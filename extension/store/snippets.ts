// Snippets in the local library: a source text and its translations (engine or person, machine or reviewed).
// Every write validates and queues its outbox entry in the same transaction (like practices and contacts), so
// a saved translation always reaches the city library. Reviewed translations are the translation memory.
import { type Snippet, snippetSchema, type Translation } from '../../shared/schemas/snippet.ts';
import { wellFormedDeep } from '../../shared/well-formed.ts';
import { openLibrary } from './db.ts';
import { tombstoneOf } from './kind-stores.ts';
import { announceLibraryChange } from './library-events.ts';
import { creationMutation, deletionMutation, updateMutation } from './mutations.ts';
import { newEnvelope } from './new-envelope.ts';
import { enqueue } from './outbox.ts';

export type SnippetFields = Omit<Snippet, keyof ReturnType<typeof newEnvelope>>;

export async function createSnippet(input: SnippetFields, now = new Date()): Promise<Snippet> {
  const snippet = snippetSchema.parse({ ...input, ...newEnvelope(now) });
  const tx = (await openLibrary()).transaction(['snippets', 'outbox', 'meta'], 'readwrite');
  await tx.objectStore('snippets').add(snippet);
  await enqueue(tx, (hlc) => creationMutation('snippet', snippet, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'snippet', ids: [snippet.id] });
  return snippet;
}

export async function updateSnippet(
  id: string,
  changes: Partial<SnippetFields>,
  now = new Date(),
): Promise<Snippet> {
  const tx = (await openLibrary()).transaction(['snippets', 'outbox', 'meta'], 'readwrite');
  const before = await tx.objectStore('snippets').get(id);
  if (!before || before.deletedAt) throw new Error(`snippet ${id} not found`);
  // Lone surrogates a copy stored before they were repaired may hold become U+FFFD (store/practices.ts).
  const after = snippetSchema.parse(wellFormedDeep({ ...before, ...changes, updatedAt: now.toISOString() }));
  await tx.objectStore('snippets').put(after);
  await enqueue(tx, (hlc) => updateMutation('snippet', before, after, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'snippet', ids: [id] });
  return after;
}

/** Adds a translation to a snippet, replacing the one of the same language. */
export function withTranslation(translations: readonly Translation[], next: Translation): Translation[] {
  return [...translations.filter((t) => t.lang !== next.lang), next];
}

export async function deleteSnippet(id: string, now = new Date()): Promise<void> {
  const tx = (await openLibrary()).transaction(['snippets', 'outbox', 'meta'], 'readwrite');
  const stored = await tx.objectStore('snippets').get(id);
  if (!stored || stored.deletedAt) return;
  await tx.objectStore('snippets').put(tombstoneOf(stored, now.toISOString(), stored.version) as never);
  await enqueue(tx, (hlc) => deletionMutation('snippet', stored, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'snippet', ids: [id] });
}

export async function getSnippet(id: string): Promise<Snippet | undefined> {
  const stored = await (await openLibrary()).get('snippets', id);
  return stored && !stored.deletedAt ? stored : undefined;
}

/** Live snippets, most recently changed first. */
export async function listSnippets(): Promise<Snippet[]> {
  const all = await (await openLibrary()).getAllFromIndex('snippets', 'byUpdatedAt');
  return all.filter((s) => !s.deletedAt).reverse();
}

/** Live snippets of one practice, most recently changed first. */
export async function listSnippetsOfPractice(practiceId: string): Promise<Snippet[]> {
  const all = await (await openLibrary()).getAllFromIndex('snippets', 'byPractice', practiceId);
  return all.filter((s) => !s.deletedAt).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Snippets with at least one reviewed translation: the city's translation memory, as this browser has it. */
export async function translationMemory(): Promise<Snippet[]> {
  return (await listSnippets()).filter((s) => s.translations.some((t) => t.status === 'reviewed'));
}
