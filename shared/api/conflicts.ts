// Conflict records: a value that lost a same-field race between two members' edits, kept so the user can see
// it and restore it (GET /api/conflicts, POST /api/conflicts/:id/restore | /dismiss).

import { idSchema, isoDateTime } from '../schemas/common.ts';
import { kindSchema } from '../sync/kinds.ts';
import { z } from '../zod.ts';

export const conflictStatusSchema = z.enum(['open', 'restored', 'dismissed']);

export const conflictSchema = z.object({
  id: z.string(),
  kind: kindSchema,
  objectId: idSchema,
  field: z.string(),
  lostValue: z.unknown().describe('the value that lost'),
  lostBy: z.string().describe('member id of its author'),
  lostAt: isoDateTime,
  wonValue: z.unknown().describe('the value that won at the time'),
  wonBy: z.string(),
  wonAt: isoDateTime,
  version: z.number().int().describe('library version of the push that recorded it'),
  createdAt: isoDateTime,
  status: conflictStatusSchema,
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  redacted: z
    .boolean()
    .optional()
    .describe("true when the values are a stakeholder's contact details hidden from you (viewer): both null"),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictQuerySchema = z.object({
  status: z.enum(['open', 'restored', 'dismissed', 'all']).default('open'),
  objectId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const conflictListSchema = z.object({ conflicts: z.array(conflictSchema) });
export const conflictResponseSchema = z.object({
  conflict: conflictSchema,
  version: z.number().int().describe('the library version after the change'),
});
