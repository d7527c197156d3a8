// The real sync server for browser tests: the Hono app on a fresh libSQL file, served on 127.0.0.1, with
// helpers to make cities, members and tokens, revoke a token, and stop and restart it on the same port
// (what a member's browser sees as "the server is unreachable").
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app.ts';
import { openDatabaseFromEnv } from '../../../server/node-database.ts';
import { addMember, createCity, issueToken } from '../../../server/tenancy/tenancy.ts';
import { translationFromEnv } from '../../../server/translate/config.ts';
import { encodeConnectCode } from '../../../shared/api/connect.ts';

export interface TestMember {
  id: string;
  name: string;
  cityId: string;
  tokenId: string;
  connectCode: string;
}

/** `translationEnv`: the server's translation variables (e.g. LIBRETRANSLATE_URL of a fake engine). */
export async function startSyncServer(options: { translationEnv?: Record<string, string> } = {}) {
  const { db } = await openDatabaseFromEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'icc-server-')) });
  const translation = options.translationEnv ? translationFromEnv(options.translationEnv) : undefined;
  const app = createApp({ db, rateLimit: false, log: () => {}, ...(translation ? { translation } : {}) });
  let port = 0;
  let server: Server | null = null;

  const listen = () =>
    new Promise<void>((ready) => {
      server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        ready();
      }) as Server;
    });
  const stop = () =>
    new Promise<void>((done) => {
      if (!server) return done();
      server.closeAllConnections();
      server.close(() => done());
      server = null;
    });
  await listen();
  const origin = () => `http://127.0.0.1:${port}`;
  // One coordinator per city, made on first need, to act through the API as a coordinator would.
  const coordinators = new Map<string, string>();
  const coordinatorOf = async (cityId: string) => {
    let secret = coordinators.get(cityId);
    if (!secret) {
      const member = await addMember(
        db,
        cityId,
        { name: 'Test coordinator', role: 'coordinator' },
        Date.now(),
      );
      secret = (await issueToken(db, { cityId, memberId: member.id }, Date.now())).secret;
      coordinators.set(cityId, secret);
    }
    return secret;
  };

  return {
    origin,
    stop,
    restart: listen,
    async city(name: string, country: string, lang = 'en') {
      return createCity(db, { name, country, lang }, Date.now());
    },
    async member(
      cityId: string,
      name: string,
      role: 'coordinator' | 'contributor' | 'viewer',
    ): Promise<TestMember> {
      const member = await addMember(db, cityId, { name, role }, Date.now());
      const { secret, token } = await issueToken(db, { cityId, memberId: member.id }, Date.now());
      return {
        id: member.id,
        name,
        cityId,
        tokenId: token.id,
        connectCode: encodeConnectCode(origin(), secret),
      };
    },
    /**
     * Revokes the member's token as their city's coordinator does, through the API of the server the
     * extension talks to: that takes effect at this server's next request (a direct database write, as
     * `npm run admin -- revoke-token` from another process makes, is seen only once the caller cache's 5 s
     * have passed: server/README.md), so a sync right after it is refused.
     */
    async revoke(member: TestMember) {
      const coordinator = await coordinatorOf(member.cityId);
      const res = await app.request(`/api/tokens/${member.tokenId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${coordinator}` },
      });
      if (res.status !== 200) throw new Error(`revoking ${member.name}'s token answered ${res.status}`);
    },
    async close() {
      await stop();
      db.$client.close();
    },
  };
}
