// A member city: the unit of tenancy. Everything belongs to exactly one city.
import { z } from '../zod.ts';
import { isoDateTime, languageTag } from './common.ts';

export const citySchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code'),
  lang: languageTag,
  networkId: z.string().nullable(),
  createdAt: isoDateTime,
});
export type City = z.infer<typeof citySchema>;
