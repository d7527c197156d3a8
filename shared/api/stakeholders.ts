// Request and response schemas of /api/stakeholders: "who is best placed" search, contacts due for review,
// the access-request export and erasure (issue 4). Stakeholders themselves sync like every object
// (shared/sync/README.md); these routes are what sync cannot do.

import { contactDetailFields } from '../contacts/contact-details.ts';
import { isoDateTime } from '../schemas/common.ts';
import { indexAreaId } from '../schemas/practice.ts';
import { stakeholderSchema, stakeholderTypes } from '../schemas/stakeholder.ts';
import { z } from '../zod.ts';
import { conflictSchema } from './conflicts.ts';

const contactDetailField = z.enum(contactDetailFields);

/** A stakeholder as a member may see it: for viewers without the city's permission, contact details empty. */
export const visibleStakeholderSchema = stakeholderSchema.extend({
  redacted: z
    .array(contactDetailField)
    .optional()
    .describe('contact details hidden from you (viewer); the fields are empty, not missing'),
});

export const stakeholderSearchQuerySchema = z.object({
  q: z.string().max(200).optional().describe('words that must all start a word of the name, organisation, …'),
  topic: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((t) => t.trim()) : []))
    .pipe(z.array(indexAreaId).max(18))
    .describe('Index area ids, comma-separated'),
  type: z.enum(stakeholderTypes).optional(),
  lang: z.string().min(2).max(35).optional().describe('a language tag; "fr" also finds "fr-BE"'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const rankExplanationSchema = z.object({
  matchedTopics: z.array(z.string()).describe('asked topics among the stakeholder’s own topics'),
  practiceCount: z.number().int().describe('live practices linking them (in the asked areas, if any)'),
  practiceIds: z.array(z.string()),
  involvement: z.number().describe('those practices weighted by recency (one a year old counts 0.5)'),
  textScore: z.number(),
});

export const stakeholderSearchResponseSchema = z.object({
  results: z.array(
    z.object({
      stakeholder: visibleStakeholderSchema,
      score: z.number(),
      explanation: rankExplanationSchema,
    }),
  ),
});

export const reviewQuerySchema = z.object({
  before: isoDateTime.optional().describe('default: now'),
});

export const reviewResponseSchema = z.object({
  before: isoDateTime,
  stakeholders: z
    .array(stakeholderSchema)
    .describe('live stakeholders whose reviewBy is at or before `before`'),
});

const memberRef = z.object({ id: z.string(), name: z.string().nullable() });

export const accessExportSchema = z.object({
  exportedAt: isoDateTime,
  exportedBy: memberRef,
  city: z.object({ id: z.string(), name: z.string() }),
  stakeholder: stakeholderSchema.describe('the current record'),
  provenance: z.object({
    createdAt: isoDateTime,
    createdBy: memberRef,
    updatedAt: isoDateTime,
    updatedBy: memberRef,
    sourceUrl: z.string().nullable(),
    lawfulBasis: z.string(),
    lawfulBasisNote: z.string(),
    reviewBy: z.string().nullable(),
  }),
  fieldWrites: z
    .array(z.object({ field: z.string(), by: memberRef, at: isoDateTime }))
    .describe('who last wrote each field, and when'),
  removedValues: z
    .record(z.string(), z.array(z.string()))
    .describe('e-mails, phones, … removed from the record but kept so that sync merges stay correct'),
  practices: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      url: z.string(),
      areas: z.array(z.string()),
      clippedAt: z.string(),
    }),
  ),
  conflicts: z.array(conflictSchema).describe('conflict records about this stakeholder, every status'),
});

export const erasureSchema = z.object({
  stakeholderId: z.string(),
  alreadyErased: z.boolean().describe('true when it had been erased before: nothing more to erase'),
  erasedAt: isoDateTime,
  version: z.number().int().describe('the library version after the erasure'),
  erased: z.object({
    fields: z
      .array(z.string())
      .describe('fields that held data, now gone (the tombstone keeps id and times)'),
    removedValues: z.number().int().describe('removed e-mails, phones, … that were still kept for merging'),
    conflictRecords: z.number().int(),
    practiceLinks: z.array(z.string()).describe('practices it was unlinked from (a change that syncs)'),
  }),
});
export const erasureResponseSchema = z.object({ erasure: erasureSchema });

/** A contact a contributor deleted through sync, kept for a coordinator to restore or erase. */
export const setAsideStakeholderSchema = z.object({
  stakeholder: stakeholderSchema.describe('the contact as it was when deleted'),
  deletedBy: z.string().describe('the member who deleted it'),
  deletedAt: isoDateTime,
  practiceIds: z.array(z.string()).describe('practices it was unlinked from; a restore links it again'),
});
export type SetAsideStakeholder = z.infer<typeof setAsideStakeholderSchema>;
export const setAsideListSchema = z.object({ setAside: z.array(setAsideStakeholderSchema) });

export const restoredSchema = z.object({
  stakeholderId: z.string(),
  version: z.number().int().describe('the library version in which it is live again'),
  practiceLinks: z.array(z.string()).describe('practices it is linked to again (those still there)'),
});
export const restoreResponseSchema = z.object({ restored: restoredSchema });
