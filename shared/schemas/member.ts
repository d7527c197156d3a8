// A member: a person with access to one city's library, with one role.
import { z } from '../zod.ts';
import { isoDateTime } from './common.ts';

export const roles = ['coordinator', 'contributor', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const memberSchema = z.object({
  id: z.string().min(1),
  cityId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  email: z.email().nullable(),
  role: roleSchema,
  createdAt: isoDateTime,
  disabledAt: isoDateTime.nullable(),
});
export type Member = z.infer<typeof memberSchema>;
