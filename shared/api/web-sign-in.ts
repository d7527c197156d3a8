// POST /api/web/sign-in-links: the extension (holding a member's token) asks for a one-time link that opens
// the web dashboard signed in, at `next` (a path under /web) if given. The link is valid 15 minutes, once.
import { z } from '../zod.ts';

export const signInLinkRequestSchema = z.object({
  next: z
    .string()
    .max(2000)
    .regex(/^\/web(\/|\?|$)/, 'must be a path under /web')
    .optional(),
});

export const signInLinkResponseSchema = z.object({
  url: z.string().describe('open this address in a browser; it signs the member in once'),
  expiresAt: z.string(),
});
