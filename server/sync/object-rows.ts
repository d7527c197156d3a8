// Database rows ↔ merge states. `data` holds what clients see (whole fields and set values), `meta` the
// per-field clocks and set elements the merge needs.
import { kindSpecs } from '../../shared/sync/kinds.ts';
import { type ObjectState, objectData } from '../../shared/sync/object-state.ts';
import type { libraryObjects } from '../db/schema/index.ts';

type Row = typeof libraryObjects.$inferSelect;
type Meta = { clocks: ObjectState['clocks']; sets: ObjectState['sets'] };

export function stateFromRow(row: Row): ObjectState {
  const meta = row.meta as Meta;
  // A key loop rather than a spread and `delete`, which leaves the copy a slow dictionary object.
  const setFields = kindSpecs[row.kind].setFields;
  const data = row.data as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (!setFields.includes(key)) fields[key] = data[key];
  return {
    kind: row.kind,
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    deletedAt: row.deletedAt,
    fields,
    clocks: meta.clocks ?? {},
    sets: meta.sets ?? {},
  };
}

export function rowFromState(cityId: string, state: ObjectState): Row {
  return {
    cityId,
    id: state.id,
    kind: state.kind,
    version: state.version,
    parentId: state.kind === 'highlight' ? ((state.fields.practiceId as string | undefined) ?? null) : null,
    createdAt: state.createdAt,
    createdBy: state.createdBy,
    updatedAt: state.updatedAt,
    updatedBy: state.updatedBy,
    deletedAt: state.deletedAt,
    data: objectData(state),
    meta: { clocks: state.clocks, sets: state.sets },
  };
}
