// The city's settings a coordinator can change (PATCH /api/city) and that /api/me reports.

import { citySchema } from '../schemas/city.ts';
import { z } from '../zod.ts';

export const citySettingsSchema = z.object({
  viewersSeeContacts: z
    .boolean()
    .describe(
      "whether viewers see stakeholders' e-mails, phones, notes and lawful-basis notes (default false)",
    ),
});
export type CitySettings = z.infer<typeof citySettingsSchema>;

export const cityPatchSchema = citySettingsSchema.partial().strict();

export const cityResponseSchema = z.object({
  city: citySchema,
  settings: citySettingsSchema,
  version: z.number().int().describe('the library version after the change'),
});
