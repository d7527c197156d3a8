// Valid request bodies for the routes whose validity the JSON Schema cannot say (zod refinements: page
// addresses, e-mails, Index areas, a delete without fields, a base version not ahead of the library):
// built with the same builders as the sync tests, so the fuzz's hostile inputs are put into bodies the
// server accepts and reach what it stores. Others come from the schema alone (schema-arbitrary.ts).
import fc from 'fast-check';
import {
  createHighlight,
  createPractice,
  createSnippet,
  createStakeholder,
  deleteObject,
  editObject,
  editPractice,
} from '../mutations.ts';

export function exampleBodies(route: string, knownIds: readonly string[]): fc.Arbitrary<unknown> | null {
  if (route !== 'POST /api/sync/push') return null;
  const known = knownIds.length ? fc.constantFrom(...knownIds) : fc.uuid({ version: 7 });
  // Practices most (what searches, the dashboard and exports read back), then highlights of known ones.
  const mutation = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .constant(null)
        .map(() => createPractice(undefined, {}, { tags: ['welcome'], areas: ['education'] })),
    },
    { weight: 2, arbitrary: known.map((id) => createHighlight(id)) },
    fc.constant(null).map(() => createStakeholder()),
    fc.constant(null).map(() => createSnippet()),
    fc
      .tuple(known, fc.nat(3))
      .map(([id, v]) =>
        editPractice(id, v, { fields: { title: 'Edited', note: 'n' }, add: { tags: ['x'] } }),
      ),
    fc.tuple(known, fc.nat(3)).map(([id, v]) => editObject('stakeholder', id, v, { fields: { notes: 'n' } })),
    fc.tuple(known, fc.nat(3)).map(([id, v]) => deleteObject('practice', id, v)),
  );
  return fc.record({
    clientId: fc.constantFrom('fuzz-a', 'fuzz-b'),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 2 }),
  });
}
