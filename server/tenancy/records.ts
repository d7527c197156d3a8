// Row → API record conversions for cities, members and tokens (shapes in shared/api/tenancy.ts).
import type { TokenInfo } from '../../shared/api/tenancy.ts';
import type { City } from '../../shared/schemas/city.ts';
import type { Member } from '../../shared/schemas/member.ts';
import type { cities, members, tokens } from '../db/schema/index.ts';

export const cityRecord = (row: typeof cities.$inferSelect): City => ({
  id: row.id,
  name: row.name,
  country: row.country,
  lang: row.lang,
  networkId: row.networkId,
  createdAt: row.createdAt,
});

export const memberRecord = (row: typeof members.$inferSelect): Member => ({
  id: row.id,
  cityId: row.cityId,
  name: row.name,
  email: row.email,
  role: row.role,
  createdAt: row.createdAt,
  disabledAt: row.disabledAt,
});

export const tokenRecord = (row: typeof tokens.$inferSelect): TokenInfo => ({
  id: row.id,
  memberId: row.memberId,
  label: row.label,
  prefix: row.prefix,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});
