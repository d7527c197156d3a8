// The real sync server for the extension's sync tests: the Hono app on a fresh libSQL file, with the
// extension's fetch routed to it (no mock of either side), one city (Bari) and its members as the extension's
// connections. Other members' browsers speak the protocol directly with `push`.
import { vi } from 'vitest';
import type { NewPractice } from '../../../extension/store/practices.ts';
import type { Connection } from '../../../extension/sync/connection.ts';
import { type AppOptions, createApp } from '../../../server/app.ts';
import { addMember, createCity, issueToken } from '../../../server/tenancy/tenancy.ts';
import type { Role } from '../../../shared/schemas/member.ts';
import { freshFileDb } from '../../server/support/fresh-db.ts';

/** The address the extension is connected to; every fetch to it reaches the app. */
export const server = 'http://library.test';

/** A practice as the extension clips it from the city's page. */
export const bariPractice: NewPractice = {
  url: 'https://www.comune.bari.it/welcome-desk',
  canonicalUrl: null,
  title: 'Sportello di accoglienza multilingue',
  excerpt: '',
  siteName: 'Comune di Bari',
  byline: null,
  publishedTime: null,
  lang: 'it',
  dir: 'ltr',
  image: null,
  contentMarkdown: 'Testo',
  extraction: 'full',
  areas: ['welcoming_newcomers'],
  tags: ['accoglienza'],
  note: '',
};

export async function cityServer(options: Partial<Omit<AppOptions, 'db'>> = {}) {
  const { db } = await freshFileDb();
  const app = createApp({ db, rateLimit: false, log: () => {}, ...options });
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => app.fetch(new Request(input, init)));
  const now = Date.now();
  const city = await createCity(db, { name: 'Bari', country: 'IT', lang: 'it' }, now);

  /** A member of the city, as the extension holds its connection (`token` is the access token). */
  const member = async (name: string, role: Role = 'contributor'): Promise<Connection> => {
    const m = await addMember(db, city.id, { name, role }, now);
    const { secret } = await issueToken(db, { cityId: city.id, memberId: m.id }, now);
    return {
      server,
      token: secret,
      memberId: m.id,
      memberName: name,
      role,
      cityId: city.id,
      cityName: city.name,
      cityCountry: city.country,
      connectedAt: new Date(now).toISOString(),
    };
  };

  /** Another member's browser pushing directly; the answer must be 200. */
  const push = async (token: string, mutations: unknown[], clientId = 'other-browser') => {
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, mutations }),
    });
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    return res.json();
  };

  return { db, app, city, now, member, push };
}
