// A highlight: a passage of a practice's page, anchored with W3C Web Annotation selectors so it can be found
// again later (https://www.w3.org/TR/annotation-model/#text-quote-selector). Re-anchoring tries the position
// first, then the quote with its context; a highlight that can no longer be found is reported, never dropped.
import { z } from '../zod.ts';
import { idSchema, pageUrl, syncedFields } from './common.ts';

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] });
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

export const highlightFields = {
  practiceId: idSchema,
  pageUrl: pageUrl,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema.nullable(),
  note: z.string().max(10_000),
};

export const highlightSchema = z.object({ ...syncedFields, ...highlightFields });
export type Highlight = z.infer<typeof highlightSchema>;
