// Stakeholders (contacts) in the local library: personal data. Every write validates and queues its outbox
// entry in the same transaction; erasing keeps only an envelope (no name, no details) so the erasure itself
// syncs to every member's browser and to the server.
import { type Stakeholder, stakeholderSchema } from '../../shared/schemas/stakeholder.ts';
import { wellFormedDeep } from '../../shared/well-formed.ts';
import { openLibrary } from './db.ts';
import { tombstoneOf } from './kind-stores.ts';
import { announceLibraryChange } from './library-events.ts';
import { creationMutation, deletionMutation, updateMutation } from './mutations.ts';
import { newEnvelope } from './new-envelope.ts';
import { enqueue } from './outbox.ts';

export type StakeholderFields = Omit<Stakeholder, keyof ReturnType<typeof newEnvelope>>;

export async function createStakeholder(input: StakeholderFields, now = new Date()): Promise<Stakeholder> {
  const stakeholder = stakeholderSchema.parse({ ...input, ...newEnvelope(now) });
  const tx = (await openLibrary()).transaction(['stakeholders', 'outbox', 'meta'], 'readwrite');
  await tx.objectStore('stakeholders').add(stakeholder);
  await enqueue(tx, (hlc) => creationMutation('stakeholder', stakeholder, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'stakeholder', ids: [stakeholder.id] });
  return stakeholder;
}

export async function updateStakeholder(
  id: string,
  changes: Partial<StakeholderFields>,
  now = new Date(),
): Promise<Stakeholder> {
  const tx = (await openLibrary()).transaction(['stakeholders', 'outbox', 'meta'], 'readwrite');
  const before = await tx.objectStore('stakeholders').get(id);
  if (!before || before.deletedAt) throw new Error(`contact ${id} not found`);
  // Lone surrogates a copy stored before they were repaired may hold become U+FFFD (store/practices.ts).
  const after = stakeholderSchema.parse(
    wellFormedDeep({ ...before, ...changes, updatedAt: now.toISOString() }),
  );
  await tx.objectStore('stakeholders').put(after);
  await enqueue(tx, (hlc) => updateMutation('stakeholder', before, after, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'stakeholder', ids: [id] });
  return after;
}

/** Erasure (GDPR Art. 17): the personal data leaves this browser now, and every other copy through sync. */
export async function eraseStakeholder(id: string, now = new Date()): Promise<void> {
  const tx = (await openLibrary()).transaction(['stakeholders', 'outbox', 'meta'], 'readwrite');
  const stored = await tx.objectStore('stakeholders').get(id);
  if (!stored || stored.deletedAt) return;
  await tx.objectStore('stakeholders').put(tombstoneOf(stored, now.toISOString(), stored.version) as never);
  await enqueue(tx, (hlc) => deletionMutation('stakeholder', stored, hlc), now.getTime());
  await tx.done;
  announceLibraryChange({ kind: 'stakeholder', ids: [id] });
}

export async function getStakeholder(id: string): Promise<Stakeholder | undefined> {
  const stored = await (await openLibrary()).get('stakeholders', id);
  return stored && !stored.deletedAt ? stored : undefined;
}

/** Live contacts, by name. */
export async function listStakeholders(): Promise<Stakeholder[]> {
  const all = await (await openLibrary()).getAll('stakeholders');
  return all.filter((s) => !s.deletedAt).sort((a, b) => a.name.localeCompare(b.name));
}
