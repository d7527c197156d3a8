// A snippet: a short source text and its translations, each with who or what produced it and whether a
// person reviewed it. Reviewed translations feed the city's translation memory.
import { z } from '../zod.ts';
import { httpUrl, idSchema, isoDateTime, syncedFields } from './common.ts';

export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code');

export const translationSchema = z.object({
  lang: languageCode,
  text: z.string().min(1).max(20_000),
  /** `browser`, `libretranslate`, `deepl`, `memory`, or `person`. */
  engine: z.string().min(1).max(40),
  status: z.enum(['machine', 'reviewed']),
  reviewedBy: z.string().nullable(),
  reviewedAt: isoDateTime.nullable(),
});
export type Translation = z.infer<typeof translationSchema>;

export const snippetFields = {
  sourceText: z.string().min(1).max(20_000),
  sourceLang: languageCode,
  translations: z.array(translationSchema).max(20),
  sourceUrl: httpUrl.nullable(),
  practiceId: idSchema.nullable(),
};

export const snippetSchema = z.object({ ...syncedFields, ...snippetFields });
export type Snippet = z.infer<typeof snippetSchema>;
