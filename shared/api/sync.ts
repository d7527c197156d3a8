// Request and response schemas of the sync routes (GET /api/sync/pull, POST /api/sync/push). The protocol
// they carry is described in shared/sync/README.md. The server validates pushes with these schemas; the
// extension can parse pull answers with them.

import { idSchema, isoDateTime } from '../schemas/common.ts';
import { highlightSchema } from '../schemas/highlight.ts';
import { practiceSchema } from '../schemas/practice.ts';
import { snippetSchema } from '../schemas/snippet.ts';
import { hlcSchema } from '../sync/hlc.ts';
import { type Kind, kindSchema, kindSpecs, scalarFields } from '../sync/kinds.ts';
import { type OmittableField, omittableFields } from '../sync/pull-page.ts';
import { z } from '../zod.ts';
import { visibleStakeholderSchema } from './stakeholders.ts';

export const maxMutationsPerPush = 50;

/** Why an `ignored` put had no effect (shared/sync/push.ts: IgnoredReason). */
export const ignoredReasons = ['deleted', 'parent_deleted', 'not_found'] as const;

/**
 * A pull answer's header naming the next page's `since` when more pages follow (the body's `version`): a
 * client may ask for the next page as soon as the headers arrive, while this page's body is still coming.
 */
export const pullNextHeader = 'X-Pull-Next';
export const defaultPullLimit = 500;
export const maxPullLimit = 1000;

/** Fields of the synced envelope: the server sets them, so a client sending one is told so by name. */
const serverSet = [
  'id',
  'cityId',
  'createdBy',
  'updatedBy',
  'updatedAt',
  'deletedAt',
  'version',
  'createdAt',
];
const refused = z
  .never({ error: 'is set by the server; leave it out (createdAt goes on the mutation)' })
  .optional();

/** A field's schema without its default (zod 4 fills a default in even under `.optional()`). */
function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

function mutationSchemaFor<K extends Kind>(kind: K) {
  const spec = kindSpecs[kind];
  // A field left out of a put stays out: a default (a practice's `summaries: []`) belongs to the object
  // schema, not to the wire, or every edit of one field would also reset the defaulted ones to empty.
  const whole = Object.fromEntries(
    scalarFields(kind).map((f) => [f, withoutDefault(spec.fields[f]!).optional()]),
  );
  const refusals = Object.fromEntries(serverSet.map((f) => [f, refused]));
  const sets = Object.fromEntries(
    spec.setFields.map((f) => [
      f,
      z
        .array((spec.fields[f] as z.ZodArray<z.ZodType<string>>).element)
        .max(500)
        .optional(),
    ]),
  );
  return z
    .strictObject({
      id: idSchema.describe('mutation id: the idempotency key, a fresh UUID per change'),
      kind: z.literal(kind),
      objectId: idSchema,
      baseVersion: z
        .number()
        .int()
        .nonnegative()
        .describe("the object's version in the client's copy; 0 if never synced"),
      hlc: hlcSchema.describe("the client's hybrid logical clock stamp of the change"),
      op: z.enum(['put', 'delete']),
      createdAt: isoDateTime
        .optional()
        .describe('when the object was created on the client; used on creation only'),
      fields: z
        .strictObject({ ...refusals, ...whole })
        .optional()
        .describe('whole-value fields, last writer wins per field'),
      add: z.strictObject(sets).optional().describe('elements added to set-valued fields'),
      remove: z.strictObject(sets).optional().describe('elements removed from set-valued fields'),
    })
    .refine((m) => m.op === 'put' || (!m.fields && !m.add && !m.remove), {
      message: 'a delete carries no fields, add or remove',
      path: ['op'],
    });
}

export const mutationSchema = z.discriminatedUnion('kind', [
  mutationSchemaFor('practice'),
  mutationSchemaFor('highlight'),
  mutationSchemaFor('stakeholder'),
  mutationSchemaFor('snippet'),
]);
export type MutationInput = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  clientId: z.string().min(1).max(100).describe('a stable random id of this browser installation'),
  mutations: z.array(mutationSchema).min(1).max(maxMutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  id: idSchema.describe('the mutation id'),
  objectId: idSchema,
  status: z.enum(['applied', 'unchanged', 'ignored']),
  duplicate: z.boolean().describe('true when this mutation id had already been processed'),
  objectVersion: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative().describe('conflict records this mutation created'),
  reason: z
    .enum(ignoredReasons)
    .optional()
    .describe(
      "why an 'ignored' put had no effect: deleted (the object is), parent_deleted (the highlight's practice is), not_found (the object does not exist: an edit of something whose creation was itself ignored, or that the client had and is gone). Absent on duplicates",
    ),
  dropped: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe(
      "per set-valued field, the elements this mutation added that were not kept: others' additions had filled the set to its limit (e.g. 50 tags); each field's are kept as a conflict record. Absent on duplicates",
    ),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  version: z.number().int().nonnegative().describe('the library version after this push'),
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export { type OmittableField, omittableFields };

export const pullQuerySchema = z
  .object({
    since: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().min(1).max(maxPullLimit).default(defaultPullLimit),
    until: z.coerce
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('only changes up to this version (a content backfill walks a range it already has)'),
    omit: z
      .enum(omittableFields)
      .optional()
      .describe("leave this field out of every practice (metadata first; the change lists it in 'omitted')"),
  })
  .refine((q) => q.until === undefined || q.until >= q.since, {
    message: 'must not be below since',
    path: ['until'],
  });

const live = <K extends Kind, S extends z.ZodType>(kind: K, object: S) =>
  z.object({
    kind: z.literal(kind),
    id: idSchema,
    version: z.number().int(),
    deleted: z.literal(false),
    object,
  });
/** A practice pulled with `omit=contentMarkdown`: every field but the page text, and `omitted` saying so. */
const practiceWithoutContent = z.object({
  kind: z.literal('practice'),
  id: idSchema,
  version: z.number().int(),
  deleted: z.literal(false),
  omitted: z.array(z.enum(omittableFields)).min(1).describe('fields left out of this object (omit=)'),
  object: practiceSchema.omit({ contentMarkdown: true }),
});
const liveChange = z.discriminatedUnion('kind', [
  live('practice', practiceSchema),
  live('highlight', highlightSchema),
  // A viewer's stakeholders may come with contact details emptied and `redacted` naming them.
  live('stakeholder', visibleStakeholderSchema),
  live('snippet', snippetSchema),
]);
const tombstoneChange = z.object({
  kind: kindSchema,
  id: idSchema,
  version: z.number().int(),
  deleted: z.literal(true),
  deletedAt: isoDateTime,
});
export const changeSchema = z.union([liveChange, practiceWithoutContent, tombstoneChange]);
/** What the server builds (objects as stored); clients parse with changeSchema for the precise types. */
export type Change =
  | {
      kind: Kind;
      id: string;
      version: number;
      deleted: false;
      object: Record<string, unknown>;
      omitted?: OmittableField[];
    }
  | { kind: Kind; id: string; version: number; deleted: true; deletedAt: string };

export const pullResponseSchema = z.object({
  version: z
    .number()
    .int()
    .nonnegative()
    .describe('store as the cursor once every change of this page is applied'),
  changes: z.array(changeSchema),
  hasMore: z.boolean().describe('pull again with since=version'),
});
export type PullResponse = { version: number; changes: Change[]; hasMore: boolean };
