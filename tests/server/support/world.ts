// A ready-made world for route tests: the real app on a fresh database, a controllable clock, and two cities
// (A and B) with a coordinator, a contributor and a viewer each, every one holding a token.
import { createApp } from '../../../server/app.ts';
import type { ExtensionOrigins } from '../../../server/cors.ts';
import type { AuthFailureOptions } from '../../../server/limits/auth-failures.ts';
import type { RateLimitOptions } from '../../../server/limits/rate-limit.ts';
import type { Logger } from '../../../server/on-error.ts';
import type { HistoryOptions } from '../../../server/sync/history-job.ts';
import { addMember, createCity, issueToken } from '../../../server/tenancy/tenancy.ts';
import type { TranslationOptions } from '../../../server/translate/setup.ts';
import type { City } from '../../../shared/schemas/city.ts';
import type { Member, Role } from '../../../shared/schemas/member.ts';
import type { Backend } from './backend.ts';

export interface Person {
  member: Member;
  token: string;
  tokenId: string;
}

export interface CityFixture {
  city: City;
  coordinator: Person;
  contributor: Person;
  viewer: Person;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers and assert on them.
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export const startTime = Date.parse('2025-03-01T09:00:00.000Z');

export async function makeWorld(
  backend: Backend,
  options: {
    rateLimit?: RateLimitOptions | false;
    maxBodyBytes?: number;
    translation?: TranslationOptions;
    authFailures?: AuthFailureOptions | false;
    trustProxy?: number;
    log?: Logger;
    extensionOrigins?: ExtensionOrigins;
    history?: HistoryOptions | false;
  } = {},
) {
  const db = await backend.freshDb();
  const clock = { now: startTime };
  const app = createApp({
    db,
    clock: () => clock.now,
    log: options.log ?? (() => {}),
    rateLimit: options.rateLimit ?? false,
    authFailures: options.authFailures,
    trustProxy: options.trustProxy,
    extensionOrigins: options.extensionOrigins,
    maxBodyBytes: options.maxBodyBytes,
    translation: options.translation,
    history: options.history,
  });

  async function person(cityId: string, role: Role, name: string): Promise<Person> {
    const member = await addMember(
      db,
      cityId,
      { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.org`, role },
      clock.now,
    );
    const { secret, token } = await issueToken(db, { cityId, memberId: member.id }, clock.now);
    return { member, token: secret, tokenId: token.id };
  }
  async function cityFixture(name: string, country: string): Promise<CityFixture> {
    const city = await createCity(db, { name, country, lang: 'en' }, clock.now);
    return {
      city,
      coordinator: await person(city.id, 'coordinator', `${name} Coordinator`),
      contributor: await person(city.id, 'contributor', `${name} Contributor`),
      viewer: await person(city.id, 'viewer', `${name} Viewer`),
    };
  }
  const a = await cityFixture('Lyon', 'FR');
  const b = await cityFixture('Bergen', 'NO');

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  async function call<T = any>(
    method: string,
    path: string,
    { token, json, headers = {} }: { token?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (token) h.Authorization = `Bearer ${token}`;
    if (json !== undefined) {
      h['Content-Type'] = 'application/json';
      init.body = JSON.stringify(json);
    }
    const res = await app.request(path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, body: body as T, headers: res.headers };
  }

  return { app, db, clock, a, b, call, person };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
