// The operator's commands (`npm run admin -- <command> [--options]`): create a city, add a member, issue
// and revoke tokens, print a one-time dashboard sign-in link, list everything. The database comes from the
// entry (server/admin.ts); output goes to `out` so tests can read it.
import { parseArgs } from 'node:util';
import { and, asc, eq, like } from 'drizzle-orm';
import { connectLink, encodeConnectCode } from '../../shared/api/connect.ts';
import { newCitySchema, newMemberSchema } from '../../shared/api/tenancy.ts';
import { convertToIncrementalVacuum } from '../db/auto-vacuum.ts';
import type { Db } from '../db/client.ts';
import { cities, members, tokens } from '../db/schema/index.ts';
import { grantNetwork, revokeNetwork } from '../library/network-grants.ts';
import {
  defaultHorizonDays,
  forgetRemovedEverywhere,
  horizonMsOf,
  pruneHistory,
} from '../sync/prune-history.ts';
import { updateCitySettings } from '../tenancy/city-settings.ts';
import { accessAfterEnabling, endAllAccess, hasOtherCoordinator } from '../tenancy/member-access.ts';
import { addMember, createCity, iso, issueToken, revokeToken } from '../tenancy/tenancy.ts';
import { createSignInLink, signInLinkUrl } from '../web/session.ts';

export const usage = `Usage: npm run admin -- <command> [options]
  create-city  --name NAME --country CC --lang LANG [--network ID]
  set-city     --city ID [--name NAME] [--country CC] [--lang LANG] [--viewers-see-contacts true|false]
  add-member   --city ID --name NAME --role coordinator|contributor|viewer [--email EMAIL]
  issue-token  --member ID [--label LABEL] [--server URL]   prints the token (once) and its connect link
  revoke-token --token ID|PREFIX                           (the member's last token: their dashboard sessions end too)
  sign-out-everywhere --member ID   revokes every token of the member and ends every dashboard session
  disable-member --member ID        the member is refused everywhere; every token and session ends for good
  enable-member  --member ID        lets the member in again: nothing from before comes back (issue-token)
  sign-in-link --member ID [--server URL]                  a web dashboard link that signs in once (15 min)
  list         [--city ID]                                 cities, members and tokens (never secrets)
  grant-network  --member ID --network ID   the member sees the network's shared practices and its cities' counts
  revoke-network --member ID
  prune        [--horizon-days N]   forget the sync history older than N days (default 30, or SYNC_HORIZON_DAYS):
               tombstones, processed mutation ids, removed set elements; then give free pages back to the file
Environment: DATA_DIR or LIBSQL_URL/LIBSQL_AUTH_TOKEN, as for the server; PUBLIC_URL or PORT for links.`;

export class AdminError extends Error {}

export interface AdminContext {
  db: Db;
  out: (line: string) => void;
  now: number;
  /** Server address for connect links when --server is not given. */
  server: string;
  /** `prune`'s horizon when --horizon-days is not given (SYNC_HORIZON_DAYS). */
  horizonDays?: string;
}

const options = {
  name: { type: 'string' },
  country: { type: 'string' },
  lang: { type: 'string' },
  network: { type: 'string' },
  city: { type: 'string' },
  role: { type: 'string' },
  email: { type: 'string' },
  member: { type: 'string' },
  label: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
  'viewers-see-contacts': { type: 'string' },
  'horizon-days': { type: 'string' },
} as const;

export async function runAdmin(argv: string[], ctx: AdminContext): Promise<void> {
  const { positionals, values: v } = parseArgs({ args: argv, options, allowPositionals: true });
  const { db, out, now } = ctx;
  const need = (key: keyof typeof v) => v[key] ?? fail(`--${key} is required`);
  switch (positionals[0]) {
    case 'create-city': {
      const input = check(newCitySchema, {
        name: v.name,
        country: v.country,
        lang: v.lang,
        networkId: v.network ?? null,
      });
      const city = await createCity(db, input, now);
      out(`created city ${city.name} (${city.country}, ${city.lang}): id ${city.id}`);
      return;
    }
    case 'set-city': {
      const id = need('city');
      const patch = check(newCitySchema.partial(), { name: v.name, country: v.country, lang: v.lang });
      const viewers = v['viewers-see-contacts'];
      if (viewers !== undefined && viewers !== 'true' && viewers !== 'false')
        fail('--viewers-see-contacts must be true or false');
      const [city] = await db.select().from(cities).where(eq(cities.id, id));
      if (!city) fail(`no city ${id}`);
      if (Object.values(patch).some((x) => x !== undefined))
        await db.update(cities).set(patch).where(eq(cities.id, id));
      const updated = await updateCitySettings(
        db,
        id,
        viewers ? { viewersSeeContacts: viewers === 'true' } : {},
      );
      out(
        `updated city ${id}: ${updated!.name} (${updated!.country}, ${updated!.lang}), viewers see contact details: ${updated!.viewersSeeContacts ? 'yes' : 'no'}`,
      );
      return;
    }
    case 'add-member': {
      const cityId = need('city');
      const [city] = await db.select().from(cities).where(eq(cities.id, cityId));
      if (!city) fail(`no city ${cityId}`);
      const member = await addMember(
        db,
        cityId,
        check(newMemberSchema, { name: v.name, email: v.email, role: v.role }),
        now,
      );
      out(`added ${member.role} ${member.name} to ${city!.name}: id ${member.id}`);
      return;
    }
    case 'issue-token': {
      const memberId = need('member');
      const [member] = await db.select().from(members).where(eq(members.id, memberId));
      if (!member) fail(`no member ${memberId}`);
      const { secret, token } = await issueToken(
        db,
        { cityId: member!.cityId, memberId, label: v.label ?? '' },
        now,
      );
      const server = (v.server ?? ctx.server).replace(/\/+$/, '');
      out(`token ${token.id} for ${member!.name} (shown once, keep it secret):`);
      out(`  token:        ${secret}`);
      out(`  connect link: ${connectLink(server, secret)}`);
      out(`  connect code: ${encodeConnectCode(server, secret)}`);
      return;
    }
    case 'revoke-token': {
      const ref = need('token');
      const rows = await db
        .select()
        .from(tokens)
        .where(ref.startsWith('icc_') ? like(tokens.prefix, `${ref.slice(0, 10)}%`) : eq(tokens.id, ref));
      if (rows.length !== 1)
        fail(rows.length ? `${rows.length} tokens match ${ref}; use the id` : `no token ${ref}`);
      const revoked = await revokeToken(db, rows[0]!.cityId, rows[0]!.id, now);
      out(`revoked token ${revoked!.id} (${revoked!.prefix}…) at ${revoked!.revokedAt}`);
      return;
    }
    case 'sign-out-everywhere': {
      const member = await memberById(db, need('member'));
      const ended = await db.transaction((tx) => endAllAccess(tx, member.cityId, member.id, now));
      out(
        `${member.name} is signed out everywhere: ${ended.tokensRevoked} token(s) revoked, ${ended.sessionsEnded} dashboard session(s) ended`,
      );
      return;
    }
    case 'disable-member': {
      const member = await memberById(db, need('member'));
      if (member.disabledAt) fail(`member ${member.id} is already disabled (since ${member.disabledAt})`);
      if (member.role === 'coordinator' && !(await hasOtherCoordinator(db, member.cityId, member.id)))
        fail('a city needs at least one active coordinator');
      const ended = await db.transaction(async (tx) => {
        await tx
          .update(members)
          .set({ disabledAt: iso(now) })
          .where(eq(members.id, member.id));
        return endAllAccess(tx, member.cityId, member.id, now);
      });
      out(
        `disabled ${member.name}: ${ended.tokensRevoked} token(s) revoked and ${ended.sessionsEnded} dashboard session(s) ended, for good (enable-member brings none back)`,
      );
      return;
    }
    case 'enable-member': {
      const member = await memberById(db, need('member'));
      if (!member.disabledAt) fail(`member ${member.id} is not disabled`);
      const after = await db.transaction(async (tx) => {
        await tx.update(members).set({ disabledAt: null }).where(eq(members.id, member.id));
        return accessAfterEnabling(tx, member.cityId, member.id, member.disabledAt!, now);
      });
      out(
        after.liveTokens > 0
          ? `enabled ${member.name}: ${after.liveTokens} token(s) issued since the disabling work; no token or session from before came back`
          : `enabled ${member.name}: no token or session from before came back; give them a new token: npm run admin -- issue-token --member ${member.id}`,
      );
      return;
    }
    case 'sign-in-link': {
      const memberId = need('member');
      const [member] = await db.select().from(members).where(eq(members.id, memberId));
      if (!member) fail(`no member ${memberId}`);
      if (member!.disabledAt) fail(`member ${memberId} is disabled`);
      const { secret, expiresAt } = await createSignInLink(db, member!, now);
      const server = (v.server ?? ctx.server).replace(/\/+$/, '');
      out(`dashboard sign-in link for ${member!.name} (works once, until ${expiresAt}):`);
      out(`  ${signInLinkUrl(server, secret)}`);
      return;
    }
    case 'list':
      await list(db, out, v.city);
      return;
    case 'grant-network': {
      const granted = await grantNetwork(db, need('member'), need('network'), now);
      if (!granted.ok) fail(granted.reason);
      out(
        `${granted.memberName} now coordinates network ${v.network}${granted.previous && granted.previous !== v.network ? ` (instead of ${granted.previous})` : ''}`,
      );
      return;
    }
    case 'revoke-network': {
      const revoked = await revokeNetwork(db, need('member'));
      out(
        revoked
          ? `member ${v.member} no longer coordinates network ${revoked}`
          : `member ${v.member} coordinated no network`,
      );
      return;
    }
    case 'prune': {
      await prune(db, out, now, v['horizon-days'] ?? ctx.horizonDays);
      return;
    }
    case undefined:
    case 'help':
      out(usage);
      return;
    default:
      fail(`unknown command ${positionals[0]}\n${usage}`);
  }
}

/** The history pruned past the horizon, every run until nothing is left, then every object's removed elements. */
async function prune(db: Db, out: (line: string) => void, now: number, horizon: string | undefined) {
  const days = horizon === undefined ? defaultHorizonDays : Number(horizon);
  if (!Number.isFinite(days) || days < 0) fail(`--horizon-days must be a number of days (got ${horizon})`);
  const vacuumMs = await convertToIncrementalVacuum(db);
  if (vacuumMs !== undefined)
    out(`database file switched to auto_vacuum=INCREMENTAL (VACUUM: ${vacuumMs} ms)`);
  const total = { processed: 0, tombstones: 0, cities: 0, pagesFreed: 0 };
  for (;;) {
    const run = await pruneHistory(db, { nowMs: now, horizonMs: horizonMsOf(days) });
    total.processed += run.processed;
    total.tombstones += run.tombstones;
    total.cities += run.cities;
    total.pagesFreed += run.pagesFreed;
    if (!run.more) break;
  }
  const forgotten = await forgetRemovedEverywhere(db);
  // One more round of free pages: forgetting removals shrank rows.
  total.pagesFreed += (await pruneHistory(db, { nowMs: now, horizonMs: horizonMsOf(days) })).pagesFreed;
  out(
    `pruned the sync history older than ${days} days: ${total.processed} processed mutation ids, ${total.tombstones} tombstones, removed elements of ${forgotten} objects; prune point moved in ${total.cities} cities; ${total.pagesFreed} free pages given back`,
  );
}

async function list(db: Db, out: (line: string) => void, cityId?: string) {
  const cityRows = await db
    .select()
    .from(cities)
    .where(cityId ? eq(cities.id, cityId) : undefined)
    .orderBy(asc(cities.createdAt));
  if (cityRows.length === 0) out('no cities yet');
  for (const city of cityRows) {
    out(
      `city ${city.id}  ${city.name} (${city.country}, ${city.lang})  library version ${city.libraryVersion}` +
        `  viewers see contact details: ${city.viewersSeeContacts ? 'yes' : 'no'}`,
    );
    const people = await db
      .select()
      .from(members)
      .where(eq(members.cityId, city.id))
      .orderBy(asc(members.createdAt));
    for (const m of people) {
      out(
        `  member ${m.id}  ${m.name}  ${m.role}${m.email ? `  <${m.email}>` : ''}${m.disabledAt ? '  DISABLED' : ''}`,
      );
      const held = await db
        .select()
        .from(tokens)
        .where(and(eq(tokens.cityId, city.id), eq(tokens.memberId, m.id)))
        .orderBy(asc(tokens.createdAt));
      for (const t of held) {
        const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
        out(`    token ${t.id}  ${t.prefix}…  ${t.label ? `"${t.label}"  ` : ''}${state}`);
      }
    }
  }
}

function check<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return fail(`--${String(issue.path[0] ?? '')}: ${issue.message}`.replace('--networkId', '--network'));
}

async function memberById(db: Db, id: string) {
  const [member] = await db.select().from(members).where(eq(members.id, id));
  return member ?? fail(`no member ${id}`);
}

function fail(message: string): never {
  throw new AdminError(message);
}
