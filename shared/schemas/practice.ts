// A good practice: a clipped page with its metadata and readable content, and what the member adds
// (Index areas, tags, note, linked stakeholders). Highlights are separate objects pointing at it.

import { indexAreaIds } from '../taxonomy/index.ts';
import { z } from '../zod.ts';
import { httpUrl, idSchema, isoDateTime, pageLanguage, pageUrl, syncedFields, tagSchema } from './common.ts';
import { translationSchema } from './snippet.ts';

export const indexAreaId = z.string().refine((id) => indexAreaIds.includes(id), 'unknown ICC Index area');

/** How much the extractor could read: everything, metadata only (no article), or nothing (PDF, browser page). */
export const extractionStatus = z.enum(['full', 'metadata-only', 'none']);
export const visibility = z.enum(['city', 'network']);

/**
 * The practice's summary (its `excerpt`) in another language, with its provenance (engine or person, machine
 * or reviewed by whom and when): bilingual practice cards. One per language.
 */
export const summarySchema = translationSchema;
export type Summary = z.infer<typeof summarySchema>;

/** What a page yields on extraction; also the editable metadata of a practice. */
export const pageMetadataSchema = z.object({
  url: pageUrl,
  canonicalUrl: httpUrl.nullable(),
  title: z.string().trim().min(1).max(1000),
  excerpt: z.string().max(5000),
  siteName: z.string().max(500).nullable(),
  byline: z.string().max(500).nullable(),
  publishedTime: z.string().max(100).nullable(),
  lang: pageLanguage,
  dir: z.enum(['ltr', 'rtl']).nullable(),
  image: httpUrl.nullable(),
});
export type PageMetadata = z.infer<typeof pageMetadataSchema>;

export const practiceFields = {
  ...pageMetadataSchema.shape,
  contentMarkdown: z.string().max(2_000_000),
  extraction: extractionStatus,
  areas: z.array(indexAreaId).max(18),
  tags: z.array(tagSchema).max(50),
  note: z.string().max(20_000),
  stakeholderIds: z.array(idSchema).max(500),
  visibility,
  clippedAt: isoDateTime,
  /** Whole-value field (last writer wins); objects synced before it existed read as []. */
  summaries: z.array(summarySchema).max(20).default([]),
};

export const practiceSchema = z.object({ ...syncedFields, ...practiceFields });
export type Practice = z.infer<typeof practiceSchema>;

/** What the member can change on an existing practice. */
export const practiceEditSchema = z
  .object({
    title: practiceFields.title,
    excerpt: practiceFields.excerpt,
    areas: practiceFields.areas,
    tags: practiceFields.tags,
    note: practiceFields.note,
    stakeholderIds: practiceFields.stakeholderIds,
    visibility,
    summaries: practiceFields.summaries,
  })
  .partial();
export type PracticeEdit = z.infer<typeof practiceEditSchema>;
