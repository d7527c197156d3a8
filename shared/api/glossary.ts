// Request and response schemas of /api/glossary: a city's own glossary terms (issue 5). The built-in ICC
// glossary (Index areas, programme terms in English and French) ships with the code in shared/translate; a
// city extends it with labels in its own language (`conceptId` names the built-in concept) or adds its
// own terms (`conceptId` null). Terms are the city's: another city never sees them.

import { isoDateTime } from '../schemas/common.ts';
import { z } from '../zod.ts';
import { apiLanguageCode } from './translate.ts';

export const glossaryTermId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-" (a UUID fits)');

export const glossaryLabel = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));

export const glossaryLabelsSchema = z
  .record(apiLanguageCode, glossaryLabel)
  .refine((labels) => Object.keys(labels).length >= 1, 'needs at least one label')
  .refine((labels) => Object.keys(labels).length <= 50, 'at most 50 languages');

export const glossaryTermSchema = z.object({
  id: glossaryTermId,
  conceptId: z.string().nullable().describe('the built-in ICC concept this extends, or null'),
  labels: z.record(z.string(), z.string()).describe('the term by language code'),
  note: z.string(),
  updatedAt: isoDateTime,
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const glossaryPutSchema = z.object({
  conceptId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._:-]{0,99}$/, 'must be a concept id of the ICC glossary (e.g. area:mediation)')
    .nullable()
    .optional(),
  labels: glossaryLabelsSchema,
  note: z.string().max(2000).optional(),
});
export type GlossaryPut = z.input<typeof glossaryPutSchema>;

export const glossaryListSchema = z.object({ terms: z.array(glossaryTermSchema) });
export const glossaryDeleteResponseSchema = z.object({ deleted: glossaryTermId });
