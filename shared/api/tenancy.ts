// Request and response schemas of the tenancy routes: /api/me, /api/members, /api/tokens.

import { citySchema } from '../schemas/city.ts';
import { isoDateTime } from '../schemas/common.ts';
import { memberSchema, roleSchema } from '../schemas/member.ts';
import { z } from '../zod.ts';
import { citySettingsSchema } from './city.ts';

export const newCitySchema = citySchema.pick({ name: true, country: true, lang: true }).extend({
  networkId: z.string().min(1).nullable().optional(),
});
export type NewCity = z.infer<typeof newCitySchema>;

export const newMemberSchema = z.strictObject({
  name: memberSchema.shape.name,
  email: memberSchema.shape.email.optional(),
  role: roleSchema,
});
export type NewMember = z.infer<typeof newMemberSchema>;

export const memberPatchSchema = z
  .strictObject({
    name: memberSchema.shape.name,
    email: memberSchema.shape.email,
    role: roleSchema,
    /** true disables the member (every token stops working), false enables them again. */
    disabled: z.boolean(),
  })
  .partial();

export const tokenInfoSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  label: z.string(),
  prefix: z.string().describe('the first characters of the secret, to tell tokens apart'),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const issueTokenSchema = z.strictObject({
  memberId: z.string().min(1),
  label: z.string().max(100).optional(),
});

export const issuedTokenSchema = z.object({
  secret: z.string().describe('the token itself: shown once, never again'),
  token: tokenInfoSchema,
  connect: z.object({ link: z.string(), code: z.string() }),
});

export const limitsSchema = z.object({
  maxMutationsPerPush: z.number().int(),
  maxBodyBytes: z.number().int(),
  defaultPullLimit: z.number().int(),
  maxPullLimit: z.number().int(),
});

export const meSchema = z.object({
  member: memberSchema,
  city: citySchema,
  settings: citySettingsSchema,
  token: tokenInfoSchema,
  libraryVersion: z.number().int(),
  limits: limitsSchema,
});

export const memberListSchema = z.object({ members: z.array(memberSchema) });
export const memberResponseSchema = z.object({ member: memberSchema });
export const tokenListSchema = z.object({ tokens: z.array(tokenInfoSchema) });
export const tokenResponseSchema = z.object({ token: tokenInfoSchema });

/** What ending a member's access did: tokens revoked, dashboard sessions ended (server/tenancy/member-access.ts). */
export const accessEndedSchema = z.object({
  tokensRevoked: z.number().int(),
  sessionsEnded: z.number().int(),
});

export const signOutEverywhereResponseSchema = accessEndedSchema.extend({
  member: memberSchema,
  message: z.string(),
});

export const memberPatchResponseSchema = z.object({
  member: memberSchema,
  access: accessEndedSchema
    .extend({
      liveTokens: z
        .number()
        .int()
        .describe('tokens that work now: after re-enabling, only ones issued since'),
      message: z.string(),
    })
    .optional()
    .describe('present when the patch disabled or re-enabled the member'),
});
