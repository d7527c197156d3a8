// A city with one contributor and a token, made with the server's own tenancy functions (as the admin
// command does), for benches that talk to the API as a member would.
import type { Db } from '../../server/db/client.ts';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';

export interface BenchMember {
  cityId: string;
  memberId: string;
  name: string;
  /** The token's secret: `Authorization: Bearer …`. */
  token: string;
}

export async function cityWithMember(db: Db, cityName: string, memberName = 'Ana'): Promise<BenchMember> {
  const now = Date.now();
  const city = await createCity(db, { name: cityName, country: 'PT', lang: 'en' }, now);
  const member = await addMember(db, city.id, { name: memberName, role: 'contributor' }, now);
  const { secret } = await issueToken(db, { cityId: city.id, memberId: member.id }, now);
  return { cityId: city.id, memberId: member.id, name: memberName, token: secret };
}
