// GET /api/health: is the server up, can it reach its database, and which schema version does that hold.
import { z } from '../zod.ts';

export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.object({ reachable: z.boolean() }),
  /** Migrations applied to the database, and how many this server build ships. Equal when healthy. */
  schema: z.object({ applied: z.number().int().nullable(), expected: z.number().int(), latest: z.string() }),
  time: z.iso.datetime(),
});
export type Health = z.infer<typeof healthSchema>;
