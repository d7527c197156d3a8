// The operator's side: the first start of an empty database, and the admin commands.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AdminError, runAdmin } from '../../server/admin/commands.ts';
import { createApp } from '../../server/app.ts';
import { bootstrapFirstCity, bootstrapMessage } from '../../server/tenancy/bootstrap.ts';
import { parseConnectInput } from '../../shared/api/connect.ts';
import { freshFileDb } from './support/fresh-db.ts';

const now = Date.parse('2025-03-01T09:00:00Z');

async function admin(db: Awaited<ReturnType<typeof freshFileDb>>['db'], ...argv: string[]) {
  const lines: string[] = [];
  await runAdmin(argv, { db, out: (l) => lines.push(l), now, server: 'http://127.0.0.1:8787' });
  return lines.join('\n');
}

describe('first start', () => {
  it('an empty database gets a city, a coordinator and a working token with its connect link, once', async () => {
    const { db } = await freshFileDb();
    const first = await bootstrapFirstCity(db, {
      server: 'http://127.0.0.1:8787',
      now,
      city: { name: 'Lyon', country: 'FR', lang: 'fr' },
    });
    expect(first).not.toBeNull();
    expect(parseConnectInput(first!.link)).toEqual({ server: 'http://127.0.0.1:8787', token: first!.secret });
    const message = bootstrapMessage(first!);
    expect(message).toContain(first!.link);
    expect(message).toContain(first!.code);
    const me = await createApp({ db }).request('/api/me', {
      headers: { Authorization: `Bearer ${first!.secret}` },
    });
    expect(await me.json()).toMatchObject({
      member: { role: 'coordinator', name: 'Coordinator' },
      city: { name: 'Lyon' },
    });
    expect(await bootstrapFirstCity(db, { server: 'http://127.0.0.1:8787', now })).toBeNull();
  });
});

describe('admin commands', () => {
  it('create-city, add-member, issue-token, list and revoke-token work together', async () => {
    const { db } = await freshFileDb();
    const city = await admin(db, 'create-city', '--name', 'Bergen', '--country', 'NO', '--lang', 'nb');
    const cityId = /id (\S+)$/.exec(city)![1]!;
    const member = await admin(
      db,
      'add-member',
      '--city',
      cityId,
      '--name',
      'Ingrid',
      '--role',
      'contributor',
      '--email',
      'ingrid@example.org',
    );
    const memberId = /id (\S+)$/.exec(member)![1]!;
    const issued = await admin(db, 'issue-token', '--member', memberId, '--label', 'laptop');
    const secret = /token: +(icc_\S+)/.exec(issued)![1]!;
    expect(parseConnectInput(/connect link: (\S+)/.exec(issued)![1]!)).toEqual({
      server: 'http://127.0.0.1:8787',
      token: secret,
    });
    const clock = { now: Date.now() };
    const app = createApp({ db, clock: () => clock.now });
    const me = () => app.request('/api/me', { headers: { Authorization: `Bearer ${secret}` } });
    expect((await me()).status).toBe(200);

    const listing = await admin(db, 'list');
    expect(listing).toContain('Bergen (NO, nb)');
    expect(listing).toContain('Ingrid  contributor  <ingrid@example.org>');
    expect(listing).toContain(`${secret.slice(0, 10)}…  "laptop"`);
    expect(listing).not.toContain(secret);

    expect(await admin(db, 'revoke-token', '--token', secret.slice(0, 10))).toMatch(/^revoked token/);
    // The CLI is another process: the server trusts its cached caller for at most the auth TTL (5 s).
    clock.now += 5_000;
    expect((await me()).status).toBe(401);
    expect(await admin(db, 'set-city', '--city', cityId, '--name', 'Bergen kommune')).toContain(
      'Bergen kommune',
    );
  });

  it('set-city --viewers-see-contacts switches what viewers see, and list shows it', async () => {
    const { db } = await freshFileDb();
    const city = await admin(db, 'create-city', '--name', 'Lyon', '--country', 'FR', '--lang', 'fr');
    const cityId = /id (\S+)$/.exec(city)![1]!;
    expect(await admin(db, 'list')).toContain('viewers see contact details: no');
    expect(await admin(db, 'set-city', '--city', cityId, '--viewers-see-contacts', 'true')).toContain(
      'Lyon (FR, fr), viewers see contact details: yes',
    );
    expect(await admin(db, 'list')).toContain('viewers see contact details: yes');
    await expect(admin(db, 'set-city', '--city', cityId, '--viewers-see-contacts', 'maybe')).rejects.toThrow(
      '--viewers-see-contacts must be true or false',
    );
    await expect(admin(db, 'set-city', '--city', 'nope', '--viewers-see-contacts', 'true')).rejects.toThrow(
      'no city nope',
    );
  });

  it('bad input fails with a message naming the option', async () => {
    const { db } = await freshFileDb();
    await expect(
      admin(db, 'create-city', '--name', 'X', '--country', 'Norway', '--lang', 'nb'),
    ).rejects.toThrow(/--country/);
    await expect(admin(db, 'add-member', '--name', 'X', '--role', 'viewer')).rejects.toThrow(
      '--city is required',
    );
    await expect(admin(db, 'frobnicate')).rejects.toBeInstanceOf(AdminError);
    expect(await admin(db, 'help')).toContain('Usage: npm run admin');
  });

  it('`npm run admin` runs the CLI against DATA_DIR', async () => {
    const { dir } = await freshFileDb();
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'admin', '--', 'list'], {
      env: { ...process.env, DATA_DIR: dir },
    });
    expect(stdout).toContain('no cities yet');
  });
});
