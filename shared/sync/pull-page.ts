// Reads a pull answer (GET /api/sync/pull) in the extension without running the full zod schema over every
// object. The server validated each object when it was pushed and builds the answer from what it stored
// (its tests parse every answer with pullResponseSchema); the extension runs zod in jitless mode (MV3 forbids
// eval), where checking a page of 1,000 practices cost more than storing it (bench/initial-sync.ts). So the
// answer's shape is checked strictly — the envelope, every change's kind, id, version and tombstone, each
// object's identity and set-valued fields — enough to refuse garbage before it reaches IndexedDB, and the
// schema defaults a newer field brings (e.g. a practice's `summaries`) are filled in, as zod would. A change
// pulled with `omit=contentMarkdown` carries `omitted` (checked here) and its practice has no page text.
import type { z } from 'zod';
import type { pullResponseSchema } from '../api/sync.ts';
import { type Kind, kindSpecs, kinds } from './kinds.ts';

export type PullPage = z.output<typeof pullResponseSchema>;

/** Fields a pull may leave out of every practice it sends (`omit=`): the heavy page text, for a first sync. */
export const omittableFields = ['contentMarkdown'] as const;
export type OmittableField = (typeof omittableFields)[number];

/** A pull answer that is not one; `path` names the first part that is wrong. */
export class MalformedPull extends Error {
  constructor(readonly path: string) {
    super(`malformed pull answer at ${path}`);
    this.name = 'MalformedPull';
  }
}

type Data = Record<string, unknown>;

const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVersion = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown) => Array.isArray(v) && v.every((e) => typeof e === 'string');
const kindSet: ReadonlySet<unknown> = new Set(kinds);
const omittable: ReadonlySet<unknown> = new Set(omittableFields);

/** Per kind: the set-valued fields, and the fields whose schema gives a default when absent. */
const checks = Object.fromEntries(
  kinds.map((kind) => {
    const shape = kindSpecs[kind].schema.shape as Record<string, z.ZodType>;
    const defaults = Object.keys(shape).filter((f) => shape[f]!.def.type === 'default');
    return [kind, { sets: kindSpecs[kind].setFields, defaults, shape }];
  }),
) as Record<Kind, { sets: readonly string[]; defaults: string[]; shape: Record<string, z.ZodType> }>;

/** The page, checked; throws MalformedPull. Objects are completed with their schema's defaults in place. */
export function readPullPage(value: unknown): PullPage {
  if (!isRecord(value)) throw new MalformedPull('body');
  if (!isVersion(value.version)) throw new MalformedPull('version');
  if (typeof value.hasMore !== 'boolean') throw new MalformedPull('hasMore');
  const changes = value.changes;
  if (!Array.isArray(changes)) throw new MalformedPull('changes');
  for (let i = 0; i < changes.length; i++) checkChange(changes[i], `changes.${i}`);
  return value as PullPage;
}

function checkChange(change: unknown, path: string): void {
  if (!isRecord(change)) throw new MalformedPull(path);
  const { kind, id, version } = change;
  if (!kindSet.has(kind)) throw new MalformedPull(`${path}.kind`);
  if (typeof id !== 'string' || id.length === 0) throw new MalformedPull(`${path}.id`);
  if (!isVersion(version)) throw new MalformedPull(`${path}.version`);
  if (change.deleted === true) {
    if (typeof change.deletedAt !== 'string') throw new MalformedPull(`${path}.deletedAt`);
    return;
  }
  if (change.deleted !== false) throw new MalformedPull(`${path}.deleted`);
  // A metadata-first pull (omit=) names what it left out; only a practice's page text may be.
  const omitted = change.omitted;
  if (
    omitted !== undefined &&
    (kind !== 'practice' ||
      !Array.isArray(omitted) ||
      omitted.length === 0 ||
      !omitted.every((f) => omittable.has(f)))
  ) {
    throw new MalformedPull(`${path}.omitted`);
  }
  const object = change.object;
  if (!isRecord(object)) throw new MalformedPull(`${path}.object`);
  if (object.id !== id) throw new MalformedPull(`${path}.object.id`);
  if (object.version !== version) throw new MalformedPull(`${path}.object.version`);
  if (object.deletedAt !== null) throw new MalformedPull(`${path}.object.deletedAt`);
  if (typeof object.createdAt !== 'string') throw new MalformedPull(`${path}.object.createdAt`);
  if (typeof object.updatedAt !== 'string') throw new MalformedPull(`${path}.object.updatedAt`);
  const check = checks[kind as Kind];
  for (const field of check.sets) {
    if (!isStrings(object[field])) throw new MalformedPull(`${path}.object.${field}`);
  }
  for (const field of check.defaults) {
    if (object[field] === undefined) object[field] = check.shape[field]!.parse(undefined);
  }
}
