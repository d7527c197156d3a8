// The side panel's merge of a first sync's page into the list it holds (store/pulled-practices.ts): for any
// list in listPractices' order and any page (new practices, newer copies of listed ones, deletions, equal
// change times), the one-pass merge gives what replacing by id and sorting the whole list gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListedPractice, mergePulled } from '../../extension/store/pulled-practices.ts';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
// Few distinct instants, so that ties (ordered by id) are common.
const instants = ['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'];

const practice = (id: string, updatedAt: string, title: string) =>
  ({ id, updatedAt, title, contentMarkdown: '' }) as unknown as ListedPractice;

/** The reference: replace by id, drop the deleted, sort everything. */
function byFullSort(list: readonly ListedPractice[], stored: ListedPractice[], deleted: string[]) {
  const byId = new Map(list.map((p) => [p.id, p]));
  for (const p of stored) byId.set(p.id, p);
  for (const id of deleted) byId.delete(id);
  return [...byId.values()].sort((a, b) =>
    a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
  );
}

const entries = (title: string) =>
  fc
    .uniqueArray(fc.constantFrom(...ids), { maxLength: ids.length })
    .chain((chosen) =>
      fc.tuple(...chosen.map((id) => fc.constantFrom(...instants).map((at) => practice(id, at, title)))),
    );

describe('mergePulled', () => {
  it('equals replacing by id and sorting the whole list', () => {
    fc.assert(
      fc.property(
        entries('listed'),
        entries('pulled'),
        fc.uniqueArray(fc.constantFrom(...ids)),
        (listed, stored, deletedIds) => {
          const list = byFullSort([], listed, []);
          // A page never lists an id both as stored and as deleted.
          const deleted = deletedIds.filter((id) => !stored.some((p) => p.id === id));
          expect(mergePulled(list, { page: 1, stored, deleted })).toEqual(byFullSort(list, stored, deleted));
        },
      ),
      { numRuns: 500 },
    );
  });
});
