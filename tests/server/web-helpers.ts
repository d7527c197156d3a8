// Helpers for the web dashboard tests: sign in through the real form, then request pages with the session
// cookie, as a browser on the same origin would (app.request serves http://localhost).
import { expect } from 'vitest';
import type { World } from './support/world.ts';

export const origin = 'http://localhost';

export interface PageAnswer {
  status: number;
  text: string;
  headers: Headers;
}

/** The cookie pairs (`name=value`) a response sets, by name. */
export function setCookies(headers: Headers): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq), line);
  }
  return out;
}

export const cookieValue = (line: string | undefined) =>
  line?.split(';')[0]?.split('=').slice(1).join('=') ?? '';

export async function postForm(
  w: World,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { Origin: origin },
): Promise<PageAnswer> {
  const res = await w.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** Signs in with a personal access token; returns the Cookie header value for later requests. */
export async function signIn(w: World, token: string, next = '/web'): Promise<string> {
  const answer = await postForm(w, '/web/sign-in', { token, next });
  expect(answer.status, answer.text).toBe(303);
  const line = setCookies(answer.headers).get('icc_session');
  expect(line).toBeDefined();
  return `icc_session=${cookieValue(line)}`;
}

export async function page(
  w: World,
  path: string,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<PageAnswer> {
  const res = await w.app.request(path, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}
