// What the server keeps per synced object to merge edits: the values, and for every field (and every set
// element) the clock of the write that set it. Clients never see clocks; they see `materialise()`'s output.
import type { Kind } from './kinds.ts';
import { kindSpecs } from './kinds.ts';

/** Who wrote a value, when, and at which library version it was committed. */
export interface FieldClock {
  hlc: string;
  client: string;
  mutation: string;
  member: string;
  version: number;
}

/** One element of a set-valued field; removed elements stay (present: false) so that order never matters. */
export interface SetEntry {
  key: string;
  value: string;
  present: boolean;
  clock: FieldClock;
}

export interface ObjectState {
  kind: Kind;
  id: string;
  /** Library version of the last visible change. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  /** Whole-value fields. */
  fields: Record<string, unknown>;
  clocks: Record<string, FieldClock>;
  sets: Record<string, SetEntry[]>;
}

/** The kind's own fields as the API shows them: whole values plus each set's present elements, in order. */
export function objectData(state: ObjectState): Record<string, unknown> {
  if (state.deletedAt) return {};
  const data: Record<string, unknown> = { ...state.fields };
  for (const field of kindSpecs[state.kind].setFields) {
    data[field] = (state.sets[field] ?? []).filter((e) => e.present).map((e) => e.value);
  }
  return data;
}

/** The object in the shape of its shared schema (practiceSchema, …). */
export function materialise(state: ObjectState, cityId: string): Record<string, unknown> {
  return {
    id: state.id,
    cityId,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    createdBy: state.createdBy,
    updatedBy: state.updatedBy,
    deletedAt: state.deletedAt,
    version: state.version,
    ...objectData(state),
  };
}

export function cloneState(state: ObjectState): ObjectState {
  const sets: Record<string, SetEntry[]> = {};
  for (const [field, entries] of Object.entries(state.sets)) sets[field] = entries.map((e) => ({ ...e }));
  return { ...state, fields: { ...state.fields }, clocks: { ...state.clocks }, sets };
}
