// Drafts of the clip form, saved as the member types, so closing the popup (a click outside closes it)
// never loses a note. Cleared once the practice is saved.
import { type Draft, openLibrary } from './db.ts';

export async function saveDraft(
  key: string,
  values: Record<string, unknown>,
  now = new Date(),
): Promise<void> {
  await (await openLibrary()).put('drafts', { key, values, savedAt: now.toISOString() } satisfies Draft);
}

export async function loadDraft(key: string): Promise<Record<string, unknown> | undefined> {
  return (await (await openLibrary()).get('drafts', key))?.values;
}

export async function clearDraft(key: string): Promise<void> {
  await (await openLibrary()).delete('drafts', key);
}
