// First start: an empty database gets a first city and its coordinator, with a token and the connect link
// that fills the extension's options, so a newcomer is syncing within a minute (issue 3), and a one-time
// link that opens the web dashboard signed in (issue 6). Does nothing once any city exists.
import { connectLink, encodeConnectCode } from '../../shared/api/connect.ts';
import type { NewCity } from '../../shared/api/tenancy.ts';
import type { Db } from '../db/client.ts';
import { cities } from '../db/schema/index.ts';
import { createSignInLink, signInLinkUrl } from '../web/session.ts';
import { addMember, createCity, issueToken } from './tenancy.ts';

export interface BootstrapOptions {
  server: string;
  city?: Partial<NewCity>;
  coordinatorName?: string;
  now: number;
}

export async function bootstrapFirstCity(
  db: Db,
  { server, city, coordinatorName = 'Coordinator', now }: BootstrapOptions,
) {
  const any = await db.select({ id: cities.id }).from(cities).limit(1);
  if (any.length > 0) return null;
  return db.transaction(async (tx) => {
    const created = await createCity(tx, { name: 'My city', country: 'XX', lang: 'en', ...city }, now);
    const member = await addMember(tx, created.id, { name: coordinatorName, role: 'coordinator' }, now);
    const { secret, token } = await issueToken(
      tx,
      { cityId: created.id, memberId: member.id, label: 'first start' },
      now,
    );
    const dashboard = await createSignInLink(tx, { id: member.id, cityId: created.id }, now);
    return {
      city: created,
      member,
      token,
      secret,
      link: connectLink(server, secret),
      code: encodeConnectCode(server, secret),
      dashboardLink: signInLinkUrl(server, dashboard.secret),
    };
  });
}

/** What the console shows after a bootstrap: how to connect, in plain steps. */
export function bootstrapMessage(b: NonNullable<Awaited<ReturnType<typeof bootstrapFirstCity>>>): string {
  return [
    '',
    `First start: created the city "${b.city.name}" and its coordinator "${b.member.name}".`,
    'Connect the ICC Clipper extension (this token is shown once; keep it secret):',
    `  1. Open this link in the browser that has the extension, then click the ICC Clipper icon:  ${b.link}`,
    "  2. Or paste the link, or this connect code, into the extension's Settings > City library:",
    `     ${b.code}`,
    `  Server: ${b.link.slice(0, b.link.indexOf('/connect#'))}   Token: ${b.secret}`,
    `Web dashboard (this link signs you in once, within 15 minutes; later, sign in there with the token):`,
    `  ${b.dashboardLink}`,
    'Rename the city or add members with `npm run admin -- help`.',
    '',
  ].join('\n');
}
